/** @module grant_type=client_credentials: a client account's ID and secret, in the body or HTTP Basic. */
import { resolvePrincipal } from '../../engine/principal.js'
import type { MockState } from '../../engine/mock-state.js'
import { secretMatches } from '../../security/secret.js'
import type { Principal } from '../../store/types.js'
import { clientCredentials } from '../client-auth.js'
import { invalidClient, invalidGrant } from '../errors.js'
import type { TokenParams } from '../token-params.js'

export const grantType = 'client_credentials'

/** Also the token endpoint's documented 401 example (with HTTP Basic). */
export const BAD_CLIENT_TEXT = 'Client authentication failed: unknown client or wrong secret.'

export function handle(state: MockState, params: TokenParams, authorization: string | undefined): Principal {
  const { clientId, clientSecret, usedBasic } = clientCredentials(params, authorization)
  const client = state.store.getClient(clientId)
  if (client === undefined || !(secretMatches(clientSecret, client.secretHash) || state.quirks.has('wrong-secret-accepted'))) {
    throw invalidClient(BAD_CLIENT_TEXT, usedBasic)
  }
  const principal: Principal = { kind: 'client', clientId: client.id }
  if (resolvePrincipal(state, principal) === undefined) {
    throw invalidGrant('The account that created this client can no longer use the REST API.', 'account-not-allowed')
  }
  return principal
}
