/** @module Turns any thrown error into the documented error shape; nothing internal reaches the client. */
import type { Context } from 'hono'
import { HTTPException } from 'hono/http-exception'
import { OAuthError, ResourceError } from '../oauth/errors.js'

/** RFC 6749 section 5.1: token responses, errors included, must not be cached. */
export const NO_STORE = { 'Cache-Control': 'no-store', Pragma: 'no-cache' }

/** The response for `error`; `onUnexpected` hears of anything that is a server fault. */
export function renderError(c: Context, error: unknown, onUnexpected?: (error: unknown) => void): Response {
  if (error instanceof OAuthError) return c.json(error.body(), error.status, { ...NO_STORE, ...error.headers })
  if (error instanceof ResourceError) return c.json({ message: error.message }, error.status, error.headers)
  if (error instanceof HTTPException && error.status < 500) {
    return c.json({ message: error.message || 'Bad request.' }, error.status)
  }
  onUnexpected?.(error)
  return c.json({ message: 'Internal server error.' }, 500)
}
