/** @module What answers when no route does: 405 with Allow for a known path, else 404, always JSON. */
import type { MockState } from '../engine/mock-state.js'
import type { App } from './env.js'
import { ResourceError } from '../oauth/errors.js'
import { renderError } from './render-error.js'

/** Methods per path, from the routes declared in the OpenAPI registry (all our paths are static). */
function allowedMethods(app: App): Map<string, string[]> {
  const allowed = new Map<string, string[]>()
  for (const definition of app.openAPIRegistry.definitions) {
    if (definition.type !== 'route') continue
    const { path, method } = definition.route
    allowed.set(path, [...(allowed.get(path) ?? []), method.toUpperCase()])
  }
  return allowed
}

export function mountFallback(app: App, state: MockState): void {
  let allowed: Map<string, string[]> | undefined
  app.notFound((c) => {
    allowed ??= allowedMethods(app)
    const methods = allowed.get(c.req.path)
    if (methods !== undefined) {
      const allow = methods.join(', ')
      return renderError(c, state, new ResourceError(405, `Method ${c.req.method} is not allowed here; use ${allow}.`, { Allow: allow }))
    }
    return renderError(c, state, new ResourceError(404, `No resource at ${c.req.path}.`))
  })
}
