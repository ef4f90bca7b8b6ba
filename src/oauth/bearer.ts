/** @module RFC 6750 bearer protection: the caller of a protected route, or 401. */
import type { Context, Next } from 'hono'
import { requireAntiforgery } from '../engine/antiforgery.js'
import { accountMayUseApi, resolvePrincipal } from '../engine/principal.js'
import type { MockState } from '../engine/mock-state.js'
import type { AppEnv, Middleware } from '../routes/env.js'
import { requestHeader } from '../routes/request-header.js'
import type { Session } from '../store/types.js'
import { forbidden, unauthorized } from './errors.js'
import { principalKey } from '../engine/throttle.js'

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
export function bearerAuth(): Middleware {
  return async function bearer(c, next) {
    const state = c.get('state')
    // Straight from node's parsed headers where there are some: c.req.header() builds a Headers object.
    const header = requestHeader(c.req.raw, c.env, 'authorization')
    // Anything but "Bearer <token>" (no header, Basic, an empty bearer) counts as no token.
    const token = header !== undefined && /^bearer /i.test(header) ? header.slice(7).trim() : ''
    if (token === '' && state.quirks.has('missing-auth-accepted')) return asFirstAccount(state, c, next)
    if (token === '') throw unauthorized(false)
    const now = state.clock.now()
    const session = state.store.byAccessToken(token, now) ?? apiKeySession(state, token)
    const resolved = session && resolvePrincipal(state, session.principal)
    if (session === undefined || resolved === undefined) throw unauthorized(true)
    state.throttle?.take(principalKey(session.principal, state), now, !state.quirks.has('throttle-without-retry-after'))
    if (session.readOnly === true && c.req.method !== 'GET') throw forbidden('This token is read-only: only GET requests are permitted.')
    if (session.antiforgery !== undefined) requireAntiforgery(state, session, (name) => requestHeader(c.req.raw, c.env, name), false)
    // Added to the fresh object, not copied: on node 20 `{ ...resolved, session }` takes V8's slow path (about 1 µs a request).
    c.set('caller', Object.assign(resolved, { session }))
    await next()
  }
}

/** An API key as a session that never expires (VSPC); its tokens are empty, so revoking it by session does nothing. */
function apiKeySession(state: MockState, token: string): Session | undefined {
  if (state.profile.apiKeys === undefined) return undefined
  const key = state.apiKeys.find(token)
  // A key without the rest scope is for the portal or integrations, not this API (assumption vspc-api-key-scope).
  if (key === undefined || !key.scopes.includes('rest')) return undefined
  const principal = { kind: 'user', accountId: key.accountId } as const
  return { principal, accessToken: '', refreshToken: '', accessExpiresAt: Infinity, refreshExpiresAt: 0, ...(key.readOnly && { readOnly: true }), apiKey: key.id }
}
