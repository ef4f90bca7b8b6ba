/** @module POST <authorizationCode.path>: a short-lived, single-use code for the bearer's principal (VBR through 1.2). */
import { createRoute, z } from '@hono/zod-openapi'
import type { MockState } from '../engine/mock-state.js'
import { bearerAuth } from '../oauth/bearer.js'
import { UNAUTHORIZED_TEXT } from '../oauth/errors.js'
import { mount, type App } from './env.js'
import { antiforgeryResponses, errorResponse } from './error-responses.js'
import { bearerSecurity, json } from './schemas.js'

export function mountAuthorizationCode(app: App, base: MockState): void {
  const { authorizationCode, tokenTag } = base.profile
  if (authorizationCode === undefined) return
  const lifetimeMs = authorizationCode.lifetimeSeconds * 1000
  const field = authorizationCode.field ?? 'code'
  const described = z.string().openapi({ description: `Lifetime of the authorization code is ${authorizationCode.lifetimeSeconds} seconds.` })
  const route = createRoute({
    method: 'post',
    path: authorizationCode.path,
    operationId: authorizationCode.operationId ?? 'CreateAuthorizationCode',
    tags: [tokenTag],
    summary: authorizationCode.summary ?? 'Get an authorization code, exchanged once at the token endpoint with grant_type=authorization_code',
    security: bearerSecurity(base.profile),
    responses: {
      200: json(z.object({ [field]: described }).openapi(authorizationCode.schemaName ?? 'AuthorizationCodeModel'), 'A code for the caller, valid once.', {
        [field]: 'AAEAAPcbxUSe0PNKAN+ilV5d4M5Fkv9ONjwRa4hfZYoemxIDA/IHbrjldYbfu1MemydXxGR4KYe5woGq09k+URepuiwUVsg3WbXC179ECOARXmfM',
      }),
      ...antiforgeryResponses(base),
      401: errorResponse(base, 'missing-token', UNAUTHORIZED_TEXT),
    },
  })
  mount(app, route, bearerAuth(), (c) => {
    const state = c.get('state')
    const code = state.codes.issue(c.get('caller').principal, state.clock.now(), lifetimeMs, state.random, state.quirks.has('authorization-code-reusable'))
    return c.json({ [field]: code }, 200)
  })
}
