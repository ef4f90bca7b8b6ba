/** @module Every check the suite knows: id (a sentence), scenario, severity, citation, and the spec assumption it tests. */

export type Severity = 'MUST' | 'SHOULD' | 'INFO'

export interface CheckDef {
  id: string
  scenario: string
  severity: Severity
  /** The generic citation (RFC, spec, docs/sources.md); a run may cite its seed page instead (citations/). */
  cite: string
  /** An assumption id from the spec's x-veeam-auth-mock: declared and --strict makes the check MUST. */
  assumption?: string
  /** Where the spec marks this rule an assumption, the check is INFO unless --strict (e.g. logout on vao-3). */
  weakWhenAssumed?: boolean
  /** The rule's name in a spec's `documented` list (default: the assumption id): a documented rule is a MUST. */
  rule?: string
  /** The refusal a code check compares with the spec's error model (RFC 6749 codes for the orchestrators). */
  refusal?: string
  /**
   * The check expects the spec's outcome of its assumption (x-veeam-auth-mock.outcomes, keyed by the assumption id),
   * and --record writes what the target did: `status`, the refusal's 4xx; `refused`, whether the token was refused;
   * `refusal`, the status and code of `refusal` (written to the profile's errors.refusals).
   */
  records?: 'status' | 'refused' | 'refusal'
}

/**
 * The generic citation of each check: an RFC clause, the spec, or a section of docs/sources.md (the project's
 * sources page, with the vendor page each fact comes from). A run replaces it with the wording of the seed page its
 * profile cites, where that page states the rule (citations/).
 */
const CLIENT_PAGES = 'docs/sources.md#vro-clients-resource (VRO client pages: docs/vro/rest/client_registration.html, references/vro/7.2/rest/7.2.1/tag/Clients)'
const def = (scenario: string, severity: Severity, cite: string, more: Partial<CheckDef> = {}) => ({ scenario, severity, cite, ...more })

const TABLE: Record<string, Omit<CheckDef, 'id'>> = {
  'password-grant-returns-token': def('token', 'MUST', 'RFC 6749 §4.3.3, §5.1: 200 with an access token'),
  'token-response-has-documented-fields':
    def('token', 'MUST', 'spec x-veeam-auth-mock.tokenResponse.fields; RFC 6749 §5.1'),
  'token-type-is-bearer': def('token', 'MUST', 'RFC 6749 §5.1 token_type; RFC 6750 §4 (case-insensitive)'),
  'expires-in-is-positive-integer': def('token', 'MUST', 'RFC 6749 §5.1 expires_in: the lifetime in seconds'),
  'token-response-not-cached': def('token', 'SHOULD', 'RFC 6749 §5.1 Cache-Control: no-store'),
  'bare-username-accepted': def('token', 'MUST', 'spec x-veeam-auth-mock.usernames.bareAllowed'),
  'omitted-grant-type-uses-default': def('token', 'MUST', 'spec TokenRequest.grant_type default'),
  'wrong-password-refused': def('token', 'MUST', 'RFC 6749 §4.3.2 the server MUST validate the password'),
  'wrong-password-is-invalid-grant': def('token', 'SHOULD', 'RFC 6749 §5.2 invalid_grant'),
  'unknown-account-refused': def('token', 'MUST', 'RFC 6749 §4.3.2 the server MUST validate the credentials'),
  'unknown-account-is-invalid-grant': def('token', 'SHOULD', 'RFC 6749 §5.2 invalid_grant'),
  'unknown-grant-is-unsupported-grant-type': def('token', 'SHOULD', 'RFC 6749 §5.2 unsupported_grant_type'),
  'missing-parameter-is-invalid-request':
    def('token', 'SHOULD', 'RFC 6749 §5.2 invalid_request (missing parameter)'),
  'repeated-parameter-is-invalid-request':
    def('token', 'SHOULD', 'RFC 6749 §3.2 parameters MUST NOT repeat; §5.2 invalid_request'),
  'unprivileged-account-refused': def('token', 'MUST', 'spec x-veeam-auth-mock.roles: only these roles may use the API'),
  'unprivileged-account-is-invalid-grant':
    def('token', 'INFO', 'spec assumption role-refused-invalid-grant', { assumption: 'role-refused-invalid-grant', records: 'refusal', refusal: 'account-not-allowed' }),
  'refresh-returns-new-pair': def('refresh', 'MUST', 'RFC 6749 §6 refreshing an access token: 200 (§5.1)'),
  'refresh-returns-different-tokens': def('refresh', 'MUST', 'RFC 6749 §6: a new access token, and a new refresh token'),
  'refreshed-access-token-works': def('refresh', 'MUST', 'RFC 6749 §6: the new access token is the one to use'),
  'used-refresh-token-refused':
    def('refresh', 'INFO', 'spec assumption refresh-rotation; OAuth 2.0 Security BCP (RFC 9700) §4.14.2', { assumption: 'refresh-rotation', records: 'refused' }),
  'garbage-refresh-token-refused':
    def('refresh', 'MUST', 'RFC 6749 §6 the server MUST validate the refresh token'),
  'garbage-refresh-token-is-invalid-grant': def('refresh', 'SHOULD', 'RFC 6749 §5.2 invalid_grant'),
  'user-creates-client': def('clients', 'MUST', `${CLIENT_PAGES}: create answers 200 with client_id and client_secret`),
  'client-credentials-grant-works': def('clients', 'MUST', 'RFC 6749 §4.4 client credentials grant: 200 with an access token'),
  'wrong-client-secret-refused':
    def('clients', 'MUST', 'RFC 6749 §3.2.1 the server MUST authenticate the client'),
  'wrong-client-secret-is-invalid-client': def('clients', 'SHOULD', 'RFC 6749 §5.2 invalid_client'),
  'user-lists-exactly-its-clients': def('clients', 'MUST', `${CLIENT_PAGES}: the list is a JSON array of client IDs`),
  'client-lists-only-own-id': def('clients', 'MUST', `${CLIENT_PAGES}: "A client can get only its own client ID"`),
  'client-cannot-create-client': def('clients', 'MUST', `${CLIENT_PAGES}: "Clients cannot create new client accounts."`),
  'client-create-refused-with-403':
    def('clients', 'INFO', 'spec assumption client-create-forbidden-403', { assumption: 'client-create-forbidden-403', records: 'status' }),
  'client-cannot-delete-sibling':
    def('clients', 'MUST', `${CLIENT_PAGES}: "A client can delete only his own client account."`),
  'client-delete-sibling-refused-with-403':
    def('clients', 'INFO', 'spec assumption client-delete-other-403', { assumption: 'client-delete-other-403', records: 'status' }),
  'user-delete-unknown-client-is-404':
    def('clients', 'INFO', 'spec assumption unknown-client-404', { assumption: 'unknown-client-404', records: 'status' }),
  'delete-without-client-id-is-400':
    def('clients', 'INFO', 'spec assumption missing-client-id-400', { assumption: 'missing-client-id-400', records: 'status' }),
  'client-deletes-itself': def('clients', 'MUST', `${CLIENT_PAGES}: delete answers 204`),
  'deleted-client-token-refused':
    def('clients', 'MUST', 'What deleting an account means: its tokens stop working; RFC 6750 §3.1 invalid_token'),
  'deleted-client-credentials-refused':
    def('clients', 'MUST', 'What deleting an account means; RFC 6749 §3.2.1 the server MUST authenticate the client'),
  'user-deletes-its-client':
    def('clients', 'MUST', `${CLIENT_PAGES}: "A user can delete all related client accounts."`),
  'users-see-only-own-clients': def('cross-user', 'MUST', `${CLIENT_PAGES}: a user lists the client IDs related to it`),
  'user-cannot-delete-other-users-client':
    def('cross-user', 'MUST', `${CLIENT_PAGES}: "A user can delete all related client accounts."`),
  'other-users-client-is-404':
    def('cross-user', 'INFO', 'spec assumption unknown-client-404', { assumption: 'unknown-client-404', records: 'status' }),
  'logout-returns-documented-status':
    def('logout', 'MUST', 'the status and message of spec x-veeam-auth-mock.logout', { assumption: 'logout-route', weakWhenAssumed: true }),
  'logged-out-access-token-refused':
    def('logout', 'MUST', 'What logging out means; RFC 6750 §3.1 invalid_token'),
  'logged-out-refresh-token-refused':
    def('logout', 'SHOULD', 'OAuth 2.0 Security BCP (RFC 9700) §4.14; spec assumption logout-revokes-refresh', { assumption: 'logout-revokes-refresh', records: 'refused' }),
  'logout-keeps-other-sessions':
    def('logout', 'INFO', 'spec assumption logout-revokes-refresh', { assumption: 'logout-revokes-refresh' }),
  'revoke-ends-every-session-of-user':
    def('logout', 'MUST', 'spec x-veeam-auth-mock.logout.scope user; docs/sources.md#vspc-api-keys-revoke-and-errors (RevokeAuthenticationToken: "all tokens if the userLoginId parameter value is not specified")'),
  'logout-without-token-refused': def('logout', 'SHOULD', 'RFC 6750 §3.1: 401 without credentials'),
  'missing-token-is-401': def('bearer', 'MUST', 'RFC 6750 §3.1: 401 without credentials'),
  'malformed-token-is-401': def('bearer', 'MUST', 'RFC 6750 §3.1 invalid_token: 401'),
  'random-token-is-401': def('bearer', 'MUST', 'RFC 6750 §3.1 invalid_token: 401'),
  'unauthorized-has-bearer-challenge': def('bearer', 'SHOULD', 'RFC 6750 §3: WWW-Authenticate: Bearer'),
  'success-bodies-match-spec': def('contract', 'MUST', 'spec: documented status and schema for every 2xx'),
  'token-error-bodies-match-spec':
    def('contract', 'INFO', 'spec assumption token-errors-rfc6749; RFC 6749 §5.2', { assumption: 'token-errors-rfc6749', rule: 'token-error-body' }),
  'resource-error-bodies-match-spec':
    def('contract', 'INFO', 'spec assumption resource-error-body', { assumption: 'resource-error-body' }),
  'no-server-error-on-client-mistake':
    def('contract', 'MUST', 'project policy: a 5xx answering a client mistake is a defect'),
  'missing-api-version-refused':
    def('api-version', 'MUST', 'spec x-veeam-auth-mock.apiVersion: the header is a required parameter of every operation; 400 (VBR 1.3-rev2 BadRequest)'),
  'missing-api-version-error-code':
    def('api-version', 'INFO', 'spec assumption vbr-version-refusal', { assumption: 'vbr-version-refusal', refusal: 'missing-version' }),
  'missing-optional-api-version-served':
    def('api-version', 'MUST', 'spec x-veeam-auth-mock.apiVersion.optional (VSPC: X-Client-Version is not required)'),
  'unsupported-api-version-refused':
    def('api-version', 'MUST', 'spec x-veeam-auth-mock.apiVersion.accepted; 400 (VBR 1.3-rev2 ErrorNotImplementedExample under BadRequest)'),
  'unsupported-api-version-error-code':
    def('api-version', 'SHOULD', 'spec x-veeam-auth-mock.errors.refusals.unsupported-version (VBR 1.3-rev2: NotImplemented)', { refusal: 'unsupported-version' }),
  'token-dates-have-offset':
    def('token', 'MUST', 'spec TokenModel .issued/.expires format date-time (RFC 3339 §5.6: with Z or an offset)'),
  'token-dates-match-expires-in':
    def('token', 'MUST', 'spec TokenModel: .issued, .expires and expires_in describe one lifetime'),
  'authorization-code-grant-works':
    def('authorization-code', 'MUST', 'spec x-veeam-auth-mock.authorizationCode; RFC 6749 §4.1.3: the code is exchanged for tokens'),
  'used-authorization-code-refused':
    def('authorization-code', 'MUST', 'RFC 6749 §4.1.2: the client MUST NOT use the authorization code more than once'),
  'mfa-password-step-gives-mfa-token':
    def('mfa', 'MUST', 'spec x-veeam-auth-mock.mfa; VSPC OAuth2Result.mfa_token; spec assumption vspc-mfa-flow', { assumption: 'vspc-mfa-flow' }),
  'mfa-wrong-code-refused': def('mfa', 'MUST', 'RFC 6238 §5.2: the verifier checks the OTP; docs/sources.md#vspc-mfa-impersonation-and-read-only-tokens (error code 1207 "Specified TOTP code is invalid.")'),
  'mfa-code-completes-login':
    def('mfa', 'MUST', 'spec x-veeam-auth-mock.mfa: grant_type=mfa with mfa_token and mfa_code; spec assumption vspc-mfa-flow', { assumption: 'vspc-mfa-flow' }),
  'mfa-reused-code-refused':
    def('mfa', 'MUST', 'RFC 6238 §5.2: the verifier MUST NOT accept the second attempt of the same OTP after a successful validation'),
  'api-key-created':
    def('api-keys', 'MUST', 'docs/sources.md#vspc-api-keys-revoke-and-errors: POST /users/{userUid}/logins/apikey answers 200 with the key in data.parameters'),
  'api-key-works-as-bearer':
    def('api-keys', 'MUST', 'docs/sources.md#vspc-api-keys-revoke-and-errors: "API key can be used instead of the access token in the Authorization headers"'),
  'deleted-api-key-refused':
    def('api-keys', 'MUST', 'docs/sources.md#vspc-api-keys-revoke-and-errors: a key "is active until the associated user identity is disabled or deleted"; RFC 6750 §3.1'),
  'throttle-limit-answers-429':
    def('throttle', 'INFO', 'docs/sources.md#vspc-api-keys-revoke-and-errors: past a limit the server answers 429 (limits are server settings)'),
  'throttled-answer-has-retry-after':
    def('throttle', 'INFO', 'RFC 6585 §4 (429 MAY include Retry-After); spec assumption vspc-throttle-retry-after', { assumption: 'vspc-throttle-retry-after' }),
  'antiforgery-cookie-issued':
    def('antiforgery', 'MUST', 'docs/sources.md#vb365-antiforgery (docs/vbo365/rest/authorization.html): "the Veeam Backup for Microsoft 365 REST API server issues an antiforgery token"; cookie name: spec x-veeam-auth-mock.antiforgery'),
  'request-without-antiforgery-refused':
    def('antiforgery', 'MUST', 'docs/sources.md#vb365-antiforgery (docs/vbo365/rest/authorization.html): "By default, both an access token and antiforgery tokens are required"'),
  'request-with-antiforgery-served': def('antiforgery', 'MUST', 'docs/sources.md#vb365-antiforgery (docs/vbo365/rest/authorization.html): the access token with its antiforgery token is accepted'),
  'refresh-without-antiforgery-refused':
    def('antiforgery', 'MUST', 'docs/sources.md#vb365-antiforgery (docs/vbo365/rest/authorization.html): "The antiforgery token is also required to obtain a new access token using the refresh token."'),
  'refresh-with-antiforgery-works': def('antiforgery', 'MUST', 'docs/sources.md#vb365-antiforgery (docs/vbo365/rest/authorization.html): with the antiforgery token the refresh succeeds; RFC 6749 §6'),
  'opted-out-session-needs-no-antiforgery':
    def('antiforgery', 'MUST', 'docs/sources.md#vb365-antiforgery (docs/vbo365/rest/authorization.html): "You can disable usage of the antiforgery token"'),
  'revoke-named-token-refused':
    def('revoke', 'MUST', 'docs/sources.md#veeam-one-revoke (docs/one/rest/authentication.html): "only the specified token will be revoked"; RFC 6750 §3.1 invalid_token'),
  'revoke-keeps-other-tokens':
    def('revoke', 'MUST', 'docs/sources.md#veeam-one-revoke (docs/one/rest/authentication.html): "If you have obtained other tokens, they remain active."'),
  'revoke-by-user-sid-ends-every-session-of-user':
    def('revoke', 'INFO', 'docs/sources.md#veeam-one-revoke (the UserSid field, effect undocumented); spec assumption revoke-rules', { assumption: 'revoke-rules' }),
  'expires-in-matches-lifetime':
    def('time', 'SHOULD', 'spec x-veeam-auth-mock.lifetimes; RFC 6749 §5.1 expires_in is the lifetime (within a minute)'),
  'access-token-valid-before-lifetime':
    def('time', 'MUST', 'spec x-veeam-auth-mock.lifetimes: the token works until its lifetime ends'),
  'access-token-expires-after-lifetime':
    def('time', 'MUST', 'spec x-veeam-auth-mock.lifetimes; RFC 6750 §3.1 invalid_token'),
  'refresh-token-expires-after-lifetime':
    def('time', 'MUST', 'spec x-veeam-auth-mock.lifetimes; RFC 6749 §6 the server MUST validate the refresh token', { assumption: 'refresh-lifetime', weakWhenAssumed: true }),
}

export const CHECKS: ReadonlyMap<string, CheckDef> = new Map(Object.entries(TABLE).map(([id, d]) => [id, { id, ...d }]))

export const SCENARIOS = ['token', 'api-version', 'refresh', 'authorization-code', 'mfa', 'api-keys', 'clients', 'cross-user', 'logout', 'antiforgery', 'revoke', 'throttle', 'bearer', 'contract', 'time'] as const

/** The severity a check has in this run: an assumption the spec declares is INFO (MUST with --strict); a documented rule MUST. */
export function effectiveSeverity(check: CheckDef, declared: boolean, strict: boolean, documented = false): Severity {
  if (check.assumption === undefined || !declared) return documented ? 'MUST' : check.severity
  if (strict) return 'MUST'
  return check.weakWhenAssumed === true ? 'INFO' : check.severity
}
