/**
 * @module Veeam ONE's POST /api/revoke: a logout that names what it ends. `token`: that access token only (the
 * caller's other tokens stay active, as the vendor says); the user field (`UserSid`): every session of the caller,
 * whose SID it must be; neither: the bearer's own session. Without a bearer, a live `token` speaks for itself
 * (the vendor's example sends an empty `Authorization: Bearer`).
 */
import { createRoute, z } from '@hono/zod-openapi'
import { sidOf } from '../accounts/sid.js'
import { requireAntiforgery } from '../engine/antiforgery.js'
import type { MockState } from '../engine/mock-state.js'
import { endSession } from '../engine/outcomes.js'
import { resolvePrincipal } from '../engine/principal.js'
import { badRequest, unauthorized, UNAUTHORIZED_TEXT } from '../oauth/errors.js'
import { readTokenParams } from '../oauth/token-params.js'
import type { LogoutStyle } from '../profiles/profile.js'
import type { Principal, Session } from '../store/types.js'
import { mount, type App } from './env.js'
import { errorResponse } from './error-responses.js'
import { readLimitedBody } from './read-body.js'
import { requestHeader } from './request-header.js'
import { bearerSecurity } from './schemas.js'

const BODY_LIMIT = 16 * 1024
export const NOT_YOUR_TOKEN = 'The token is unknown, expired or not yours.'

const samePrincipal = (a: Principal, b: Principal) =>
  a.kind === b.kind && (a.kind === 'user' ? a.accountId === (b as typeof a).accountId : a.clientId === (b as typeof a).clientId)

export function mountRevoke(app: App, base: MockState, logout: LogoutStyle & { params: NonNullable<LogoutStyle['params']> }): void {
  const { profile } = base
  const { token: tokenField, user: userField } = logout.params
  const field = (description: string) => z.string().optional().openapi({ description, example: '' })
  const form = {
    schema: z
      .object({
        [tokenField]: field('A currently valid access token: only it is revoked; other tokens stay active.'),
        [userField]: field("Your user's SID (the sid claim of the access token): all of its tokens are revoked."),
      })
      .openapi('RevokeRequest'),
  }
  const route = createRoute({
    method: 'post',
    path: logout.path,
    operationId: 'logout',
    tags: [profile.tokenTag],
    summary: 'Revoke tokens: the named access token, all of a user\'s, or (with neither field) the bearer\'s own',
    security: bearerSecurity(profile),
    request: { body: { required: false, content: Object.fromEntries(profile.formContentTypes.map((type) => [type, form])) } },
    responses: {
      [logout.status]: { description: 'Revoked.' },
      400: errorResponse(base, 'bad-request', 'The token is unknown or not yours, or the SID is not yours.', { message: NOT_YOUR_TOKEN }),
      401: errorResponse(base, 'missing-token', UNAUTHORIZED_TEXT),
    },
  })
  mount(app, route, async (c) => {
    const state = c.get('state')
    const request = c.req.raw
    const header = (name: string) => requestHeader(request, c.env, name)
    const type = header('content-type')
    const params = type === undefined ? new Map<string, string>() : await readTokenParams(type, profile.formContentTypes, () => readLimitedBody(request, c.env, BODY_LIMIT))
    const now = state.clock.now()
    const authorization = header('authorization')
    const bearer = authorization !== undefined && /^bearer /i.test(authorization) ? authorization.slice(7).trim() : ''
    const named = params.get(tokenField)
    const live = (token: string | undefined): Session | undefined => {
      const session = token === undefined || token === '' ? undefined : state.store.byAccessToken(token, now)
      return session !== undefined && resolvePrincipal(state, session.principal) !== undefined ? session : undefined
    }
    const caller = live(bearer === '' ? named : bearer)
    if (caller === undefined) throw unauthorized(bearer !== '' || named !== undefined)
    requireAntiforgery(state, caller, header, false)
    const revoke = (session: Session) => {
      if (!state.quirks.has('logout-keeps-token')) endSession(state, session)
    }
    if (named !== undefined) {
      const target = live(named)
      if (target === undefined || !samePrincipal(target.principal, caller.principal)) throw badRequest(NOT_YOUR_TOKEN)
      revoke(state.quirks.has('revoke-ignores-token-parameter') ? caller : target)
    } else if (params.has(userField)) {
      const account = resolvePrincipal(state, caller.principal)!.account
      if (params.get(userField)!.toUpperCase() !== sidOf(account).toUpperCase()) throw badRequest(`${userField} is not the SID of the authorized user.`)
      if (state.quirks.has('revoke-sid-ends-only-own-session')) revoke(caller)
      else for (const session of state.store.sessions(now)) if (samePrincipal(session.principal, caller.principal)) revoke(session)
    } else revoke(caller)
    const status = state.quirks.has('logout-returns-204') ? 204 : state.quirks.has('logout-returns-200') ? 200 : logout.status
    return c.body(null, status as 200)
  })
}
