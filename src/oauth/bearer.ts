/** @module RFC 6750 bearer protection: the caller of a protected route, or 401. */
import type { Context, Next } from 'hono'
import { requireAntiforgery } from '../engine/antiforgery.js'
import { accountMayUseApi, resolvePrincipal } from '../engine/principal.js'
import type { MockState } from '../engine/mock-state.js'
import type { AppEnv, Middleware } from '../routes/env.js'
import { requestHeader } from '../routes/request-header.js'
import { unauthorized } from './errors.js'

/** The missing-auth-accepted quirk: an anonymous request acts as the first account that may use the API. */
async function asFirstAccount(state: MockState, c: Context<AppEnv>, next: Next): Promise<void> {
  const account = state.store.accounts().find((candidate) => accountMayUseApi(state, candidate))
  if (account === undefined) throw unauthorized(false)
  const principal = { kind: 'user', accountId: account.id } as const
  const session = { principal, accessToken: '', refreshToken: '', accessExpiresAt: 0, refreshExpiresAt: 0 }
  c.set('caller', { principal, account, session })
  await next()
}

/** Middleware that sets `caller` from a live access token whose principal may still use the API. */
export function bearerAuth(state: MockState): Middleware {
  return async function bearer(c, next) {
    // Straight from node's parsed headers where there are some: c.req.header() builds a Headers object.
    const header = requestHeader(c.req.raw, c.env, 'authorization')
    // Anything but "Bearer <token>" (no header, Basic, an empty bearer) counts as no token.
    const token = header !== undefined && /^bearer /i.test(header) ? header.slice(7).trim() : ''
    if (token === '' && state.quirks.has('missing-auth-accepted')) return asFirstAccount(state, c, next)
    if (token === '') throw unauthorized(false)
    const session = state.store.byAccessToken(token, state.clock.now())
    const resolved = session && resolvePrincipal(state, session.principal)
    if (session === undefined || resolved === undefined) throw unauthorized(true)
    if (session.antiforgery !== undefined) requireAntiforgery(state, session, (name) => requestHeader(c.req.raw, c.env, name), false)
    c.set('caller', { ...resolved, session })
    await next()
  }
}
