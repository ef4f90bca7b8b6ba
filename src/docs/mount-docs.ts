/** @module Serves the OpenAPI document (built on first request, again after the stubs change) and Swagger UI. */
import type { MockState } from '../engine/mock-state.js'
import type { Profile } from '../profiles/profile.js'
import type { App, Handler } from '../routes/env.js'
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

export function mountDocs(app: App, state: MockState, options: DocumentOptions): void {
  let document: string | undefined
  let stubsVersion = options.stubs?.version
  const serve: Handler = (c) => {
    if (options.stubs !== undefined && options.stubs.version !== stubsVersion) {
      stubsVersion = options.stubs.version
      document = undefined
    }
    document ??= JSON.stringify(openApiDocument(app, state, options))
    return c.body(document, 200, { 'Content-Type': 'application/json; charset=utf-8' })
  }
  for (const path of [OPENAPI_PATH, ...documentPaths(state.profile)]) app.get(path, serve)
  mountSwaggerUi(app, state.profile)
  app.get('/', (c) => c.redirect('/swagger'))
}
