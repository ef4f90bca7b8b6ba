/** @module A request header, read from node's IncomingMessage when there is one (the hot path). */
import type { IncomingMessage } from 'node:http'

/**
 * Asking the web Request for a header makes @hono/node-server build a Headers object from all of them;
 * node has already parsed them into a plain object. Under `app.request()` there is no node request.
 */
/** `name` in lower case. */
export function requestHeader(request: Request, env: unknown, name: string): string | undefined {
  const incoming = (env as { incoming?: IncomingMessage } | undefined)?.incoming
  if (incoming === undefined) return request.headers.get(name) ?? undefined
  const value = incoming.headers[name]
  return typeof value === 'string' ? value : undefined
}
