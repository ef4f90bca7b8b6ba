/** @module GET /__control/health: a liveness answer for CI, open without the control token (it reveals nothing). */
import { createRoute, z, type OpenAPIHono } from '@hono/zod-openapi'
import { CONTROL_PREFIX } from './intercept.js'

export const Health = z
  .object({
    status: z.literal('ok'),
    profile: z.string().openapi({ example: 'vro-7.1' }),
    uptimeSeconds: z.number().openapi({ example: 12.5, description: 'Real seconds since the mock was built (the virtual clock does not move it).' }),
  })
  .openapi('Health')

/** Registers the health route; call before the token check so it answers without the token. */
export function mountHealth(app: OpenAPIHono, tag: string, profile: string): void {
  const started = performance.now()
  const route = createRoute({
    tags: [tag],
    // Open on purpose: a readiness probe should not need a secret, and the answer holds none.
    security: [],
    method: 'get',
    path: `${CONTROL_PREFIX}/health`,
    operationId: 'health',
    summary: 'Liveness: 200 once serving; needs no control token',
    responses: { 200: { description: 'Serving.', content: { 'application/json': { schema: Health } } } },
  })
  app.openAPIRegistry.registerPath(route)
  app.get(route.path, (c) => c.json({ status: 'ok', profile, uptimeSeconds: Math.round(performance.now() - started) / 1000 }))
}
