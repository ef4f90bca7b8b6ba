/** @module grant_type=password: a user's `DOMAIN\USERNAME` (or bare `USERNAME`) and password. */
import { parseUsername } from '../../accounts/username.js'
import { accountMayUseApi } from '../../engine/principal.js'
import type { MockState } from '../../engine/mock-state.js'
import { hashSecret, secretMatches } from '../../security/secret.js'
import { invalidGrant, OAuthError } from '../errors.js'
import { required, type TokenParams } from '../token-params.js'
import type { GrantResult } from './index.js'

export const grantType = 'password'

/** Also the token endpoint's documented 400 example. */
export const WRONG_PASSWORD_TEXT = 'The user name or password is incorrect.'

// Compared against when the account is unknown, so both paths cost one hash and one compare.
const NO_ACCOUNT_DIGEST = hashSecret('\u0000no such account')

export function handle(state: MockState, params: TokenParams): GrantResult {
  const username = required(params, 'username', grantType)
  const password = required(params, 'password', grantType)
  const { usernames, roles } = state.profile
  const rule = state.quirks.has('bare-username-refused') ? { ...usernames, bareAllowed: false } : usernames
  const parsed = parseUsername(username, rule)
  if (parsed === undefined) {
    throw invalidGrant(
      usernames.bareAllowed
        ? 'The user name must be in the DOMAIN\\USERNAME or USERNAME format.'
        : 'The user name must be in the DOMAIN\\USERNAME format.',
      'invalid-credentials',
    )
  }
  const account = state.store.findAccount(parsed.domain, parsed.name)
  const matches = secretMatches(password, account?.passwordHash ?? NO_ACCOUNT_DIGEST)
  if (account === undefined || !matches || account.disabled) {
    throw invalidGrant(WRONG_PASSWORD_TEXT, 'invalid-credentials')
  }
  if (!accountMayUseApi(state, account)) {
    const text = `The account may not use the REST API; it needs the role ${roles.join(' or ')}.`
    // VSPC's choice on a profile that assumes invalid_grant: a stand-in for a server that chose so.
    if (state.quirks.has('role-refused-unauthorized-client')) throw new OAuthError(400, 'unauthorized_client', text, {}, 'account-not-allowed')
    throw invalidGrant(text, 'account-not-allowed')
  }
  // A second factor: the password proves only the first; the session waits for grant_type=mfa.
  if (state.profile.mfa !== undefined && account.mfaSecret !== undefined) return { mfaToken: state.mfa.start(state, account) }
  return { kind: 'user', accountId: account.id }
}
