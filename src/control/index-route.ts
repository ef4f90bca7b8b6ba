/** @module GET /__control: an index of the control API (what the banner links to), built from its own OpenAPI document. */
import { createRoute, z, type OpenAPIHono, type RouteConfig } from '@hono/zod-openapi'
import type { Context } from 'hono'
import { CONTROL_PREFIX } from './intercept.js'
import { prefixOf } from '../tenants/tenant-path.js'

const Endpoint = z.object({
  method: z.string().openapi({ example: 'GET' }),
  path: z.string().openapi({ example: '/__control/clock' }),
  href: z.string().openapi({ example: 'http://127.0.0.1:9898/__control/clock', description: 'The path on this server; {braces} are parameters.' }),
  operationId: z.string().openapi({ example: 'getClock' }),
  summary: z.string(),
})

export const ControlIndex = z
  .object({
    title: z.string(),
    description: z.string(),
    links: z.object({
      openapi: z.string().openapi({ example: 'http://127.0.0.1:9898/__control/openapi.json' }),
      health: z.string().openapi({ example: 'http://127.0.0.1:9898/__control/health' }),
    }),
    endpoints: Endpoint.array(),
  })
  .openapi('ControlIndex')

interface Document {
  info: { title: string; description?: string }
  paths?: Record<string, Record<string, { operationId?: string; summary?: string }> | undefined>
}

/** Registers GET /__control and GET /__control/ (after the token check, like every other operation). */
export function mountIndex(app: OpenAPIHono, base: Partial<RouteConfig>, document: () => object): void {
  const route = createRoute({
    ...base,
    method: 'get',
    path: CONTROL_PREFIX,
    operationId: 'controlIndex',
    summary: 'This index: every control operation with a link, and the link to the OpenAPI document',
    responses: { 200: { description: 'The index.', content: { 'application/json': { schema: ControlIndex } } } },
  })
  app.openAPIRegistry.registerPath(route)
  let endpoints: Omit<z.infer<typeof Endpoint>, 'href'>[] | undefined
  const handler = (c: Context) => {
    const doc = document() as Document
    // The document is fixed once the app is built: list it once.
    endpoints ??= Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
      Object.entries(item ?? {}).map(([method, op]) => ({ method: method.toUpperCase(), path, operationId: op.operationId ?? '', summary: op.summary ?? '' })),
    )
    // Under a tenant's prefix, the links stay in that tenant.
    const base = prefixOf(c.req.raw)
    const link = (path: string) => new URL(`${base}${path}`, c.req.url).toString().replace(/%7B/g, '{').replace(/%7D/g, '}')
    return c.json({
      title: doc.info.title,
      description: doc.info.description ?? '',
      links: { openapi: link(`${CONTROL_PREFIX}/openapi.json`), health: link(`${CONTROL_PREFIX}/health`) },
      endpoints: endpoints.map((e) => ({ ...e, href: link(e.path) })),
    })
  }
  app.get(CONTROL_PREFIX, handler)
  app.get(`${CONTROL_PREFIX}/`, handler)
}
