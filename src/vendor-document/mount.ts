/**
 * @module Serves the vendor documents' operations behind the profile's bearer check, as one middleware after
 * the stubs and before the fallback: the token endpoint and the other routes never pay for it.
 */
import type { Profile } from '../profiles/profile.js'
import { bearerAuth } from '../oauth/bearer.js'
import { ResourceError } from '../oauth/errors.js'
import type { App } from '../routes/env.js'
import { DocumentRequest } from './document-request.js'
import type { DocumentRoutes } from './document-routes.js'
import type { Answer } from './served-operation.js'

/** The profile's own route shapes (`METHOD /path/{}`), from the OpenAPI registry: a profile route beats a document's. */
export function profileRoutes(app: App): (method: string, shape: string) => boolean {
  const taken = new Set<string>()
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type === 'route') taken.add(`${d.route.method.toUpperCase()} ${d.route.path.replace(/\{[^}]*\}/g, '{}')}`)
  }
  return (method, shape) => taken.has(`${method} ${shape}`)
}

/** The bearer check's `next`: the operation answers after it, not inside it. */
const authorized = async () => {}

const NO_HEADERS = {}
/** Response headers per content type, built once: the types come from the documents, so there are few. */
const headersByType = new Map<string, Record<string, string>>()
const headersOf = (answer: Answer) => {
  if (answer.contentType === undefined) return NO_HEADERS
  let headers = headersByType.get(answer.contentType)
  if (headers === undefined) headersByType.set(answer.contentType, (headers = { 'Content-Type': answer.contentType }))
  return headers
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
    if (operation.op.secured) await auth(c, authorized)
    const answered = operation.answer(new DocumentRequest(c, found.params))
    // A GET answers synchronously: no await, no extra turn of the event loop.
    const answer = answered instanceof Promise ? await answered : answered
    return new Response(answer.body, { status: answer.status, headers: headersOf(answer) })
  })
}
