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
}

export interface TokenFormat {
  pair(state: MockState, claims: TokenClaims): { accessToken: string; refreshToken: string }
}
