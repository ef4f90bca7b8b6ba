/** @module The shape of a product-version profile: everything that differs between Veeam APIs, as data (its zod twin, which validates profile files: profile-schema.ts; a type test keeps the two equal). */
import type { Refusal } from '../oauth/errors.js'
import type { StubInput } from '../stubs/stub-schema.js'

/** Fields a token response can carry; `.issued`/`.expires` are date-times with an offset (VBR's TokenModel). */
export type TokenField =
  | 'access_token'
  | 'token_type'
  | 'expires_in'
  | 'refresh_token'
  | '.issued'
  | '.expires'
  | 'username'
  /** VSPC's OAuth2Result: the second step's token after a password login of an MFA account, else null. */
  | 'mfa_token'
  /** VSPC's OAuth2Result: always null (the grants that would fill it are not emulated). */
  | 'encrypted_code'
  /** VB365's OAuthTokenResponse: the user name as the account is known (no domain). */
  | 'userName'
  /** Veeam ONE's TokenResponse: `DOMAIN\\USERNAME`. */
  | 'user'
  /** Veeam ONE's TokenResponse: the account's role (AccessTokenRole). */
  | 'user_role'

export type GrantType = 'password' | 'client_credentials' | 'refresh_token' | 'authorization_code' | 'mfa' | 'as'

/** How a refusal answers under a profile's error model: its status, the model's code, and the vendor's message if it has one. */
export interface RefusalAnswer {
  status: number
  /** The model's code field (VBR: errorCode); absent for models without one. */
  code?: string
  /** The vendor's message; `{supported}` becomes the accepted API versions (`{supported-v}`: each written v1.1-rev0). Absent: the mock's own explanation. */
  message?: string
}

export interface ErrorModelSpec {
  /** The body shape, one module each in src/errors/: `oauth-message` (RFC 6749 on the token endpoint, {message} elsewhere), `vbr-error`. */
  model: 'oauth-message' | 'vbr-error' | 'vspc' | 'rest-exception-info' | 'problem-details'
  /** Per refusal, what the model answers; required for every refusal by models with codes. */
  refusals?: Partial<Record<Refusal, RefusalAnswer>>
  /** rest-exception-info: the optional properties this version's schema has besides `message`. */
  fields?: ('errorCode' | 'stackTrace')[]
  /** rest-exception-info: the errorCode enum of this version's schema. */
  codes?: string[]
  /** The error bodies' media type (default application/json). */
  mediaType?: string
}

/** A version header every API request must carry (VBR: `x-api-version: 1.1-rev0`). */
export interface ApiVersionRule {
  header: string
  /** The revisions this release accepts. */
  accepted: string[]
  /** The revision documented by the profile's OpenAPI document (Swagger UI pre-fills it). */
  default: string
  /** A request without the header is served as the default revision (VSPC's x-client-version); a wrong one is still refused. */
  optional?: true
  /** The parameter's description in the document (default: VBR's <version>-<revision> text). */
  description?: string
}

/** Where clients look for the API's own document and UI, besides /openapi.json and /swagger. */
export interface Discovery {
  /** Paths serving the OpenAPI document; `{revision}` expands to each accepted API version. */
  documentPaths: string[]
  /** Paths serving Swagger UI. */
  uiPaths: string[]
}

/** A JSON Schema registered under `name` in the document's components. */
export interface NamedSchema {
  name: string
  definition: Record<string, unknown>
}

interface ResourceBase {
  path: string
  operationId: string
  summary: string
  tag: string
  /** Served without a token (the vendor's `security: []`). */
  public?: boolean
  /** Only these roles get an answer; others 403 (absent: every role that may use the API). */
  roles?: string[]
  schema: NamedSchema
}

/** A resource clients read right after login, answered by the module of its kind (src/resources/). */
export type ServerResource =
  | (ResourceBase & { kind: 'static'; body: Record<string, unknown> })
  /** The mock's clock (the virtual one under the harness) as `{serverTime, timeZone}`. */
  | (ResourceBase & { kind: 'server-time'; timeZone: string; ianaTimeZoneId?: string })
  /** The caller's own user record, inside `{data: ...}` (VSPC's GET /users/me). */
  | (ResourceBase & { kind: 'current-user'; organizationUid: string })

export interface MfaSpec {
  /** How long an mfa_token from the password grant stays usable (it is single-use). */
  tokenLifetimeSeconds: number
}

export interface ApiKeySpec {
  /** POST: creates a key for `{userUid}` (query description, scopes, isReadAccessOnly). */
  createPath: string
  /** DELETE: deletes the login `{userLoginId}` of `{userUid}`; a deleted key stops working. */
  deletePath: string
  tag: string
}

export interface ThrottleSpec {
  requests: number
  windowSeconds: number
}

/** A choice we made where the vendor is silent. The conformance suite holds a target to it only with --strict. */
export interface Assumption {
  /** Stable id; conformance checks name the assumption they test by this id. */
  id: string
  /** What the mock does. */
  rule: string
  /** Why we chose it. */
  reason: string
}

/**
 * What the mock answers where the vendor is silent, keyed by the assumption each stands for (engine/outcomes.ts
 * holds the defaults; the spec's x-veeam-auth-mock carries them resolved, and `conformance --record` writes them).
 * A status is any 4xx, its body the profile's error model.
 */
export interface Outcomes {
  /** The status a client gets for trying to create a client (default 403). */
  'client-create-forbidden-403'?: number
  /** The status a client gets for trying to delete another client (default 403). */
  'client-delete-other-403'?: number
  /** The status a user gets for deleting an unknown ID or another user's client (default 404). */
  'unknown-client-404'?: number
  /** The status of a DELETE without clientId (default 400). */
  'missing-client-id-400'?: number
  /** Whether a used refresh token is refused from then on (default true). */
  'refresh-rotation'?: boolean
  /** Whether logout also ends the session's refresh token (default true; false: only the access token dies). */
  'logout-revokes-refresh'?: boolean
}

export interface LogoutStyle {
  method: 'DELETE' | 'POST'
  path: string
  status: 200 | 204
  /** A JSON string body, e.g. "You have been logged out." (VAC 2); none for 204. */
  message?: string
  /** A JSON object body instead (VBR's EmptySuccessResponse: `{}`). */
  objectBody?: Record<string, unknown>
  /**
   * `user`: the path names the user (`{userUid}`) and every session of that user ends, not only the caller's
   * (VSPC's DELETE /users/{userUid}/tokens). Default `session`.
   */
  scope?: 'session' | 'user'
  /** The logout route itself is an assumption (the vendor does not document it for this product). */
  assumed?: boolean
  /**
   * Form fields naming what to revoke instead of the bearer's own session (Veeam ONE's /api/revoke): `token`, an
   * access token (only that one); `user`, the caller's Windows SID (all of its sessions). See src/routes/revoke.ts.
   */
  params?: { token: string; user: string }
}

/** An antiforgery cookie + header pair bound to each session issued without the opt-out field (VB365 v7, v8). */
export interface AntiforgeryRule {
  /** The cookie the token response sets. */
  cookie: string
  /** The request header that must repeat the cookie's value. */
  header: string
  /** A boolean token-request field; `true` issues a session that needs no antiforgery token. */
  optOutField: string
}

export interface Profile {
  /** e.g. `vro-7.1`. */
  id: string
  product: string
  /** The product version as the vendor writes it. */
  version: string
  /** The Swagger page title the vendor shows. */
  title: string
  vendorPort: number
  tokenPath: string
  /** Swagger tag of the token (and logout) operations. */
  tokenTag: string
  /** API version bases that carry the Clients resource, e.g. `/api/v7.1`; empty when there is none. */
  clientBases: string[]
  clientsTag: string
  /** Grants the mock performs. */
  grants: GrantType[]
  /** Grant names the vendor lists but the mock does not emulate (answered `unsupported_grant_type`). */
  listedGrants: string[]
  /** Form fields the vendor lists for those grants (VBR: vbr_token), shown in the document. */
  listedFields?: string[]
  defaultGrant: GrantType
  usernames: {
    /** Whether a bare `USERNAME` is accepted (resolved to `defaultDomain`). */
    bareAllowed: boolean
    defaultDomain: string
    /** A domain that means "this server" (VBR's `.\\user`), resolved to `defaultDomain`. */
    localDomain?: string
  }
  /** Roles that may use the REST API. */
  roles: string[]
  /** Roles an account may hold without REST API rights (fixtures use them to show the refusal); any other role is refused. */
  otherRoles?: string[]
  lifetimes: { accessSeconds: number; refreshSeconds: number }
  /** Absent: the product documents no logout (VB365 v6). */
  logout?: LogoutStyle
  tokenResponse: {
    /** The success Content-Type (default application/json). */
    contentType?: string
    /** Fields the document marks optional (still sent). */
    optional?: TokenField[]
    /** The schema's name in the document (default TokenModel; VB365 OAuthTokenResponse, Veeam ONE TokenResponse). */
    schemaName?: string
    tokenType: string
    /** Exactly the fields of a successful token response, in order. */
    fields: TokenField[]
    /** `expires_in`: the lifetime less one second (VRO's 899) or the lifetime itself (VBR's 900). */
    expiresIn: 'lifetime-less-one' | 'lifetime'
    /** Every field is present on every answer, null where unused (VSPC's OAuth2Result). */
    nullable?: true
  }
  /**
   * `opaque` random strings; `jwt`: RS512 JWTs shaped like VBR's samples; `hs256-jwt`: Veeam ONE's HS256 access
   * JWT with a 32-hex refresh token (src/oauth/token-formats/).
   */
  tokenFormat: 'opaque' | 'jwt' | 'hs256-jwt'
  /** Paths match ignoring case, as ASP.NET routing does (clients write /v6/Token and /v6/token). */
  pathsIgnoreCase?: boolean
  /** Content types the token endpoint reads as a JSON object body (VB365); its values are strings, numbers or booleans. */
  jsonContentTypes?: string[]
  antiforgery?: AntiforgeryRule
  /** grant_type is matched ignoring case (VBR renamed password to Password in 1.3-rev1; clients send both). */
  grantsIgnoreCase?: boolean
  /** How the document spells grant names: as the engine does, or capitalised (`Refresh_token`). */
  grantSpelling?: 'lowercase' | 'capitalised'
  /** `POST path` with a bearer token issues a single-use code for grant_type=authorization_code. */
  authorizationCode?: {
    path: string
    lifetimeSeconds: number
    /** The body's field (default `code`), its schema name and the operation (VB365: authCode, RESTAuthCode). */
    field?: string
    schemaName?: string
    operationId?: string
    summary?: string
  }
  /** A boolean form field that shortens the refresh token's life to the access lifetime plus `extraSeconds`. */
  shortTermRefresh?: { field: string; extraSeconds: number }
  errors: ErrorModelSpec
  apiVersion?: ApiVersionRule
  discovery?: Discovery
  /** Resources clients read right after login (VBR: serverInfo, serverTime). */
  resources?: ServerResource[]
  /** Content types the token endpoint reads as a form body (urlencoded parser unless multipart). */
  formContentTypes: string[]
  /** A second factor (VSPC): accounts with an mfaSecret get an mfa_token from the password grant, and finish with grant_type=mfa. */
  mfa?: MfaSpec
  /** Permanent API keys a user creates for itself, sent as `Bearer <key>` (VSPC). */
  apiKeys?: ApiKeySpec
  /** grant_type=as: these roles may act as another user (userUid) with their own refresh token. */
  impersonation?: { roles: string[] }
  /** A boolean token field asking for a token that may only read (GET). */
  readOnlyField?: string
  /** Requests per window per account; over it, 429 (off unless set here or by --throttle). */
  throttle?: ThrottleSpec
  /** The product document's tags, in its order and words (default: the token tag, the clients tag, the resources' tags). */
  tags?: { name: string; description: string }[]
  /** Where each rule comes from, for people reading the spec. */
  sources: Record<string, string>
  assumptions: Assumption[]
  /** What the mock answers where the vendor is silent (absent: the defaults in engine/outcomes.ts). */
  outcomes?: Outcomes
  /**
   * Rules the vendor documents for this product where others' are assumptions, named by those assumptions' ids
   * (e.g. `refresh-rotation`: VBR documents single-use refresh tokens); the conformance suite holds them as MUST.
   */
  documented?: string[]
  /** Stub resources served by default (behind the bearer check); --stubs replaces them. Most profiles have none. */
  stubs?: StubInput[]
}
