/** @module Serves the OpenAPI document (built on first request, again after the stubs change) and Swagger UI. */
import type { MockState } from '../engine/mock-state.js'
import type { App } from '../routes/env.js'
import { openApiDocument, type DocumentOptions } from './openapi-document.js'
import { mountSwaggerUi } from './swagger-ui.js'

export const OPENAPI_PATH = '/openapi.json'

export function mountDocs(app: App, state: MockState, options: DocumentOptions): void {
  let document: string | undefined
  let stubsVersion = options.stubs?.version
  app.get(OPENAPI_PATH, (c) => {
    if (options.stubs !== undefined && options.stubs.version !== stubsVersion) {
      stubsVersion = options.stubs.version
      document = undefined
    }
    document ??= JSON.stringify(openApiDocument(app, state, options))
    return c.body(document, 200, { 'Content-Type': 'application/json; charset=utf-8' })
  })
  mountSwaggerUi(app, state.profile)
  app.get('/', (c) => c.redirect('/swagger'))
}
