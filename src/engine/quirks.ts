/** @module Quirks: each breaks exactly one documented rule, to test clients (and the conformance suite) against a misbehaving server. */
import type { Profile } from '../profiles/profile.js'

/** Quirk names with what each breaks. */
export const QUIRKS = {
  'clients-can-create-clients': 'A client account may create client accounts (for its user).',
  'client-sees-sibling-ids': "A client listing Clients sees all of its user's client IDs, not only its own.",
  'client-can-delete-siblings': 'A client may delete the other client accounts of its user.',
  'logout-keeps-token': 'Logout answers as documented but the access token (and its refresh token) keep working.',
  'logout-returns-200': 'Logout answers 200 instead of the documented status.',
  'refresh-token-reusable': 'A used refresh token keeps working (no rotation).',
  'logout-keeps-refresh': 'Logout ends the access token but its refresh token keeps working.',
  'unknown-client-400': "A user deleting an unknown client ID (or another user's client) gets 400 instead of 404.",
  'client-delete-other-404': 'A client deleting another client account gets 404 instead of 403.',
  'client-create-refused-400': 'A client creating a client account gets 400 instead of 403.',
  'role-refused-unauthorized-client': 'An account whose role may not use the API gets 400 unauthorized_client instead of invalid_grant.',
  'wrong-secret-accepted': 'client_credentials succeeds with any secret for a known client ID.',
  'list-wrapped-in-object': 'Listing Clients returns {"clients": [...]} instead of a bare array.',
  'create-response-camel-case': 'Creating a client returns {clientId, clientSecret} instead of {client_id, client_secret}.',
  'missing-auth-accepted': 'A protected request without Authorization acts as the first account that may use the API.',
  'bare-username-refused': 'A bare USERNAME (without DOMAIN\\) is refused although the profile allows it.',
  'server-error-on-bad-grant': 'An unsupported grant_type answers 500 instead of 400 unsupported_grant_type.',
  'expires-in-as-string': 'expires_in is a string ("899") instead of an integer.',
  'api-version-not-required': 'A request without the profile\'s version header (x-api-version) is served instead of refused.',
  'any-api-version-accepted': 'A request with an unsupported API version is served instead of refused.',
  'empty-401-body': 'Every 401 answers with an empty body, as some real VBR servers do.',
  'token-dates-inconsistent': '.expires is not .issued plus expires_in.',
  'dates-without-offset': '.issued and .expires are written without a UTC offset.',
  'authorization-code-reusable': 'An authorization code can be exchanged more than once.',
  'mfa-code-reusable': 'A TOTP code that already logged an account in is accepted again (RFC 6238 section 5.2 forbids it).',
  'api-key-survives-delete': 'Deleting an API key\'s login answers as documented but the key keeps working.',
  'revoke-ends-only-own-session': 'Revoking a user\'s tokens ends only the caller\'s session, not every session of the user.',
  'throttle-without-retry-after': 'A throttled request answers 429 without the Retry-After header.',
  'antiforgery-not-required': 'A session issued with an antiforgery token is served without it, refresh included.',
  'logout-returns-204': 'Logout answers 204 instead of the documented status.',
  'revoke-ignores-token-parameter': 'Revoke ends the caller\'s own session instead of the access token named in its token field.',
  'revoke-sid-ends-only-own-session': 'Revoke with the user field (UserSid) ends only the caller\'s session, not every session of the user.',
} as const satisfies Record<string, string>

export type QuirkName = keyof typeof QUIRKS

/** Profile features a quirk can need: without the feature the rule it breaks does not exist. */
const FEATURES = {
  clients: { label: 'a Clients resource', has: (p: Profile) => p.clientBases.length > 0 },
  'client-credentials': { label: 'the client_credentials grant', has: (p: Profile) => p.grants.includes('client_credentials') },
  'refresh-grant': { label: 'the refresh_token grant', has: (p: Profile) => p.grants.includes('refresh_token') },
  logout: { label: 'a logout', has: (p: Profile) => p.logout !== undefined },
  'logout-with-refresh': { label: 'a logout of one session and the refresh_token grant', has: (p: Profile) => p.logout !== undefined && p.logout.scope !== 'user' && p.grants.includes('refresh_token') },
  'logout-not-200': { label: 'a logout answered with another status than 200', has: (p: Profile) => p.logout !== undefined && p.logout.status !== 200 },
  'logout-not-204': { label: 'a logout answered with another status than 204', has: (p: Profile) => p.logout !== undefined && p.logout.status !== 204 },
  'oauth-errors': { label: 'RFC 6749 token errors (the oauth-message error model)', has: (p: Profile) => p.errors.model === 'oauth-message' },
  antiforgery: { label: 'antiforgery tokens', has: (p: Profile) => p.antiforgery !== undefined },
  'revoke-by-token': { label: 'a revoke naming the token to end', has: (p: Profile) => p.logout?.params !== undefined },
  'revoke-by-sid': { label: 'a revoke naming the user by SID', has: (p: Profile) => p.logout?.params !== undefined },
  'bare-usernames': { label: 'bare USERNAMEs accepted', has: (p: Profile) => p.usernames.bareAllowed },
  'expires-in': { label: 'expires_in in the token response', has: (p: Profile) => p.tokenResponse.fields.includes('expires_in') },
  'api-version': { label: 'a version header (x-api-version)', has: (p: Profile) => p.apiVersion !== undefined },
  'token-dates': { label: '.issued and .expires in the token response', has: (p: Profile) => p.tokenResponse.fields.includes('.issued') },
  'authorization-code': { label: 'the authorization_code grant', has: (p: Profile) => p.authorizationCode !== undefined && p.grants.includes('authorization_code') },
  mfa: { label: 'a second factor (grant_type=mfa)', has: (p: Profile) => p.mfa !== undefined },
  'api-keys': { label: 'API keys', has: (p: Profile) => p.apiKeys !== undefined },
  'user-revoke': { label: 'a revoke of every session of a user', has: (p: Profile) => p.logout?.scope === 'user' },
} as const

/** The feature each quirk needs (none: every profile has the rule it breaks). */
export const QUIRK_NEEDS: Record<QuirkName, keyof typeof FEATURES | undefined> = {
  'clients-can-create-clients': 'clients',
  'client-sees-sibling-ids': 'clients',
  'client-can-delete-siblings': 'clients',
  'logout-keeps-token': 'logout',
  'logout-returns-200': 'logout-not-200',
  'refresh-token-reusable': 'refresh-grant',
  'logout-keeps-refresh': 'logout-with-refresh',
  'unknown-client-400': 'clients',
  'client-delete-other-404': 'clients',
  'client-create-refused-400': 'clients',
  'role-refused-unauthorized-client': 'oauth-errors',
  'wrong-secret-accepted': 'client-credentials',
  'list-wrapped-in-object': 'clients',
  'create-response-camel-case': 'clients',
  'missing-auth-accepted': undefined,
  'bare-username-refused': 'bare-usernames',
  'server-error-on-bad-grant': undefined,
  'expires-in-as-string': 'expires-in',
  'api-version-not-required': 'api-version',
  'any-api-version-accepted': 'api-version',
  'empty-401-body': undefined,
  'token-dates-inconsistent': 'token-dates',
  'dates-without-offset': 'token-dates',
  'authorization-code-reusable': 'authorization-code',
  'mfa-code-reusable': 'mfa',
  'api-key-survives-delete': 'api-keys',
  'revoke-ends-only-own-session': 'user-revoke',
  // Throttling is on in any profile once --throttle sets a limit.
  'throttle-without-retry-after': undefined,
  'antiforgery-not-required': 'antiforgery',
  'logout-returns-204': 'logout-not-204',
  'revoke-ignores-token-parameter': 'revoke-by-token',
  'revoke-sid-ends-only-own-session': 'revoke-by-sid',
}

/** Whether `profile` has the rule the quirk breaks. */
export function quirkApplies(name: QuirkName, profile: Profile): boolean {
  const need = QUIRK_NEEDS[name]
  return need === undefined || FEATURES[need].has(profile)
}

/** The names, or an error naming the unknown one (or, given a profile, one that would break nothing there). */
export function assertQuirks(names: readonly string[], profile?: Profile): QuirkName[] {
  const known = Object.keys(QUIRKS) as QuirkName[]
  for (const name of names) {
    if (!Object.hasOwn(QUIRKS, name)) throw new Error(`Unknown quirk "${name}"; known: ${known.join(', ') || 'none'}.`)
    const need = QUIRK_NEEDS[name as QuirkName]
    if (profile !== undefined && need !== undefined && !FEATURES[need].has(profile)) {
      const usable = known.filter((q) => quirkApplies(q, profile))
      throw new Error(`Quirk "${name}" needs ${FEATURES[need].label}, which profile ${profile.id} does not have; its quirks: ${usable.join(', ')}.`)
    }
  }
  return names as QuirkName[]
}
