/**
 * @module Veeam Backup & Replication REST API, one profile per release line: the revisions it accepts, its default
 * revision, grant spelling, build and resources. Facts: docs/sources.md "Veeam Backup & Replication".
 */
import type { Assumption, NamedSchema, Profile, RefusalAnswer, ServerResource } from './profile.js'
import type { Refusal } from '../oauth/errors.js'

const DOC = 'helpcenter.veeam.com docs/backup/vbr_rest'
/** The vendor's 401 text: the response description of 1.1-rev0 to 1.3-rev1, the 401 example of 1.3-rev2. */
const UNAUTHORIZED_12 = 'Unauthorized. The authorization header has been expected but not found (or found but is expired).'
const UNAUTHORIZED_13_1 = 'Unauthorized. Get bearer JWT token at /api/login'

/** What each refusal answers in VBR's Error model, with the release's 401 and unsupported-version wording. */
function refusals(unauthorized: string, unsupportedVersion: string): Record<Refusal, RefusalAnswer> {
  const version = { status: 400, code: 'NotImplemented', message: unsupportedVersion }
  const failed = { status: 401, code: 'AccessDenied', message: 'Authentication failed' }
  const denied = { status: 401, code: 'AccessDenied', message: unauthorized }
  return {
    'invalid-request': { status: 400, code: 'UnexpectedContent' },
    'invalid-credentials': failed,
    'account-not-allowed': failed,
    'invalid-refresh-token': { status: 401, code: 'AccessDenied' },
    'invalid-code': { status: 401, code: 'AccessDenied' },
    'invalid-client': { status: 401, code: 'AccessDenied' },
    'unsupported-grant': { status: 400, code: 'UnexpectedContent' },
    // VBR has no antiforgery tokens; the entry keeps the map total.
    'invalid-antiforgery': { status: 400, code: 'UnexpectedContent' },
    'too-large': { status: 413, code: 'UnexpectedContent' },
    'missing-token': denied,
    'invalid-token': denied,
    forbidden: { status: 403, code: 'AccessDenied', message: 'Forbidden' },
    'not-found': { status: 404, code: 'NotFound' },
    'method-not-allowed': { status: 405, code: 'MethodNotAllowed', message: 'HTTP Method not allowed' },
    'bad-request': { status: 400, code: 'UnexpectedContent' },
    'missing-version': version,
    'unsupported-version': version,
    'not-implemented': { status: 501, code: 'NotImplemented' },
    'server-error': { status: 500, code: 'UnknownError' },
    throttled: { status: 429, code: 'ServiceUnavailable' },
    unavailable: { status: 503, code: 'ServiceUnavailable' },
  }
}

const VBR_ASSUMPTIONS: Assumption[] = [
  {
    id: 'vbr-token-refusals',
    rule: 'A used, unknown or expired refresh token (or authorization code) answers 401 AccessDenied; an unknown grant_type or a missing field 400 UnexpectedContent.',
    reason: 'The token operation documents 400 and 401 with the Error model but no example for these cases; a wrong password is observed as 401 AccessDenied "Authentication failed".',
  },
  {
    id: 'vbr-version-refusal',
    rule: 'A missing x-api-version answers as an unsupported one: 400 with errorCode NotImplemented.',
    reason: 'The 1.3-rev2 document gives NotImplemented under 400 for an unsupported version; a missing header is not documented apart.',
  },
  {
    id: 'vbr-error-resource-id',
    rule: 'Error bodies carry errorCode and message, and no resourceId.',
    reason: 'resourceId is optional and, by the schema, a string; the documents\' examples omit it (one real server sent null).',
  },
  {
    id: 'logout-body-empty-object',
    rule: 'Logout answers 200 with the JSON body {}.',
    reason: 'The documents give EmptySuccessResponse (an object) as the 200 schema and show no body.',
  },
  {
    id: 'jwt-jti',
    rule: 'Access tokens carry a jti claim besides the documented ones.',
    reason: 'Without it two logins of one account within a second would be the same token; clients read only exp.',
  },
  {
    id: 'timezone-utc',
    rule: '.issued, .expires and serverTime are written in UTC (offset +00:00).',
    reason: 'A server writes its own local offset; the mock has no location, and UTC keeps runs reproducible.',
  },
]

function serverInfoSchema(revision13: boolean): NamedSchema {
  const text = (description: string) => ({ type: 'string', description })
  const base = {
    vbrId: text('Veeam Backup & Replication installation ID.'),
    name: text('Full DNS name or IP address of the backup server.'),
    buildVersion: text('Veeam Backup & Replication build number.'),
    patches: { type: 'array', items: { type: 'string' }, description: 'Cumulative patches installed on the backup server.' },
  }
  const more = {
    platform: { type: 'string', enum: ['Windows', 'Linux'], description: 'Platform of the backup server.' },
    databaseVendor: text('Database engine (Microsoft SQL Server or PostgreSQL).'),
    sqlServerEdition: text('Database server edition.'),
    sqlServerVersion: text('Database server version.'),
    databaseSchemaVersion: text('Database schema version.'),
    databaseContentVersion: text('Database content version.'),
  }
  const properties = revision13 ? { ...base, ...more } : base
  return { name: 'ServerInfoModel', definition: { type: 'object', required: Object.keys(properties), properties } }
}

function serverTimeSchema(iana: boolean): NamedSchema {
  const properties: Record<string, unknown> = {
    serverTime: { type: 'string', format: 'date-time', description: 'Current date and time on the backup server.' },
    timeZone: { type: 'string', description: 'Time zone where the backup server is located.' },
  }
  if (iana) properties['ianaTimeZoneId'] = { type: 'string', description: 'IANA time zone identifier for the backup server.' }
  return { name: 'ServerTimeModel', definition: { type: 'object', required: ['serverTime'], properties } }
}

interface Release {
  id: string
  version: string
  build: string
  /** Accepted revisions, oldest first; the last is the default. */
  revisions: string[]
  /** The 1.3 documents: capitalised grant enum, no authorization_code path, newer error wording, role names without "Veeam". */
  line: '12' | '13.0' | '13.0.1' | '13.1'
}

function vbrRelease({ id, version, build, revisions, line }: Release): Profile {
  const revision = revisions.at(-1)!
  const is13 = line !== '12'
  const roles = is13
    ? ['Backup Administrator', 'Backup Operator', 'Restore Operator', 'Backup Viewer', 'Tape Operator', 'Security Administrator']
    : ['Veeam Backup Administrator', 'Veeam Backup Operator', 'Veeam Restore Operator', 'Veeam Backup Viewer', 'Veeam Tape Operator']
  const resources: ServerResource[] = [
    {
      kind: 'static',
      path: '/api/v1/serverInfo',
      operationId: 'GetServerInfo',
      summary: 'Get Backup Server Information',
      tag: 'Service',
      roles: [roles[0]!],
      schema: serverInfoSchema(is13),
      body: {
        vbrId: '4a7d5e1c-8f3b-4c2a-9d6e-1b2c3d4e5f60',
        name: 'enterprise01.tech.local',
        buildVersion: build,
        patches: [],
        ...(is13 && {
          platform: 'Linux',
          databaseVendor: 'PostgreSQL',
          sqlServerEdition: '',
          sqlServerVersion: 'PostgreSQL 17.5',
          databaseSchemaVersion: '9688',
          databaseContentVersion: '9688',
        }),
      },
    },
    {
      kind: 'server-time',
      path: '/api/v1/serverTime',
      operationId: 'GetServerTime',
      summary: 'Get Backup Server Time',
      tag: 'Service',
      public: true,
      schema: serverTimeSchema(line === '13.1'),
      timeZone: '(UTC) Coordinated Universal Time',
      ...(line === '13.1' && { ianaTimeZoneId: 'Etc/UTC' }),
    },
  ]
  const grants: Profile['grants'] = line === '12' ? ['password', 'refresh_token', 'authorization_code'] : ['password', 'refresh_token']
  return {
    id,
    product: 'Veeam Backup & Replication',
    version,
    title: `Veeam Backup & Replication REST API ${revision}`,
    vendorPort: 9419,
    tokenPath: '/api/oauth2/token',
    tokenTag: 'Login',
    clientBases: [],
    clientsTag: 'Login',
    grants,
    listedGrants: ['vbr_token'],
    listedFields: ['vbr_token'],
    defaultGrant: 'password',
    grantsIgnoreCase: true,
    grantSpelling: line === '13.0.1' || line === '13.1' ? 'capitalised' : 'lowercase',
    ...(line === '12' && { authorizationCode: { path: '/api/oauth2/authorization_code', lifetimeSeconds: 60 } }),
    shortTermRefresh: { field: 'use_short_term_refresh', extraSeconds: 15 * 60 },
    usernames: { bareAllowed: true, defaultDomain: '.' },
    roles,
    // An account that holds no Veeam role: it exists but may not log in.
    otherRoles: ['None'],
    lifetimes: { accessSeconds: 15 * 60, refreshSeconds: 14 * 24 * 60 * 60 },
    logout: { method: 'POST', path: '/api/oauth2/logout', status: 200, objectBody: {} },
    tokenResponse: {
      tokenType: 'bearer',
      fields: ['access_token', 'token_type', 'refresh_token', 'expires_in', '.issued', '.expires', ...(line === '13.1' ? (['username'] as const) : [])],
      expiresIn: 'lifetime',
    },
    tokenFormat: 'jwt',
    formContentTypes: ['application/x-www-form-urlencoded'],
    errors: {
      model: 'vbr-error',
      refusals: refusals(
        line === '13.1' ? UNAUTHORIZED_13_1 : UNAUTHORIZED_12,
        is13 ? 'The specified API version is not supported.' : 'Unsupported RESTAPI version. The following versions are supported: {supported-v}.',
      ),
    },
    apiVersion: { header: 'x-api-version', accepted: revisions, default: revision },
    discovery: {
      documentPaths: ['/swagger/v{revision}/swagger.json'],
      uiPaths: is13 ? ['/swagger/index.html', '/swagger/ui', '/swagger/ui/index.html'] : ['/swagger/ui', '/swagger/ui/index.html'],
    },
    resources,
    sources: {
      token: `${DOC}/requesting_authorization.html; the REST API ${revision} document, POST /api/oauth2/token (TokenLoginSpec, TokenModel)`,
      refresh: `${DOC}/refresh_token.html; TokenModel: a refresh token "can be used only once, and its default lifetime is 14 days"`,
      logout: `${DOC}/logout_rest_api.html: POST /api/oauth2/logout, 200, afterwards the access and refresh tokens are expired`,
      versions: 'The REST API documents\' "Versioning" overview: the revision each build released and the revisions still supported',
      errors: 'docs/sources.md "Veeam Backup & Replication": Error model',
      lifetimes: 'TokenModel descriptions and examples: access 15 minutes (expires_in 900), refresh 14 days; use_short_term_refresh: access lifetime plus 15 minutes',
      resources: 'GET /api/v1/serverInfo (Backup Administrator) and GET /api/v1/serverTime (security: [], anyone) in every revision',
      discovery: 'Swagger UI at /swagger/ui/index.html (12.x) or /swagger/index.html (13.x); documents at /swagger/v<revision>/swagger.json',
    },
    assumptions: VBR_ASSUMPTIONS,
    // Single-use refresh tokens, logout expiring both tokens, and the Error body everywhere are documented for VBR.
    documented: ['refresh-rotation', 'logout-revokes-refresh', 'resource-error-body', 'token-error-body'],
  }
}

const REVISIONS = ['1.0-rev1', '1.0-rev2', '1.1-rev0', '1.1-rev1', '1.1-rev2', '1.2-rev0', '1.2-rev1', '1.3-rev0', '1.3-rev1', '1.3-rev2']
const upTo = (last: string, first = '1.0-rev1') => REVISIONS.slice(REVISIONS.indexOf(first), REVISIONS.indexOf(last) + 1)

export const vbr12 = vbrRelease({ id: 'vbr-12', version: '12', build: '12.0.0.1420', revisions: upTo('1.1-rev0'), line: '12' })
export const vbr121 = vbrRelease({ id: 'vbr-12.1', version: '12.1', build: '12.1.0.2131', revisions: upTo('1.1-rev1'), line: '12' })
export const vbr122 = vbrRelease({ id: 'vbr-12.2', version: '12.2', build: '12.2.0.334', revisions: upTo('1.1-rev2'), line: '12' })
export const vbr123 = vbrRelease({ id: 'vbr-12.3', version: '12.3', build: '12.3.1.1139', revisions: upTo('1.2-rev1'), line: '12' })
export const vbr13 = vbrRelease({ id: 'vbr-13', version: '13.0', build: '13.0.0.4967', revisions: upTo('1.3-rev0'), line: '13.0' })
export const vbr1301 = vbrRelease({ id: 'vbr-13.0.1', version: '13.0.1', build: '13.0.1.180', revisions: upTo('1.3-rev1'), line: '13.0.1' })
export const vbr131 = vbrRelease({ id: 'vbr-13.1', version: '13.1', build: '13.1.0.411', revisions: upTo('1.3-rev2', '1.1-rev0'), line: '13.1' })

