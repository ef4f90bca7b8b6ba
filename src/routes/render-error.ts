/** @module Turns any thrown error into the profile's error model; nothing internal reaches the client. */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { ERROR_MODELS } from '../errors/index.js'
import type { MockState } from '../engine/mock-state.js'
import { OAuthError, ResourceError, type ResourceStatus } from '../oauth/errors.js'

/** RFC 6749 section 5.1: token responses, errors included, must not be cached. */
export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' }

/** The error as a client mistake or server fault of the mock's own vocabulary. */
function asRefusal(error: unknown): OAuthError | ResourceError | undefined {
  if (error instanceof OAuthError || error instanceof ResourceError) return error
  if (error instanceof HTTPException && error.status < 500) {
    const status = ([400, 401, 403, 404, 405, 413] as const).find((s) => s === error.status) ?? 400
    return new ResourceError(status as ResourceStatus, error.message || 'Bad request.')
  }
  return undefined
}

/** The response for `error` in the profile's error model; `onUnexpected` hears of anything that is a server fault. */
export function renderError(c: Context, state: MockState, error: unknown, onUnexpected?: (error: unknown) => void): Response {
  let refusal = asRefusal(error)
  if (refusal === undefined) {
    onUnexpected?.(error)
    refusal = new ResourceError(500, 'Internal server error.')
  }
  const { errors, apiVersion } = state.profile
  const wire = ERROR_MODELS[errors.model].render(refusal, errors, apiVersion?.accepted ?? [])
  const headers = refusal instanceof OAuthError ? { ...NO_STORE, ...wire.headers } : wire.headers
  if (wire.body === undefined || (wire.status === 401 && state.quirks.has('empty-401-body'))) {
    return c.body(null, wire.status as 401, headers)
  }
  return c.json(wire.body, wire.status as 400, headers)
}
