/** @module Logout: ends the session of the presented access token (and its refresh token). */
import { createRoute, z } from '@hono/zod-openapi'
import type { MockState } from '../engine/mock-state.js'
import { bearerAuth } from '../oauth/bearer.js'
import { UNAUTHORIZED_TEXT } from '../oauth/errors.js'
import { errorResponse } from './error-responses.js'
import { bearerSecurity, json } from './schemas.js'
import { mount, type App } from './env.js'

export function mountLogout(app: App, state: MockState): void {
  const { logout, tokenTag } = state.profile
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
    security: bearerSecurity(state.profile),
    responses: { [logout.status]: success, 401: errorResponse(state, 'missing-token', UNAUTHORIZED_TEXT) },
  })
  mount(app, route, bearerAuth(state), (c) => {
    if (!state.quirks.has('logout-keeps-token')) state.store.revokeSession(c.get('caller').session)
    const status = state.quirks.has('logout-returns-200') ? 200 : logout.status
    if (logout.objectBody !== undefined) return c.json(logout.objectBody, status as 200)
    return logout.message === undefined ? c.body(null, status as 204) : c.json(logout.message, status as 200)
  })
}
