/**
 * @module Veeam Service Provider Console's errors: `OAuth2Error` on the token endpoint, `ErrorResponse`
 * (`{errors: [{message, type, code}]}`) everywhere else, and every server error answered 520.
 */
import { z } from '@hono/zod-openapi'
import { OAuthError, ThrottledError, type Refusal } from '../oauth/errors.js'
import type { ErrorModelSpec } from '../profiles/profile.js'
import { messageOf, type ErrorModel } from './error-model.js'

const OAUTH2_ERROR_CODES = ['invalid_client', 'invalid_grant', 'invalid_request', 'invalid_scope', 'unauthorized_client', 'unsupported_grant_type'] as const

/** The vendor's `ResponseError.type` values. */
export const VSPC_ERROR_TYPES = ['transport', 'logical', 'retryablelogical', 'security', 'unspecified'] as const

const OAuth2Error = z
  .object({
    error: z.enum(OAUTH2_ERROR_CODES).openapi({ description: 'Error code.' }),
    error_description: z.string().nullable().openapi({ description: 'Error description.' }),
    error_uri: z.string().nullable().openapi({ description: 'Error URI.' }),
  })
  .openapi('OAuth2Error')

const ResponseError = z
  .object({
    message: z.string().optional().openapi({ description: 'Error message.' }),
    type: z.enum(VSPC_ERROR_TYPES).openapi({ description: 'Error type.' }),
    code: z.int().openapi({ description: 'Error code.' }),
    retryAfter: z.int().optional().openapi({ description: 'Seconds until the next throttling period begins (429 only).' }),
  })
  .openapi('ResponseError')

const ErrorResponse = z.object({ errors: z.array(ResponseError) }).openapi('ErrorResponse')

/** The documented status: client errors as they are, every server error (>= 500) as 520. */
export const vspcStatus = (status: number) => (status >= 500 ? 520 : status)

function typeOf(status: number): (typeof VSPC_ERROR_TYPES)[number] {
  if (status === 401 || status === 403) return 'security'
  if (status === 429) return 'transport'
  return status >= 500 ? 'unspecified' : 'logical'
}

function resourceBody(status: number, message: string, retryAfter?: number) {
  // The vendor's throttling example carries no message, only the seconds to wait.
  if (retryAfter !== undefined) return { errors: [{ type: 'transport', code: 429, retryAfter }] }
  return { errors: [{ message, type: typeOf(status), code: status }] }
}

function answer(spec: ErrorModelSpec, refusal: Refusal, fallback: number) {
  const entry = spec.refusals?.[refusal]
  return { status: entry?.status ?? fallback, code: entry?.code }
}

export const vspcError: ErrorModel = {
  // The resource code sits in errors[0].code, a number: the suite checks resource refusals by status.
  codeField: { token: 'error' },
  render(error, spec, supported) {
    const message = messageOf(spec, error.refusal, error.message, supported)
    if (error instanceof OAuthError) {
      const { status, code } = answer(spec, error.refusal, error.status)
      return { status, body: { error: code ?? error.error, error_description: message, error_uri: null }, headers: error.headers }
    }
    const { status } = answer(spec, error.refusal, error.status)
    const retryAfter = error instanceof ThrottledError ? error.retryAfterSeconds : undefined
    return { status: vspcStatus(status), body: resourceBody(status, message, retryAfter), headers: error.headers }
  },
  tokenSchema: OAuth2Error,
  resourceSchema: ErrorResponse,
  example(refusal, spec, message, supported) {
    const text = messageOf(spec, refusal, message, supported)
    const entry = spec.refusals?.[refusal]
    const status = entry?.status ?? 400
    if (entry?.code !== undefined && (OAUTH2_ERROR_CODES as readonly string[]).includes(entry.code)) {
      return { error: entry.code, error_description: text, error_uri: null }
    }
    return resourceBody(status, text, refusal === 'throttled' ? 25 : undefined)
  },
}
