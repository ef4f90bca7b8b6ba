/** @module grant_type=refresh_token: a new pair for a refresh token, which is used up (rotation) unless the profile's outcome says otherwise. */
import { requireAntiforgery, type HeaderReader } from '../../engine/antiforgery.js'
import { resolvePrincipal } from '../../engine/principal.js'
import type { MockState } from '../../engine/mock-state.js'
import { outcomesOf } from '../../engine/outcomes.js'
import type { Principal } from '../../store/types.js'
import { invalidGrant } from '../errors.js'
import { required, type TokenParams } from '../token-params.js'

export const grantType = 'refresh_token'

export function handle(state: MockState, params: TokenParams, _authorization: string | undefined, header: HeaderReader): Principal {
  const token = required(params, 'refresh_token', grantType)
  const session = state.store.byRefreshToken(token, state.clock.now())
  if (session === undefined) throw invalidGrant('The refresh token is unknown, expired, revoked or already used.', 'invalid-refresh-token')
  if (resolvePrincipal(state, session.principal) === undefined) {
    throw invalidGrant('The account behind this refresh token can no longer use the REST API.', 'account-not-allowed')
  }
  // Before the token is used up: a refused refresh leaves it working.
  requireAntiforgery(state, session, header, true)
  // Synchronous from lookup to here, so of concurrent refreshes of one token exactly one gets this far.
  if (outcomesOf(state)['refresh-rotation']) state.store.dropRefreshToken(session)
  return session.principal
}
