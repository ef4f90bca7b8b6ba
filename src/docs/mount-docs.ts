/** @module Serves the OpenAPI document (built on first request, again after the stubs change) and Swagger UI. */
import type { MockState } from '../engine/mock-state.js'
import type { Profile } from '../profiles/profile.js'
import type { App, Handler } from '../routes/env.js'
import type { StubRegistry } from '../stubs/stub-registry.js'
import { prefixOf } from '../tenants/tenant-path.js'
import { openApiDocument, type DocumentOptions } from './openapi-document.js'
import { mountSwaggerUi } from './swagger-ui.js'

export const OPENAPI_PATH = '/openapi.json'

/** Where the profile's clients look for the document (VBR: /swagger/v1.1-rev0/swagger.json per accepted revision). */
export function documentPaths(profile: Profile): string[] {
  const revisions = profile.apiVersion?.accepted ?? []
  return (profile.discovery?.documentPaths ?? []).flatMap((path) =>
    path.includes('{revision}') ? revisions.map((revision) => path.replace('{revision}', revision)) : [path],
  )
}

interface Built {
  stubsVersion: number
  base: string
  text: string
}

/**
 * The document is built on first request and again after the tenant's stubs change. Under a tenant's path prefix it
 * names that prefix as its server and its control path, so Swagger UI's "Try it out" stays in the tenant.
 */
export function mountDocs(app: App, state: MockState, options: DocumentOptions): void {
  const built = new WeakMap<StubRegistry, Built>()
  const serve: Handler = (c) => {
    const { stubs } = c.get('tenant')
    const base = prefixOf(c.req.raw)
    let document = built.get(stubs)
    if (document === undefined || document.stubsVersion !== stubs.version || document.base !== base) {
      const tenantOptions = { ...options, stubs, ...(base !== '' && { serverUrl: base }), ...(options.controlPath !== undefined && { controlPath: `${base}${options.controlPath}` }) }
      document = { stubsVersion: stubs.version, base, text: JSON.stringify(openApiDocument(app, state, tenantOptions)) }
      built.set(stubs, document)
    }
    return c.body(document.text, 200, { 'Content-Type': 'application/json; charset=utf-8' })
  }
  for (const path of [OPENAPI_PATH, ...documentPaths(state.profile)]) app.get(path, serve)
  mountSwaggerUi(app, state.profile)
  app.get('/', (c) => c.redirect(`${prefixOf(c.req.raw)}/swagger`))
}
