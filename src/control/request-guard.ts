/** @module What keeps web pages out of the control API: a known Host (no DNS rebinding), no foreign Origin, JSON bodies only. */
import type { MiddlewareHandler } from 'hono'
import { isLoopback } from './loopback.js'

/** Addresses that accept any Host: the API is then reachable under every name of the machine (a token guards it). */
const WILDCARDS = new Set(['0.0.0.0', '::', '[::]'])

const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** `host` as URL.hostname writes it: lower case, an IPv6 literal in brackets. */
const hostname = (host: string) => {
  const h = host.toLowerCase()
  return h.includes(':') && !h.startsWith('[') ? `[${h}]` : h
}

/**
 * Refuses, in the control API's `{message}` shape: a Host naming neither loopback nor `listenHost` (403),
 * an Origin other than the request's own (403), and a write whose body is not declared `application/json` (415).
 * Only JSON needs a CORS preflight, so a page cannot send a "simple" cross-site write.
 */
export function requestGuard(listenHost?: string): MiddlewareHandler {
  const own = listenHost === undefined ? undefined : hostname(listenHost)
  const anyHost = own !== undefined && WILDCARDS.has(own)
  return async function guardControl(c, next) {
    const url = new URL(c.req.url)
    if (!anyHost && !isLoopback(url.hostname) && url.hostname !== own) {
      const allowed = ['localhost', '127.0.0.1', '[::1]', ...(own === undefined || isLoopback(own) ? [] : [own])]
      return c.json({ message: `The control API answers only to Host ${allowed.join(', ')} (got ${url.host}).` }, 403)
    }
    const origin = c.req.header('origin')
    if (origin !== undefined && origin !== url.origin) {
      return c.json({ message: `The control API refuses cross-origin requests (Origin ${origin}).` }, 403)
    }
    if (WRITES.has(c.req.method)) {
      const type = c.req.header('content-type')
      const length = c.req.header('content-length')
      const hasBody = length === undefined ? c.req.header('transfer-encoding') !== undefined : length.trim() !== '0'
      const isJson = type !== undefined && /^application\/json\s*(;|$)/i.test(type.trim())
      if ((hasBody || type !== undefined) && !isJson) {
        return c.json({ message: `A control request body must be Content-Type: application/json (got ${type ?? 'none'}).` }, 415)
      }
    }
    await next()
  }
}
