/** @module Errors, modelled once: RFC 6749 section 5.2 on the token endpoint, a vendor-style JSON body on resources. */

/** The error codes RFC 6749 section 5.2 registers for the token endpoint. */
export type OAuthErrorCode =
  | 'invalid_request'
  | 'invalid_client'
  | 'invalid_grant'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'invalid_scope'

/** A token-endpoint error; rendered as `{error, error_description}` with no-store caching. */
export class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401 | 413,
    readonly error: OAuthErrorCode,
    readonly description: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(description)
  }

  body(): { error: OAuthErrorCode; error_description: string } {
    return { error: this.error, error_description: this.description }
  }
}

export const invalidRequest = (description: string) => new OAuthError(400, 'invalid_request', description)
export const invalidGrant = (description: string) => new OAuthError(400, 'invalid_grant', description)
export const unsupportedGrantType = (description: string) =>
  new OAuthError(400, 'unsupported_grant_type', description)
/** 401 with a Basic challenge when the client authenticated with HTTP Basic (RFC 6749 section 5.2), else 400. */
export const invalidClient = (description: string, usedBasic: boolean) =>
  usedBasic
    ? new OAuthError(401, 'invalid_client', description, { 'WWW-Authenticate': 'Basic realm="token"' })
    : new OAuthError(400, 'invalid_client', description)
/** Closes the connection: the rest of an oversized body is never read. */
export const bodyTooLarge = (limitBytes: number) =>
  new OAuthError(413, 'invalid_request', `The request body exceeds ${limitBytes / 1024} KiB.`, { Connection: 'close' })

/** The vendor's documented 401 text for its resources. */
export const UNAUTHORIZED_TEXT =
  'Unauthorized request. The authorization header has been expected but not found (or found but expired).'

/** An error on a bearer-protected resource or any non-token route; rendered as `{message}`. */
export class ResourceError extends Error {
  constructor(
    readonly status: 400 | 401 | 403 | 404 | 405 | 413 | 500 | 501,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message)
  }
}

/** RFC 6750 section 3: a bare challenge when no token came, `invalid_token` when one came and failed. */
export function unauthorized(tokenSent: boolean): ResourceError {
  const challenge = tokenSent
    ? 'Bearer error="invalid_token", error_description="The access token is unknown, expired or revoked."'
    : 'Bearer'
  return new ResourceError(401, UNAUTHORIZED_TEXT, { 'WWW-Authenticate': challenge })
}

export const forbidden = (message: string) => new ResourceError(403, message)
export const notFound = (message: string) => new ResourceError(404, message)
export const badRequest = (message: string) => new ResourceError(400, message)
