/** @module Per-request log entries: method, path, status and time; never a body, header value or query. */
import type { Middleware } from '../routes/env.js'

export interface RequestLogEntry {
  time: string
  method: string
  /** Without the query string. */
  path: string
  status: number
  ms: number
  /** The tenant the request was for (with --tenants), absent for the default one. */
  tenant?: string
}

export function requestLogger(onRequest: (entry: RequestLogEntry) => void): Middleware {
  return async function logRequest(c, next) {
    const start = performance.now()
    await next()
    // Unset when the tenant name was refused.
    const tenant = (c.get('tenant') as { name: string } | undefined)?.name
    onRequest({
      time: new Date().toISOString(),
      method: c.req.method,
      path: c.req.path,
      status: c.res.status,
      ms: Math.round((performance.now() - start) * 10) / 10,
      ...(tenant !== undefined && tenant !== '' && { tenant }),
    })
  }
}
