/**
 * @module Veeam Backup for Microsoft 365 REST API v6, v7 and v8: one profile per API version, told apart by their
 * grants, token fields, antiforgery, logout and RESTExceptionInfo. Facts: docs/sources.md "Backup for Microsoft 365".
 */
import type { Assumption, NamedSchema, Profile, RefusalAnswer } from './profile.js'
import type { Refusal } from '../oauth/errors.js'

const DOC = 'Cenvora/veeam-365 openapi_schemas/vb365_rest_v'
const HC = 'helpcenter.veeam.com docs/vbo365/rest/authorization.html'
const UNAUTHORIZED = 'Authorization has been denied for this request.'

/** The errorCode enum of v8's RESTExceptionInfo (v7's has only ProxyOffline). */
const V8_CODES = [
  'HttpError',
  'OperationConflict',
  'OrganizationTransfer',
  'OutdatedChangeToken',
  'ParameterValidationFailure',
  'ProxyOffline',
  'RepositoryOwnerChangeTooManyLinks',
  'ResourceAccessDenied',
  'ResourceNotFound',
  'Timeout',
]

/** Status, errorCode (v8 only: v7's enum has no fitting value) and message per refusal. */
function refusals(coded: boolean): Record<Refusal, RefusalAnswer> {
  const code = (value: string) => (coded ? { code: value } : {})
  const credentials = { status: 400, message: 'Invalid user name or password.' }
  const denied = { status: 401, message: UNAUTHORIZED }
  return {
    'invalid-request': { status: 400, ...code('ParameterValidationFailure') },
    'invalid-credentials': credentials,
    'account-not-allowed': { status: 400 },
    'invalid-refresh-token': { status: 400 },
    'invalid-code': { status: 400 },
    'invalid-client': { status: 400 },
    'unsupported-grant': { status: 400, message: 'Unsupported grant type.' },
    'invalid-antiforgery': { status: 400, message: 'The antiforgery token is missing or invalid.' },
    'too-large': { status: 413 },
    'missing-token': denied,
    'invalid-token': denied,
    forbidden: { status: 403, ...code('ResourceAccessDenied') },
    'not-found': { status: 404, ...code('ResourceNotFound') },
    'method-not-allowed': { status: 405 },
    'bad-request': { status: 400, ...code('ParameterValidationFailure') },
    'missing-version': { status: 400 },
    'unsupported-version': { status: 400 },
    'not-implemented': { status: 501 },
    'server-error': { status: 500 },
    // The token endpoint is throttled (a public blog post: 429 "Quota Exceeded"); the mock throttles only under --throttle.
    throttled: { status: 429, message: 'Quota Exceeded' },
    unavailable: { status: 503, message: 'Service Unavailable' },
  }
}

const SERVICE_INSTANCE: NamedSchema = {
  name: 'RESTServiceInstance',
  definition: {
    type: 'object',
    properties: {
      installationId: { type: 'string', format: 'uuid', description: 'Installation ID.', example: '00000000-0000-0000-0000-000000000000' },
      version: { type: 'string', description: 'Veeam Backup for Microsoft 365 build number.' },
    },
  },
}

const ASSUMPTIONS: Assumption[] = [
  {
    id: 'token-content-type',
    rule: 'A successful token response is Content-Type: application/json; charset=utf-8.',
    reason: 'The documents declare the 200 as */* (Swashbuckle\'s default when produces is not declared), which no server sends; the server serialises JSON and clients call .json() on it.',
  },
  {
    id: 'token-errors-rest-exception-info',
    rule: 'Every token refusal is 400 with RESTExceptionInfo: a wrong password {"message":"Invalid user name or password."}, an unknown grant "Unsupported grant type.", a used or unknown refresh token, a missing field; errorCode null (ParameterValidationFailure for a malformed request in v8), stackTrace null.',
    reason: 'Only the default response (RESTExceptionInfo) is documented for /token; 400 is what OWIN OAuth servers answer for token errors; the texts are the mock\'s.',
  },
  {
    id: 'resource-error-body',
    rule: 'Without a token, or with a bad one, a resource answers 401 {"message":"Authorization has been denied for this request."} (ASP.NET Web API\'s text) with WWW-Authenticate: Bearer; other errors RESTExceptionInfo with their status.',
    reason: 'The documents give RESTExceptionInfo as every operation\'s default response and no 401 body.',
  },
  {
    id: 'expires-in-lifetime-less-one',
    rule: 'expires_in is 3599 for the 60-minute access token; .expires is .issued plus 3600 seconds.',
    reason: 'The vendor says the token expires in 60 minutes; OWIN token endpoints (VAC\'s documented sample) write the remaining whole seconds, 3599.',
  },
  {
    id: 'token-dates-iso',
    rule: '.issued and .expires are ISO 8601 date-times with an offset, in UTC.',
    reason: 'The schema types them format: date-time (generated clients parse them as ISO 8601), not the RFC 1123 text of a bare OWIN server; UTC keeps runs reproducible.',
  },
  {
    id: 'opaque-tokens',
    rule: 'Access and refresh tokens are opaque random strings (43 and 44 characters).',
    reason: 'No example token is published; the OWIN-style endpoint issues opaque bearer tokens and clients only pass them on.',
  },
  {
    id: 'refresh-rotation',
    rule: 'A refresh token works once: refreshing returns a new pair and the used refresh token is refused from then on.',
    reason: 'The vendor says refresh returns a new pair of tokens without saying whether the old refresh token survives; rotation is the OAuth 2.0 Security BCP advice.',
  },
  {
    id: 'refresh-lifetime',
    rule: 'Refresh tokens live 7 days.',
    reason: 'The refresh-token lifetime is not documented (AuthTokenLifeTime sets only the access token\'s).',
  },
  {
    id: 'role-administrator',
    rule: 'Only accounts with the role Administrator (a VB365 administrator) log in; any other gets 400 RESTExceptionInfo.',
    reason: 'The password grant is documented for "Veeam Backup for Microsoft 365 administrators"; the refusal is not documented.',
  },
  {
    id: 'one-api-version',
    rule: 'A profile serves one API version path (/v6, /v7 or /v8); paths match ignoring case.',
    reason: 'Each document describes one version; ASP.NET routing ignores case and clients write both /v6/Token and /v6/token.',
  },
  {
    id: 'listed-grants',
    rule: 'urn:ietf:params:oauth:grant-type:jwt-bearer, operator (and integration before v8) are in the form but answered 400 "Unsupported grant type.".',
    reason: 'They need Microsoft 365 tenant applications and integration tokens the mock cannot verify; emulating a guess would mislead.',
  },
  {
    id: 'service-instance',
    rule: 'GET /v{N}/ServiceInstance answers a fixed installationId and an example build for any administrator\'s token.',
    reason: 'The documents define RESTServiceInstance; the build is an example of the release line, not a specific patch.',
  },
  {
    id: 'logout-revokes-refresh',
    rule: 'Logout revokes the presented access token and the refresh token issued with it; other sessions of the same account stay valid.',
    reason: 'The vendor says logout "performs the logout operation for an authorized user" without saying what it revokes; revoking the pair is the safe reading.',
  },
]

const ANTIFORGERY_ASSUMPTIONS: Assumption[] = [
  {
    id: 'antiforgery-pair',
    rule: 'A token request without disable_antiforgery_token=true sets the cookie XSRF-TOKEN (Path=/; SameSite=Strict); every later request of that session, refresh and logout included, must send the cookie and the header X-XSRF-TOKEN with the same value, else 400 {"message":"The antiforgery token is missing or invalid."}. With disable_antiforgery_token=true neither is set or checked. Each token request decides for the pair it issues.',
    reason: 'The vendor says an antiforgery token is issued, stored in cookies, required by default (also to refresh) and disabled by disable_antiforgery_token, but names neither cookie nor header: the names follow the ASP.NET/Angular cookie-to-header convention, the status and text are the mock\'s.',
  },
  {
    id: 'auth-code-not-exchanged',
    rule: 'POST /v{N}/token/AuthCode answers {"authCode": one-time code, valid 60 s}; no grant of the mock consumes it.',
    reason: 'The documents say it "creates a one-time authorization code that is required to complete authentication" but not where it is used or for how long.',
  },
]

interface Version {
  n: 6 | 7 | 8
  build: string
}

function vb365Release({ n, build }: Version): Profile {
  const base = `/v${n}`
  const newer = n >= 7
  const grants = ['urn:ietf:params:oauth:grant-type:jwt-bearer', ...(n < 8 ? ['integration'] : []), 'operator']
  return {
    id: `vb365-${n}`,
    product: 'Veeam Backup for Microsoft 365',
    version: String(n),
    title: newer ? 'Veeam Backup for Microsoft 365 REST API' : `API v${n}`,
    vendorPort: 4443,
    tokenPath: `${base}/token`,
    tokenTag: 'Auth',
    clientBases: [],
    clientsTag: 'Auth',
    grants: ['password', 'refresh_token'],
    listedGrants: grants,
    listedFields: ['client_id', 'assertion', ...(n < 8 ? ['integration_token'] : [])],
    defaultGrant: 'password',
    usernames: { bareAllowed: true, defaultDomain: 'vb365', localDomain: '.' },
    roles: ['Administrator'],
    // A Windows account that is not a VB365 administrator (assumption role-administrator).
    otherRoles: ['None'],
    lifetimes: { accessSeconds: 60 * 60, refreshSeconds: 7 * 24 * 60 * 60 },
    ...(newer && { logout: { method: 'POST', path: `${base}/token/logout`, status: n === 7 ? 200 : 204 } }),
    ...(newer && {
      authorizationCode: {
        path: `${base}/token/AuthCode`,
        lifetimeSeconds: 60,
        field: 'authCode',
        schemaName: 'RESTAuthCode',
        operationId: 'authCode',
        summary: 'Request Authorization Code: creates a one-time authorization code',
      },
      antiforgery: { cookie: 'XSRF-TOKEN', header: 'X-XSRF-TOKEN', optOutField: 'disable_antiforgery_token' },
    }),
    tokenResponse: {
      tokenType: 'bearer',
      fields: ['access_token', 'refresh_token', 'token_type', 'expires_in', 'userName', '.issued', '.expires'],
      ...(n === 8 && { optional: ['userName'] as const satisfies Profile['tokenResponse']['fields'] }),
      expiresIn: 'lifetime-less-one',
      contentType: 'application/json; charset=utf-8',
      schemaName: 'OAuthTokenResponse',
    },
    tokenFormat: 'opaque',
    pathsIgnoreCase: true,
    formContentTypes: ['application/x-www-form-urlencoded'],
    jsonContentTypes: ['application/json'],
    errors: {
      model: 'rest-exception-info',
      refusals: refusals(n === 8),
      fields: n === 6 ? [] : n === 7 ? ['errorCode'] : ['errorCode', 'stackTrace'],
      ...(n === 7 && { codes: ['ProxyOffline'] }),
      ...(n === 8 && { codes: V8_CODES }),
    },
    discovery: { documentPaths: [], uiPaths: ['/swagger/ui/index', '/swagger/ui/index/index.html'] },
    resources: [
      {
        kind: 'static',
        path: `${base}/ServiceInstance`,
        operationId: 'ServiceInstance_Get',
        summary: 'Get Version and Installation ID',
        tag: 'ServiceInstance',
        schema: SERVICE_INSTANCE,
        body: { installationId: '5e3c2f7a-9b1d-4c8e-a6f0-2d4b8e1c7a93', version: build },
      },
    ],
    sources: {
      token: `${DOC}${n}.json #/paths/~1v${n}~1token/post: urlencoded or JSON body, grant_type enum ${['password', 'refresh_token', ...grants].join(', ')} (default password), 200 OAuthTokenResponse (content */*), default RESTExceptionInfo; HC archive/vbo365/70/rest/authorization_basic_legacy.html (urlencoded example)`,
      response: `${DOC}${n}.json OAuthTokenResponse: access_token, refresh_token, token_type, expires_in, userName${n === 8 ? ' (optional)' : ''}, .issued, .expires (date-time)`,
      lifetimes: `${HC}: "The given access token expires in 60 minutes once issued."; Set-VBORestAPISettings -AuthTokenLifeTime default 60 (minutes)`,
      errors: `${DOC}${n}.json RESTExceptionInfo: message${n >= 7 ? ', errorCode' : ''}${n === 8 ? ', stackTrace' : ''}`,
      paths: 'Clients write the path as /v6/Token (shapedthought/veeam-easy-connect api_settings.py) and /v8/token (a public PowerShell report script, a Go exporter)',
      port: 'HC references/vbo365/8/rest/tag/SectionOverview: "By default, the port number is 4443."; Swagger UI /swagger/ui/index',
      resources: `${DOC}${n}.json GET /v${n}/ServiceInstance "Get Version and Installation ID", RESTServiceInstance {installationId, version}`,
      ...(newer && {
        antiforgery: `${HC}: the server "issues an antiforgery token ... stored in your REST API client, for example — in web browser cookies"; "The antiforgery token is also required to obtain a new access token using the refresh token"; disable_antiforgery_token (v7, v8 documents)`,
        logout: `${DOC}${n}.json POST /v${n}/token/logout "Log Out": ${n === 7 ? '200 OK' : '204 No Content'}`,
        authCode: `${DOC}${n}.json POST /v${n}/token/AuthCode "Request Authorization Code": 200 RESTAuthCode {authCode}`,
      }),
      ...(!newer && { logout: `${DOC}6.json has no /v6/token/logout and no /v6/token/AuthCode` }),
    },
    assumptions: [...ASSUMPTIONS, ...(newer ? ANTIFORGERY_ASSUMPTIONS : [])],
  }
}

export const vb3656 = vb365Release({ n: 6, build: '6.1.0.254' })
export const vb3657 = vb365Release({ n: 7, build: '7.1.0.1401' })
export const vb3658 = vb365Release({ n: 8, build: '8.1.0.305' })

export const VB365_PROFILES = [vb3656, vb3657, vb3658]
