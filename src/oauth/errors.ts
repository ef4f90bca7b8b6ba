/** @module Errors, modelled once by what was refused; each profile's error model (src/errors/) decides how a refusal looks on the wire. */

/** The error codes RFC 6749 section 5.2 registers for the token endpoint. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'

/**
 * What was refused, independent of any product's wording: error models map each to their status and code
 * (profile `errors.refusals`), so the same engine speaks RFC 6749 for one product and VBR's `Error` for another.
 */
export const REFUSALS = [
  'invalid-request',
  'invalid-credentials',
  'account-not-allowed',
  'invalid-refresh-token',
  'invalid-code',
  'invalid-client',
  'unsupported-grant',
  /** The session needs an antiforgery cookie + header pair the request lacks (VB365). */
  'invalid-antiforgery',
  'too-large',
  'missing-token',
  'invalid-token',
  'forbidden',
  'not-found',
  'method-not-allowed',
  'bad-request',
  'missing-version',
  'unsupported-version',
  'not-implemented',
  'server-error',
  /** Over the throttling limit (429, with Retry-After). */
  'throttled',
  /** The mock cannot take the request on now (503): e.g. every tenant slot is taken. */
  'unavailable',
] as const

export type Refusal = (typeof REFUSALS)[number]

/** A token-endpoint error; the RFC 6749 model renders it as `{error, error_description}` with no-store caching. */
export class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401 | 413,
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly headers: Record<string, string> = {},
    readonly refusal: Refusal = 'invalid-request',
  ) {
    super(description)
  }

  body(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.description }
  }
}

export const invalidRequest = (description: string) => new OAuthError(400, 'invalid_request', description)
/** `refusal` says which invalid_grant it is, for error models that tell them apart. */
export const invalidGrant = (
  description: string,
  refusal: 'invalid-credentials' | 'account-not-allowed' | 'invalid-refresh-token' | 'invalid-code',
) => new OAuthError(400, 'invalid_grant', description, {}, refusal)
export const unsupportedGrantType = (description: string) =>
  new OAuthError(400, 'unsupported_grant_type', description, {}, 'unsupported-grant')
/** 401 with a Basic challenge when the client authenticated with HTTP Basic (RFC 6749 section 5.2), else 400. */
export const invalidClient = (description: string, usedBasic: boolean) =>
  usedBasic
    ? new OAuthError(401, 'invalid_client', description, { 'WWW-Authenticate': 'Basic realm="token"' }, 'invalid-client')
    : new OAuthError(400, 'invalid_client', description, {}, 'invalid-client')
/** Closes the connection: the rest of an oversized body is never read. */
export const bodyTooLarge = (limitBytes: number) =>
  new OAuthError(413, 'invalid_request', `The request body exceeds ${limitBytes / 1024} KiB.`, { Connection: 'close' }, 'too-large')

/** The vendor's documented 401 text for its resources. */
export const UNAUTHORIZED_TEXT =
  'Unauthorized request. The authorization header has been expected but not found (or found but expired).'

export type ResourceStatus = 400 | 401 | 403 | 404 | 405 | 413 | 429 | 500 | 501 | 503

const REFUSAL_OF_STATUS: Record<ResourceStatus, Refusal> = {
  400: 'bad-request',
  401: 'invalid-token',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  413: 'too-large',
  429: 'throttled',
  500: 'server-error',
  501: 'not-implemented',
  503: 'unavailable',
}

/** An error on a bearer-protected resource or any non-token route; the orchestrator model renders it as `{message}`. */
export class ResourceError extends Error {
  readonly refusal: Refusal
  constructor(
    readonly status: ResourceStatus,
    message: string,
    readonly headers: Record<string, string> = {},
    refusal?: Refusal,
  ) {
    super(message)
    this.refusal = refusal ?? REFUSAL_OF_STATUS[status]
  }
}

/** RFC 6750 section 3: a bare challenge when no token came, `invalid_token` when one came and failed. */
export function unauthorized(tokenSent: boolean): ResourceError {
  const challenge = tokenSent
    ? 'Bearer error="invalid_token", error_description="The access token is unknown, expired or revoked."'
    : 'Bearer'
  return new ResourceError(401, UNAUTHORIZED_TEXT, { 'WWW-Authenticate': challenge }, tokenSent ? 'invalid-token' : 'missing-token')
}

export const forbidden = (message: string) => new ResourceError(403, message)
/** A refusal whose status is profile data (an assumption's outcome: any 4xx), known to error models with tables as `refusal`. */
export const refusedWith = (status: number, message: string, refusal: Refusal) => new ResourceError(status as ResourceStatus, message, {}, refusal)
export const notFound = (message: string) => new ResourceError(404, message)
export const badRequest = (message: string) => new ResourceError(400, message)
/** Over the throttling limit: the seconds until the next window, in the Retry-After header unless `header` is false. */
export class ThrottledError extends ResourceError {
  constructor(
    readonly retryAfterSeconds: number,
    header = true,
  ) {
    super(429, 'Number of requests exceeds throttling limitations.', header ? { 'Retry-After': String(retryAfterSeconds) } : {}, 'throttled')
  }
}
