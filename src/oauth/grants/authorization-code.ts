/** @module grant_type=authorization_code: a code from the profile's authorization-code route, exchanged once. */
import { resolvePrincipal } from '../../engine/principal.js'
import type { MockState } from '../../engine/mock-state.js'
import type { Principal } from '../../store/types.js'
import { invalidGrant } from '../errors.js'
import { required, type TokenParams } from '../token-params.js'

export const grantType = 'authorization_code'

export function handle(state: MockState, params: TokenParams): Principal {
  const code = required(params, 'code', grantType)
  const principal = state.codes.take(code, state.clock.now())
  if (principal === undefined) throw invalidGrant('The authorization code is unknown, expired or already used.', 'invalid-code')
  if (resolvePrincipal(state, principal) === undefined) {
    throw invalidGrant('The account behind this authorization code can no longer use the REST API.', 'account-not-allowed')
  }
  return principal
}
