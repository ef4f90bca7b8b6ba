/**
 * @module Serves the vendor documents' operations behind the profile's bearer check, as one middleware after
 * the stubs and before the fallback: the token endpoint and the other routes never pay for it.
 */
import type { Profile } from '../profiles/profile.js'
import { bearerAuth } from '../oauth/bearer.js'
import { OAuthError, ResourceError } from '../oauth/errors.js'
import type { App } from '../routes/env.js'
import { readLimitedBody } from '../routes/read-body.js'
import { requestHeader } from '../routes/request-header.js'
import type { DocumentRoutes } from './document-routes.js'
import { parsePrefer } from './prefer.js'
import type { ServedRequest } from './served-operation.js'

/** Request bodies of vendor operations are specs of jobs and repositories: small. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024

function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim()
  }
  return undefined
}

/** The profile's own route shapes (`METHOD /path/{}`), from the OpenAPI registry: a profile route beats a document's. */
export function profileRoutes(app: App): (method: string, shape: string) => boolean {
  const taken = new Set<string>()
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type === 'route') taken.add(`${d.route.method.toUpperCase()} ${d.route.path.replace(/\{[^}]*\}/g, '{}')}`)
  }
  return (method, shape) => taken.has(`${method} ${shape}`)
}

/** The body as text; a too large or unreadable one is a resource error (the profile's model), not an OAuth one. */
async function readBody(request: Request, env: unknown): Promise<string> {
  try {
    return (await readLimitedBody(request, env, MAX_REQUEST_BODY_BYTES)).toString('utf8')
  } catch (error) {
    if (error instanceof OAuthError) throw new ResourceError(error.status === 413 ? 413 : 400, error.description, error.headers)
    throw error
  }
}

export function mountDocuments(app: App, profile: Profile, routes: DocumentRoutes): void {
  routes.mount(profile, profileRoutes(app))
  if (routes.size === 0) return
  const auth = bearerAuth()
  app.use(async function documentOperations(c, next) {
    // Hono answers HEAD with the GET handler (and drops the body); so does a GET operation.
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method
    const found = routes.match(method, c.req.path)
    if (found === undefined) {
      const allowed = routes.methodsAt(c.req.path)
      if (allowed.length === 0) return next()
      const allow = allowed.join(', ')
      throw new ResourceError(405, `Method ${c.req.method} is not allowed here; use ${allow}.`, { Allow: allow })
    }
    const operation = found.item
    // Throws the profile's own 401 for a missing, unknown, expired, revoked or logged-out token.
    if (operation.op.secured) await auth(c, async () => {})
    const request: ServedRequest = {
      params: found.params,
      query: c.req.queries(),
      header: (name) => requestHeader(c.req.raw, c.env, name.toLowerCase()),
      cookie: (name) => cookieOf(requestHeader(c.req.raw, c.env, 'cookie'), name),
      prefer: parsePrefer(requestHeader(c.req.raw, c.env, 'prefer')),
      contentType: requestHeader(c.req.raw, c.env, 'content-type'),
      body: () => readBody(c.req.raw, c.env),
    }
    const answer = await operation.answer(request)
    return new Response(answer.body, { status: answer.status, headers: answer.contentType === undefined ? {} : { 'Content-Type': answer.contentType } })
  })
}
