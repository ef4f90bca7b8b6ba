/** @module Serves the stubs behind the same bearer check as the Clients resource, as one middleware before the fallback. */
import { bearerAuth } from '../oauth/bearer.js'
import { forbidden, ResourceError } from '../oauth/errors.js'
import type { App, Caller } from '../routes/env.js'
import type { Stub } from './stub-schema.js'

/** The 403 text; also the served document's example for it. */
export const stubRefusal = (as: string, kind: string) => `This resource answers only to a ${as} account, not to a ${kind} account.`

/** A stub with `as` refuses the other kind of caller, in the body shape of the Clients resource's 403. */
function refusal(stub: Stub, caller: Caller): ResourceError | undefined {
  const kind = caller.client === undefined ? 'user' : 'client'
  if (stub.as === undefined || stub.as === kind) return undefined
  return forbidden(stubRefusal(stub.as, kind))
}

/**
 * Mount after every route of the mock and before the fallback: a request reaches it only when no route
 * answered, so the token endpoint and the other routes never pay for stub matching.
 */
export function mountStubs(app: App, served?: (method: string, path: string) => boolean): void {
  const auth = bearerAuth()
  app.use(async function stubResources(c, next) {
    const { stubs } = c.get('tenant')
    if (stubs.size === 0) return next()
    // Hono answers HEAD with the GET handler (and drops the body); so does a GET stub.
    const method = c.req.method === 'HEAD' ? 'GET' : c.req.method
    const found = stubs.match(method, c.req.path)
    if (found === undefined) return next()
    if (found.kind === 'method-not-allowed') {
      // A vendor document's operation may answer the method the stubs lack (mounted after them).
      if (served?.(method, c.req.path) === true) return next()
      const allow = found.allow.join(', ')
      throw new ResourceError(405, `Method ${c.req.method} is not allowed here; use ${allow}.`, { Allow: allow })
    }
    // Throws the Clients resource's 401 for a missing, unknown, expired or revoked token.
    await auth(c, async () => {})
    const refused = refusal(found.stub, c.get('caller'))
    if (refused !== undefined) throw refused
    return found.respond()
  })
}
