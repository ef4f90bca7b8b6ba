/** @module Per-request log entries: method, path, status and time; never a body, header value or query. */
import type { MiddlewareHandler } from 'hono'

export interface RequestLogEntry {
  time: string
  method: string
  /** Without the query string. */
  path: string
  status: number
  ms: number
}

export function requestLogger(onRequest: (entry: RequestLogEntry) => void): MiddlewareHandler {
  return async function logRequest(c, next) {
    const start = performance.now()
    await next()
    onRequest({
      time: new Date().toISOString(),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 10) / 10,
    })
  }
}
