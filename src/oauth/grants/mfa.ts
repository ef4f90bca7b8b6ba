/** @module grant_type=mfa: the mfa_token of a password login and the account's current TOTP code (VSPC). */
import { resolvePrincipal } from '../../engine/principal.js'
import type { MockState } from '../../engine/mock-state.js'
import type { Principal } from '../../store/types.js'
import { invalidGrant } from '../errors.js'
import { required, type TokenParams } from '../token-params.js'

export const grantType = 'mfa'

export function handle(state: MockState, params: TokenParams): Principal {
  const token = required(params, 'mfa_token', grantType)
  const code = required(params, 'mfa_code', grantType)
  if (code.length > 100) throw invalidGrant('Specified TOTP code is invalid.', 'invalid-code')
  const result = state.mfa.complete(state, token, code)
  if ('refused' in result) {
    // 1207 and 1208 are the vendor's error codes for a wrong TOTP code and a wrong MFA answer.
    throw invalidGrant(
      result.refused === 'code' ? 'Specified TOTP code is invalid (1207).' : 'Specified MFA answer is invalid (1208): the mfa_token is unknown, expired or used.',
      'invalid-code',
    )
  }
  const principal: Principal = { kind: 'user', accountId: result.accountId }
  if (resolvePrincipal(state, principal) === undefined) throw invalidGrant('The account can no longer use the REST API.', 'account-not-allowed')
  return principal
}
