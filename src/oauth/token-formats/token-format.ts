/** @module What a token format is: how the strings a session is known by are made. */
import type { MockState } from '../../engine/mock-state.js'

/** What a token says about its session (formats that carry claims use it). */
export interface TokenClaims {
  /** The account's user name (a client: its id). */
  name: string
  /** Milliseconds since the epoch, on the mock's clock. */
  issuedAt: number
  accessExpiresAt: number
  refreshExpiresAt: number
  /** The refresh token lives only a short while (VBR's use_short_term_refresh). */
  shortTerm: boolean
  /** The account's role, Windows SID and a numeric user id (formats whose tokens carry them: Veeam ONE's). */
  role?: string
  sid?: string
  userId?: string
  /** `DOMAIN\\NAME`. */
  qualifiedName?: string
}

export interface TokenFormat {
  /** The tokens carry the account's role, SID and user id (the engine works them out only then). */
  identity?: boolean
  pair(state: MockState, claims: TokenClaims): { accessToken: string; refreshToken: string }
}
