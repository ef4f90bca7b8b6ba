/** @module Logout: ends the session of the presented access token (and its refresh token, unless the profile's outcome keeps it). */
import { createRoute, z } from '@hono/zod-openapi'
import type { MockState } from '../engine/mock-state.js'
import { endSession } from '../engine/outcomes.js'
import { bearerAuth } from '../oauth/bearer.js'
import { UNAUTHORIZED_TEXT } from '../oauth/errors.js'
import { antiforgeryResponses, errorResponse } from './error-responses.js'
import { mountRevoke } from './revoke.js'
import { bearerSecurity, json } from './schemas.js'
import { mount, type App } from './env.js'
import { loginIdOf, NO_USER, userInPath } from './user-access.js'

export function mountLogout(app: App, base: MockState): void {
  const { logout, tokenTag } = base.profile
  if (logout === undefined) return
  if (logout.params !== undefined) return mountRevoke(app, base, { ...logout, params: logout.params })
  const success =
    logout.objectBody !== undefined
      ? json(z.object({}).openapi('EmptySuccessResponse'), 'Logged out; the access and refresh tokens are expired.', logout.objectBody)
      : logout.message === undefined
        ? { description: 'Logged out.' }
        : json(z.string(), `Logged out; the body is the JSON string "${logout.message}".`, logout.message)
  const route = createRoute({
    method: logout.method === 'DELETE' ? 'delete' : 'post',
    path: logout.path,
    operationId: 'logout',
    tags: [tokenTag],
    summary: 'Log out: the access token and its refresh token stop working',
    security: bearerSecurity(base.profile),
    ...(logout.scope === 'user' && { request: { params: UserUidParam, query: LoginIdQuery } }),
    responses: {
      [logout.status]: success,
      ...antiforgeryResponses(base),
      401: errorResponse(base, 'missing-token', UNAUTHORIZED_TEXT),
      ...(logout.scope === 'user' && {
        403: errorResponse(base, 'forbidden', 'The user is not the caller, and the caller may not act for others.'),
        404: errorResponse(base, 'not-found', NO_USER),
      }),
    },
  })
  mount(app, route, bearerAuth(), (c) => {
    const state = c.get('state')
    if (logout.scope === 'user') {
      const account = userInPath(state, c.get('caller'), c.req.param('userUid'))
      loginIdOf(c.req.query('userLoginId'), 'userLoginId')
      // Every session of the user ends (assumption vspc-revoke-scope); API keys are logins and stay (A-SP7).
      if (state.quirks.has('revoke-ends-only-own-session')) state.store.revokeSession(c.get('caller').session)
      else if (!state.quirks.has('logout-keeps-token')) revokeAllOf(state, account.id)
    } else if (!state.quirks.has('logout-keeps-token')) endSession(state, c.get('caller').session)
    const status = state.quirks.has('logout-returns-200') ? 200 : state.quirks.has('logout-returns-204') ? 204 : logout.status
    if (status === 204) return c.body(null, 204)
    if (logout.objectBody !== undefined) return c.json(logout.objectBody, status as 200)
    return logout.message === undefined ? c.body(null, status as 204) : c.json(logout.message, status as 200)
  })
}

const UserUidParam = z.object({
  userUid: z.string().openapi({ param: { name: 'userUid', in: 'path' }, format: 'uuid', description: 'UID assigned to a user.' }),
})
const LoginIdQuery = z.object({
  userLoginId: z.string().optional().openapi({ param: { name: 'userLoginId', in: 'query' }, description: 'User identity ID (int64).' }),
})

/** Ends every live session of the account (its clients' too): a scan, as revoking is rare. */
function revokeAllOf(state: MockState, accountId: string): void {
  const now = state.clock.now()
  for (const session of state.store.sessions(now)) {
    const { principal } = session
    const owner = principal.kind === 'user' ? principal.accountId : state.store.getClient(principal.clientId)?.ownerId
    if (owner === accountId) state.store.revokeSession(session)
  }
}
