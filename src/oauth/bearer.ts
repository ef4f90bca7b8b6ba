/** @module RFC 6750 bearer protection: the caller of a protected route, or 401. */
import { resolvePrincipal } from '../engine/principal.js'
import type { MockState } from '../engine/mock-state.js'
import type { Middleware } from '../routes/env.js'
import { unauthorized } from './errors.js'

/** Middleware that sets `caller` from a live access token whose principal may still use the API. */
export function bearerAuth(state: MockState): Middleware {
  return async function bearer(c, next) {
    const header = c.req.header('authorization')
    // Anything but "Bearer <token>" (no header, Basic, an empty bearer) counts as no token.
    const token = header !== undefined && /^bearer /i.test(header) ? header.slice(7).trim() : ''
    if (token === '') throw unauthorized(false)
    const session = state.store.byAccessToken(token, state.clock.now())
    const resolved = session && resolvePrincipal(state, session.principal)
    if (session === undefined || resolved === undefined) throw unauthorized(true)
    c.set('caller', { ...resolved, session })
    await next()
  }
}
