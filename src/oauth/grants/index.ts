/** @module The grants the engine can perform, by grant_type. */
import type { GrantType } from '../../profiles/profile.js'
import type { HeaderReader } from '../../engine/antiforgery.js'
import type { MockState } from '../../engine/mock-state.js'
import type { Principal } from '../../store/types.js'
import type { TokenParams } from '../token-params.js'
import * as actAs from './as.js'
import * as authorizationCode from './authorization-code.js'
import * as clientCredentials from './client-credentials.js'
import * as mfa from './mfa.js'
import * as password from './password.js'
import * as refreshToken from './refresh-token.js'

/** The first step of a two-step login (VSPC MFA): no session yet, only the token of the second step. */
export interface MfaPending {
  mfaToken: string
}

/** Who the new session is for, or the second step a login still needs. */
export type GrantResult = Principal | MfaPending

/** `header` reads any request header (lower-case name), for grants that check more than Authorization. */
export type GrantHandler = (state: MockState, params: TokenParams, authorization: string | undefined, header: HeaderReader) => GrantResult

export const GRANTS: Record<GrantType, GrantHandler> = {
  [password.grantType]: password.handle,
  [clientCredentials.grantType]: clientCredentials.handle,
  [refreshToken.grantType]: refreshToken.handle,
  [authorizationCode.grantType]: authorizationCode.handle,
  [mfa.grantType]: mfa.handle,
  [actAs.grantType]: actAs.handle,
}
