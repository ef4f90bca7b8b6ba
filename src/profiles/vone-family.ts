/**
 * @module Veeam ONE REST API: `vone-12` (Veeam ONE 12.x, API v2.1 and v2.2) and `vone-13` (2.1 to 2.3). The auth endpoints are the same in every
 * 12.x and 13 release; only the versioned resource paths differ. Facts: docs/sources.md "Veeam ONE".
 */
import type { Assumption, NamedSchema, Profile, RefusalAnswer, ServerResource } from './profile.js'
import type { Refusal } from '../oauth/errors.js'

const DOC = 'Cenvora/veeam-one openapi_schemas/veeam_one_rest_v2.3.json (API 2.3 = Veeam ONE 13; the auth operations the 12.x pages describe)'
const HC = 'helpcenter.veeam.com docs/one/rest'

function refusals(): Record<Refusal, RefusalAnswer> {
  const bad = (message?: string) => ({ status: 400, ...(message !== undefined && { message }) })
  const unauthorized = { status: 401, message: 'Unauthorized' }
  return {
    'invalid-request': bad(),
    'invalid-credentials': bad('Invalid username or password.'),
    'account-not-allowed': bad(),
    'invalid-refresh-token': bad(),
    'invalid-code': bad(),
    'invalid-client': bad(),
    'unsupported-grant': bad(),
    'invalid-antiforgery': bad(),
    'too-large': { status: 413 },
    'missing-token': unauthorized,
    'invalid-token': unauthorized,
    forbidden: { status: 403, message: 'Forbidden' },
    'not-found': { status: 404 },
    'method-not-allowed': { status: 405 },
    'bad-request': bad(),
    'missing-version': bad(),
    'unsupported-version': bad(),
    'not-implemented': { status: 501 },
    'server-error': { status: 500 },
    throttled: { status: 429, message: 'Too Many Requests' },
    unavailable: { status: 503, message: 'Service Unavailable' },
  }
}

const SERVER_INFORMATION: NamedSchema = {
  name: 'ServerInformation',
  definition: {
    type: 'object',
    properties: {
      name: { type: 'string', nullable: true, description: 'Name of the Veeam ONE service.' },
      version: { type: 'string', nullable: true, description: 'Veeam ONE version.' },
      machine: { type: 'string', nullable: true, description: 'Name of the machine where Veeam ONE is installed.' },
      logPath: { type: 'string', nullable: true, description: 'Path to the log files.' },
    },
  },
}

const ASSUMPTIONS: Assumption[] = [
  {
    id: 'problem-details-media-type',
    rule: 'Errors are ProblemDetails {type, title, status, traceId} sent as application/problem+json; a wrong password is 400 with title "Invalid username or password.".',
    reason: 'The document declares ProblemDetails under application/json with no example; ASP.NET Core writes problem+json with those members; the titles are the mock\'s.',
  },
  {
    id: 'resource-error-body',
    rule: 'Without a token, or with a bad one, a resource answers 401 ProblemDetails (title "Unauthorized") with WWW-Authenticate: Bearer; a role that may not read it 403 ProblemDetails.',
    reason: 'The document lists 403 ProblemDetails on resources and no 401; the JwtBearer default is an empty 401, a body tells the client why.',
  },
  {
    id: 'refresh-rotation',
    rule: 'A refresh token works once: refreshing returns a new pair and the used refresh token is refused from then on.',
    reason: 'Not documented; the 32-hex refresh token is an opaque server-side id, and single use is the OAuth 2.0 Security BCP advice.',
  },
  {
    id: 'refresh-lifetime',
    rule: 'Refresh tokens live 24 hours.',
    reason: 'The refresh-token lifetime is not documented.',
  },
  {
    id: 'role-refused-problem-details',
    rule: 'An account in no Veeam ONE group (role None) gets 400 ProblemDetails from /api/token; Read-Only and Power users log in but get 403 from About.',
    reason: 'The roles and what they may call are documented ("Required Privileges"); the refusal of other accounts is not.',
  },
  {
    id: 'revoke-rules',
    rule: 'POST /api/revoke answers 200 with an empty body. token: revokes that access token (and its refresh token) if it is the caller\'s, else 400; UserSid: must be the caller\'s SID (the sid claim of its access token), revokes all its sessions; neither: the bearer\'s own session. A live token in the body is accepted without a bearer header.',
    reason: 'The vendor documents the two fields, 200 and 400, and that only the named token is revoked; its own example sends an empty "Authorization: Bearer", so the named token must be enough; the rest is the safe reading.',
  },
  {
    id: 'logout-revokes-refresh',
    rule: 'Revoking an access token also revokes the refresh token issued with it; other tokens of the account stay active.',
    reason: 'The vendor says "only the specified token will be revoked. If you have obtained other tokens, they remain active."; a surviving refresh token would undo the revoke.',
  },
  {
    id: 'version-paths',
    rule: 'vone-12 serves the versioned resources under /api/v2.1 and /api/v2.2; the token and revoke paths are unversioned; an x-api-version header is ignored.',
    reason: 'Veeam ONE 12 offers REST API v2.1 and v2.2; 12.0 vs 12.1/12.2 is not separated in the sources; the 2.3 document (Veeam ONE 13) has no version header.',
  },
  {
    id: 'about-example-build',
    rule: 'GET /api/v2.x/about answers the 12.3 build 12.3.0.4670 on machine one-srv, to Admin only.',
    reason: 'The help page of that build documents the API; "Required Privileges" excludes About for Read-Only and Power users.',
  },
]

/** The two assumptions that name the release's API versions and build, written for this release. */
function release(a: Assumption, id: string, apis: string[], build: string): Assumption {
  const paths = apis.map((api) => `/api/v${api}`).join(', ')
  if (a.id === 'about-example-build') return { ...a, rule: `GET /api/v2.x/about answers the build ${build} on machine one-srv, to Admin only.` }
  return { ...a, rule: `${id} serves the versioned resources under ${paths}; the token and revoke paths are unversioned; an x-api-version header is ignored.` }
}

function about(version: string, latest: boolean, build: string): ServerResource {
  return {
    kind: 'static',
    path: `/api/v${version}/about`,
    operationId: latest ? 'About_GetAbout' : `About_GetAboutV${version.replace('.', '_')}`,
    summary: 'Get Veeam ONE Server Information',
    tag: 'About',
    roles: ['Admin'],
    schema: SERVER_INFORMATION,
    body: { name: 'Veeam ONE Reporting Service', version: build, machine: 'one-srv', logPath: 'C:\\ProgramData\\Veeam\\Veeam ONE\\Logs\\Reporter' },
  }
}

interface Release {
  id: string
  version: string
  build: string
  /** API versions, oldest first; the last is the current one. */
  apis: string[]
  sources: Record<string, string>
  /** Choices of this release only. */
  assumptions?: Assumption[]
}

function voneRelease({ id, version, build, apis, sources, assumptions = [] }: Release): Profile {
  return {
    id,
    product: 'Veeam ONE',
    version,
    title: 'Veeam ONE REST API',
    vendorPort: 1239,
    tokenPath: '/api/token',
    tokenTag: 'Authentication',
    clientBases: [],
    clientsTag: 'Authentication',
    grants: ['password', 'refresh_token'],
    listedGrants: [],
    defaultGrant: 'password',
    usernames: { bareAllowed: true, defaultDomain: 'one-srv' },
    roles: ['Admin', 'PowerUser', 'ReadonlyUser'],
    // In no Veeam ONE group (assumption role-refused-problem-details).
    otherRoles: ['None'],
    lifetimes: { accessSeconds: 15 * 60, refreshSeconds: 24 * 60 * 60 },
    logout: { method: 'POST', path: '/api/revoke', status: 200, params: { token: 'token', user: 'UserSid' } },
    tokenResponse: {
      tokenType: 'Bearer',
      fields: ['access_token', 'refresh_token', 'token_type', 'expires_in', 'user', 'user_role'],
      expiresIn: 'lifetime-less-one',
      contentType: 'application/json; charset=utf-8',
      schemaName: 'TokenResponse',
    },
    tokenFormat: 'hs256-jwt',
    formContentTypes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
    errors: { model: 'problem-details', refusals: refusals(), mediaType: 'application/problem+json' },
    discovery: { documentPaths: [], uiPaths: ['/swagger/index.html'] },
    resources: apis.map((api, i) => about(api, i === apis.length - 1, build)),
    sources: {
      token: `${DOC} #/paths/~1api~1token/post: urlencoded or multipart, grant_type password or refresh_token, 200 TokenResponse, 400 ProblemDetails; ${HC}/authentication.html (build 12.3): one-srv\\administrator / Password1, expires_in 899, token_type Bearer, user ONE-SRV\\Administrator, user_role Admin`,
      tokens: 'The documented example access token decodes to an HS256 JWT (kid WebApiSecurityKey; unique_name, role, the sid claim, AccessTokenId, UserId, nbf, exp, iat; exp - iat = 900 s); the refresh token is 32 hex digits',
      revoke: `${DOC} #/paths/~1api~1revoke/post: token or UserSid, 200, 400 ProblemDetails; ${HC}/authentication.html: "if you choose to log out using the token parameter, only the specified token will be revoked. If you have obtained other tokens, they remain active."`,
      errors: `${DOC} #/components/schemas/ProblemDetails {type, title, status, detail, instance}`,
      roles: `${DOC} SectionAbout "Required Privileges"; AccessTokenRole enum (Admin, PowerUser, ReadonlyUser, ...)`,
      port: `${HC}/overview.html: "The default port number is 1239."; Swagger UI /swagger/index.html`,
      resources: `${DOC} GET /api/v2.3/about ServerInformation {name, version, machine, logPath}; Cenvora/veeam-one discovery.py probes /api/v{version}/about`,
      ...sources,
    },
    assumptions: [...ASSUMPTIONS.map((a) => (a.id === 'version-paths' || a.id === 'about-example-build' ? release(a, id, apis, build) : a)), ...assumptions],
  }
}

export const vone12 = voneRelease({
  id: 'vone-12',
  version: '12',
  build: '12.3.0.4670',
  apis: ['2.1', '2.2'],
  sources: {
    versions: `${HC}/overview.html (build 12.3.0.4670): "In Veeam ONE 12, the following versions of REST API are available: REST API v2.1 is the older version. REST API v2.2 is the recent version"; API 2.3 belongs to Veeam ONE 13`,
  },
})

export const vone13 = voneRelease({
  id: 'vone-13',
  version: '13',
  build: '13.0.1.5848',
  apis: ['2.1', '2.2', '2.3'],
  sources: {
    versions: `${DOC} SectionAbout: "Veeam ONE REST API v13 Reference Map" (and v13.0.1, v13.1); GET /api/v2.3/about example version 13.0.1.5848; Cenvora/veeam-one discovery.py: "A Veeam ONE 13 server serves older versions too (2.1, 2.2 and 2.3 all answer 401)"`,
    mfa: `${DOC} #/paths/~1api~1token/post: header Veeam-Mfa-Code "MFA verification code. Include this header when multi-factor authentication is enabled for the account."`,
  },
  assumptions: [
    {
      id: 'mfa-code-not-emulated',
      rule: 'The Veeam-Mfa-Code header of POST /api/token is accepted and ignored; no account has MFA.',
      reason: 'The 2.3 document names the header without the refusal an MFA account gets without it, or how a code is checked; emulating a guess would mislead.',
    },
  ],
})

export const VONE_PROFILES = [vone12, vone13]
