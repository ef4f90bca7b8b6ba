/** @module Quirks: each breaks exactly one documented rule, to test clients (and the conformance suite) against a misbehaving server. */

/** Quirk names with what each breaks. */
export const QUIRKS = {
  'clients-can-create-clients': 'A client account may create client accounts (for its user).',
  'client-sees-sibling-ids': "A client listing Clients sees all of its user's client IDs, not only its own.",
  'client-can-delete-siblings': 'A client may delete the other client accounts of its user.',
  'logout-keeps-token': 'Logout answers as documented but the access token (and its refresh token) keep working.',
  'logout-returns-200': 'Logout answers 200 instead of the documented status.',
  'refresh-token-reusable': 'A used refresh token keeps working (no rotation).',
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
  'antiforgery-not-required': 'A session issued with an antiforgery token is served without it, refresh included.',
  'logout-returns-204': 'Logout answers 204 instead of the documented status.',
  'revoke-ignores-token-parameter': 'Revoke ends the caller\'s own session instead of the access token named in its token field.',
} as const satisfies Record<string, string>

export type QuirkName = keyof typeof QUIRKS

/** The names, or an error naming the unknown one. */
export function assertQuirks(names: readonly string[]): QuirkName[] {
  for (const name of names) {
    if (!(name in QUIRKS)) throw new Error(`Unknown quirk "${name}"; known: ${Object.keys(QUIRKS).join(', ') || 'none'}.`)
  }
  return names as QuirkName[]
}
