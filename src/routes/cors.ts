/**
 * @module `cors` (off by default): lets a page on another origin call the vendor routes. Preflights (OPTIONS with
 * Access-Control-Request-Method) get 204 and the Access-Control-Allow-* headers; every other answer gets
 * Access-Control-Allow-Origin. Tokens travel in the Authorization header, never in cookies, so `*` is enough.
 * The control API is left out on purpose: it stays same-origin only.
 */
import { CONTROL_PREFIX } from '../control/intercept.js'
import type { App } from './env.js'

const METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE'
/** What the mock's own routes read; a preflight asking for more is answered with what it asked (bounded). */
const HEADERS = 'Authorization, Content-Type, Accept'
/** Headers a page may read: the bearer challenge and the 405's Allow. */
const EXPOSE = 'WWW-Authenticate, Allow'

const isControl = (path: string) => path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)

export function mountCors(app: App): void {
  app.use(async (c, next) => {
    if (isControl(c.req.path)) return next()
    const requested = c.req.header('access-control-request-method')
    if (c.req.method === 'OPTIONS' && requested !== undefined) {
      const asked = c.req.header('access-control-request-headers')
      return new Response(null, {
        status: 204,
        headers: {
          'Access-Control-Allow-Origin': '*',
          'Access-Control-Allow-Methods': METHODS,
          // A request header list is short; one longer than 1 KiB is not echoed.
          'Access-Control-Allow-Headers': asked !== undefined && asked.length <= 1024 && /^[\w\s,-]*$/.test(asked) ? `${HEADERS}, ${asked}` : HEADERS,
          'Access-Control-Max-Age': '600',
        },
      })
    }
    await next()
    try {
      c.res.headers.set('Access-Control-Allow-Origin', '*')
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSE)
    } catch {
      // Immutable headers (a response passed through as is): copy it once.
      c.res = new Response(c.res.body, c.res)
      c.res.headers.set('Access-Control-Allow-Origin', '*')
      c.res.headers.set('Access-Control-Expose-Headers', EXPOSE)
    }
  })
}
