/** @module Every check the suite knows: id (a sentence), scenario, severity, citation, and the spec assumption it tests. */

export type Severity = 'MUST' | 'SHOULD' | 'INFO'

export interface CheckDef {
  id: string
  scenario: string
  severity: Severity
  cite: string
  /** An assumption id from the spec's x-veeam-auth-mock: declared and --strict makes the check MUST. */
  assumption?: string
  /** Where the spec marks this rule an assumption, the check is INFO unless --strict (e.g. logout on vao-3). */
  weakWhenAssumed?: boolean
}

const AUTH = 'Authorization Examples (seed 000)'
const TTL = 'token_lifetime.html (VRO: 15 and 120 min by default); spec x-veeam-auth-mock.lifetimes'
const CLIENTS = 'Working with Clients (seed 001)'
const def = (scenario: string, severity: Severity, cite: string, more: Partial<CheckDef> = {}) => ({ scenario, severity, cite, ...more })

const TABLE: Record<string, Omit<CheckDef, 'id'>> = {
  'password-grant-returns-token':
    def('token', 'MUST', `${AUTH} "Obtaining Authorization Tokens": 200 with tokens`),
  'token-response-has-documented-fields':
    def('token', 'MUST', `${AUTH} "Getting Authorization Token": access token, expiration, refresh token`),
  'token-type-is-bearer': def('token', 'MUST', 'RFC 6749 §5.1 token_type; RFC 6750 §4 (case-insensitive)'),
  'expires-in-is-positive-integer':
    def('token', 'MUST', `${AUTH} "its expiration time"; RFC 6749 §5.1 expires_in`),
  'token-response-not-cached': def('token', 'SHOULD', 'RFC 6749 §5.1 Cache-Control: no-store'),
  'bare-username-accepted': def('token', 'MUST', `${AUTH} step 4: "DOMAIN\\USERNAME or USERNAME format"`),
  'omitted-grant-type-uses-default':
    def('token', 'MUST', `${AUTH} step 3 grant_type drop-down; spec TokenRequest.grant_type default`),
  'wrong-password-refused': def('token', 'MUST', 'RFC 6749 §4.3.2 the server MUST validate the password'),
  'wrong-password-is-invalid-grant': def('token', 'SHOULD', 'RFC 6749 §5.2 invalid_grant'),
  'unknown-account-refused': def('token', 'MUST', 'RFC 6749 §4.3.2 the server MUST validate the credentials'),
  'unknown-account-is-invalid-grant': def('token', 'SHOULD', 'RFC 6749 §5.2 invalid_grant'),
  'unknown-grant-is-unsupported-grant-type': def('token', 'SHOULD', 'RFC 6749 §5.2 unsupported_grant_type'),
  'missing-parameter-is-invalid-request':
    def('token', 'SHOULD', 'RFC 6749 §5.2 invalid_request (missing parameter)'),
  'repeated-parameter-is-invalid-request':
    def('token', 'SHOULD', 'RFC 6749 §3.2 parameters MUST NOT repeat; §5.2 invalid_request'),
  'unprivileged-account-refused':
    def('token', 'MUST', `${AUTH} step 4: "Orchestrator Administrator or Plan Author privileges"`),
  'unprivileged-account-is-invalid-grant':
    def('token', 'INFO', 'spec assumption role-refused-invalid-grant', { assumption: 'role-refused-invalid-grant' }),
  'refresh-returns-new-pair':
    def('refresh', 'MUST', `${AUTH} "Using Refresh Token": 200 and a new pair of tokens`),
  'refresh-returns-different-tokens':
    def('refresh', 'MUST', `${AUTH} "Using Refresh Token": "a new pair of tokens"`),
  'refreshed-access-token-works': def('refresh', 'MUST', `${AUTH} "Using Refresh Token"`),
  'used-refresh-token-refused':
    def('refresh', 'INFO', 'spec assumption refresh-rotation; OAuth 2.0 Security BCP (RFC 9700) §4.14.2', { assumption: 'refresh-rotation' }),
  'garbage-refresh-token-refused':
    def('refresh', 'MUST', 'RFC 6749 §6 the server MUST validate the refresh token'),
  'garbage-refresh-token-is-invalid-grant': def('refresh', 'SHOULD', 'RFC 6749 §5.2 invalid_grant'),
  'user-creates-client':
    def('clients', 'MUST', `${AUTH} "Creating Clients": 200, client ID and client secret`),
  'client-credentials-grant-works':
    def('clients', 'MUST', `${AUTH} "Obtaining Authorization Tokens Under Client Account"`),
  'wrong-client-secret-refused':
    def('clients', 'MUST', 'RFC 6749 §3.2.1 the server MUST authenticate the client'),
  'wrong-client-secret-is-invalid-client': def('clients', 'SHOULD', 'RFC 6749 §5.2 invalid_client'),
  'user-lists-exactly-its-clients':
    def('clients', 'MUST', `${AUTH} "Getting List of Clients": all client IDs related to a user account`),
  'client-lists-only-own-id':
    def('clients', 'MUST', `${AUTH} "Getting List of Clients" note: "A client can get only its own client ID."`),
  'client-cannot-create-client':
    def('clients', 'MUST', `${AUTH} "Creating Clients" note: "Clients cannot create new client accounts."`),
  'client-create-refused-with-403':
    def('clients', 'INFO', 'spec assumption client-create-forbidden-403', { assumption: 'client-create-forbidden-403' }),
  'client-cannot-delete-sibling':
    def('clients', 'MUST', `${AUTH} "Deleting Clients" note: "A client can delete only his own client account."`),
  'client-delete-sibling-refused-with-403':
    def('clients', 'INFO', 'spec assumption client-delete-other-403', { assumption: 'client-delete-other-403' }),
  'user-delete-unknown-client-is-404':
    def('clients', 'INFO', 'spec assumption unknown-client-404', { assumption: 'unknown-client-404' }),
  'delete-without-client-id-is-400':
    def('clients', 'INFO', `spec assumption missing-client-id-400; ${CLIENTS} "The clientId parameter must be specified"`, { assumption: 'missing-client-id-400' }),
  'client-deletes-itself':
    def('clients', 'MUST', `${AUTH} "Deleting Clients": 204; "A client can delete only his own client account."`),
  'deleted-client-token-refused':
    def('clients', 'MUST', `${CLIENTS} "Deleting Clients": the account is deleted`),
  'deleted-client-credentials-refused':
    def('clients', 'MUST', `${CLIENTS} "Deleting Clients": the account is deleted`),
  'user-deletes-its-client':
    def('clients', 'MUST', `${AUTH} "Deleting Clients": 204; "A user can delete all related client accounts."`),
  'users-see-only-own-clients':
    def('cross-user', 'MUST', `${CLIENTS} "Getting List of Created Clients": client IDs created by the user`),
  'user-cannot-delete-other-users-client':
    def('cross-user', 'MUST', `${AUTH} "Deleting Clients" note: a user deletes its related client accounts`),
  'other-users-client-is-404':
    def('cross-user', 'INFO', 'spec assumption unknown-client-404', { assumption: 'unknown-client-404' }),
  'logout-returns-documented-status':
    def('logout', 'MUST', 'seed walkthrough "Logging Out" (VRO, 204) / "Logout Request" (VAC, 200 "You have been logged out."); the status and message of spec x-veeam-auth-mock.logout', { assumption: 'logout-route', weakWhenAssumed: true }),
  'logged-out-access-token-refused':
    def('logout', 'MUST', 'What logging out means; RFC 6750 §3.1 invalid_token'),
  'logged-out-refresh-token-refused':
    def('logout', 'SHOULD', 'OAuth 2.0 Security BCP (RFC 9700) §4.14; spec assumption logout-revokes-refresh', { assumption: 'logout-revokes-refresh' }),
  'logout-keeps-other-sessions':
    def('logout', 'INFO', 'spec assumption logout-revokes-refresh', { assumption: 'logout-revokes-refresh' }),
  'logout-without-token-refused': def('logout', 'SHOULD', 'RFC 6750 §3.1: 401 without credentials'),
  'missing-token-is-401':
    def('bearer', 'MUST', 'Vendor 401 text "The authorization header has been expected but not found"; RFC 6750 §3.1'),
  'malformed-token-is-401': def('bearer', 'MUST', 'RFC 6750 §3.1 invalid_token: 401'),
  'random-token-is-401': def('bearer', 'MUST', 'RFC 6750 §3.1 invalid_token: 401'),
  'unauthorized-has-bearer-challenge': def('bearer', 'SHOULD', 'RFC 6750 §3: WWW-Authenticate: Bearer'),
  'success-bodies-match-spec': def('contract', 'MUST', 'spec: documented status and schema for every 2xx'),
  'token-error-bodies-match-spec':
    def('contract', 'INFO', 'spec assumption token-errors-rfc6749; RFC 6749 §5.2', { assumption: 'token-errors-rfc6749' }),
  'resource-error-bodies-match-spec':
    def('contract', 'INFO', 'spec assumption resource-error-body', { assumption: 'resource-error-body' }),
  'no-server-error-on-client-mistake':
    def('contract', 'MUST', 'project policy: a 5xx answering a client mistake is a defect'),
  'expires-in-matches-lifetime':
    def('time', 'SHOULD', `${TTL}; RFC 6749 §5.1 expires_in is the lifetime (within a minute)`),
  'access-token-valid-before-lifetime': def('time', 'MUST', `${TTL}: the token works until its lifetime ends`),
  'access-token-expires-after-lifetime':
    def('time', 'MUST', `${TTL}; "the Orchestrator REST API access token expires in 15 minutes"; RFC 6750 §3.1`),
  'refresh-token-expires-after-lifetime':
    def('time', 'MUST', `${TTL}; RFC 6749 §6 the server MUST validate the refresh token`, { assumption: 'refresh-lifetime', weakWhenAssumed: true }),
}

export const CHECKS: ReadonlyMap<string, CheckDef> = new Map(Object.entries(TABLE).map(([id, d]) => [id, { id, ...d }]))

export const SCENARIOS = ['token', 'refresh', 'clients', 'cross-user', 'logout', 'bearer', 'contract', 'time'] as const

/** The severity a check has in this run. */
export function effectiveSeverity(check: CheckDef, declared: boolean, strict: boolean): Severity {
  if (check.assumption === undefined || !declared) return check.severity
  if (strict) return 'MUST'
  return check.weakWhenAssumed === true ? 'INFO' : check.severity
}
