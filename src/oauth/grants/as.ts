/**
 * @module grant_type=as: act as another user (VSPC impersonation). The caller's refresh token proves who asks;
 * the profile's impersonation roles may, and the session is for the user with `userUid`.
 */
import { accountByUid } from '../../accounts/user-uid.js'
import { accountMayUseApi, resolvePrincipal } from '../../engine/principal.js'
import type { MockState } from '../../engine/mock-state.js'
import type { Principal } from '../../store/types.js'
import { invalidGrant, invalidRequest } from '../errors.js'
import { required, type TokenParams } from '../token-params.js'

export const grantType = 'as'

export function handle(state: MockState, params: TokenParams): Principal {
  const token = required(params, 'refresh_token', grantType)
  const uid = required(params, 'userUid', grantType)
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(uid)) throw invalidRequest('Parameter "userUid" must be a UUID.')
  const session = state.store.byRefreshToken(token, state.clock.now())
  const caller = session && resolvePrincipal(state, session.principal)
  if (caller === undefined) throw invalidGrant('The refresh token is unknown, expired, revoked or already used.', 'invalid-refresh-token')
  // The impersonator's own refresh token stays usable: it keeps its session and may act as others again.
  if (!(state.profile.impersonation?.roles ?? []).includes(caller.account.role)) {
    throw invalidGrant(`Only ${(state.profile.impersonation?.roles ?? []).join(', ')} may act as another user.`, 'account-not-allowed')
  }
  const target = accountByUid(state.store, uid)
  if (!accountMayUseApi(state, target)) throw invalidGrant('No user with this userUid may use the REST API.', 'account-not-allowed')
  return { kind: 'user', accountId: target.id }
}
