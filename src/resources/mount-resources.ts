/** @module The profile's resources clients read right after login (VBR: serverInfo, serverTime), each answered by its kind's module. */
import { createRoute } from '@hono/zod-openapi'
import type { MockState } from '../engine/mock-state.js'
import { bearerAuth } from '../oauth/bearer.js'
import { forbidden } from '../oauth/errors.js'
import type { ServerResource } from '../profiles/profile.js'
import { antiforgeryResponses, errorResponse } from '../routes/error-responses.js'
import { bearerSecurity } from '../routes/schemas.js'
import { mount, type App, type Handler } from '../routes/env.js'
import type { Caller } from '../routes/env.js'
import { currentUser } from './current-user.js'
import { serverTime } from './server-time.js'

/** The body of a resource at this moment: fixed data, the mock's clock, or the caller (undefined on public resources). */
function bodyOf(resource: ServerResource): (state: MockState, caller: Caller | undefined) => unknown {
  switch (resource.kind) {
    case 'static':
      return () => resource.body
    case 'server-time':
      return (state) => serverTime(state.clock.now(), resource)
    case 'current-user':
      return (state, caller) => currentUser(state, resource, caller!.account)
  }
}

/** What the resource answers: its data, a reading of the clock at a fixed moment, or the first account's record. */
function exampleOf(state: MockState, resource: ServerResource): unknown {
  switch (resource.kind) {
    case 'static':
      return resource.body
    case 'server-time':
      return serverTime(Date.UTC(2026, 0, 1, 9, 30), resource)
    case 'current-user': {
      const first = state.store.accounts()[0]
      return first === undefined ? undefined : currentUser(state, resource, first)
    }
  }
}

export function mountResources(app: App, state: MockState): void {
  const { profile } = state
  for (const resource of profile.resources ?? []) {
    app.openAPIRegistry.registerComponent('schemas', resource.schema.name, resource.schema.definition)
    const route = createRoute({
      method: 'get',
      path: resource.path,
      operationId: resource.operationId,
      tags: [resource.tag],
      summary: resource.summary,
      ...(resource.public === true ? { security: [] } : { security: bearerSecurity(profile) }),
      responses: {
        200: {
          description: 'OK',
          content: { 'application/json': { schema: { $ref: `#/components/schemas/${resource.schema.name}` }, example: exampleOf(state, resource) } },
        },
        ...(resource.public === true ? {} : antiforgeryResponses(state)),
        ...(resource.public === true ? {} : { 401: errorResponse(state, 'missing-token', 'The access token is missing, expired or revoked.') }),
        ...(resource.roles === undefined ? {} : { 403: errorResponse(state, 'forbidden', `Only ${resource.roles.join(', ')} may read this.`) }),
      },
    })
    const body = bodyOf(resource)
    const answer: Handler = (c) => {
      const roles = resource.roles
      if (roles !== undefined && !roles.includes(c.get('caller').account.role)) throw forbidden(`Only ${roles.join(', ')} may read this.`)
      return c.json(body(c.get('state'), c.get('caller')), 200)
    }
    if (resource.public === true) mount(app, route, (c) => c.json(body(c.get('state'), undefined), 200))
    else mount(app, route, bearerAuth(), answer)
  }
}
