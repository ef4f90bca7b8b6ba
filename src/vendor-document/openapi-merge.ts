/**
 * @module The served OpenAPI document with the vendor documents' operations beside the profile's: their paths
 * (base path included, as served), components and tags, and the profile's bearer security so Swagger UI applies
 * the token it obtained.
 */
import type { OpenAPIV3_1 } from 'openapi-types'
import type { Profile } from '../profiles/profile.js'
import { bearerSecurity } from '../routes/schemas.js'
import type { DocumentRoutes } from './document-routes.js'

type Json = Record<string, unknown>
type Document = OpenAPIV3_1.Document

/** Component kinds copied over; security schemes are the mock's own (its token, not the vendor's server). */
const COMPONENT_KINDS = ['schemas', 'responses', 'parameters', 'examples', 'requestBodies', 'headers', 'links', 'callbacks']

/** An operation that answers 501, shown as such: its broken parts left out, so the page still renders. */
function unservable(operation: Json, problem: string): Json {
  const { operationId, summary, tags } = operation
  return {
    ...(operationId === undefined ? {} : { operationId }),
    ...(summary === undefined ? {} : { summary }),
    ...(tags === undefined ? {} : { tags }),
    description: `veeam-auth-mock cannot serve this operation: ${problem}.`,
    responses: { 501: { description: 'Not served by the mock (see the description).' } },
  }
}

/** A copy of `document` with the served operations added; the profile's own components keep their names. */
export function withDocuments(document: Document, routes: DocumentRoutes | undefined, profile: Profile): Document {
  if (routes === undefined || routes.size === 0) return document
  const paths: Json = { ...document.paths }
  const security = bearerSecurity(profile)
  for (const { op, problem } of routes.served) {
    const item = (paths[op.path] as Json | undefined) ?? {}
    const shared = problem === undefined ? ((op.document.root.paths as Json)[op.documentPath] as Json).parameters : undefined
    const operation: Json = problem === undefined ? { ...op.operation, security: op.secured ? security : [] } : unservable(op.operation, problem)
    paths[op.path] = { ...item, ...(shared === undefined ? {} : { parameters: shared }), [op.method.toLowerCase()]: operation }
  }
  const components: Json = { ...(document.components as Json | undefined) }
  const tags = [...(document.tags ?? [])]
  for (const { checked } of routes.runtimes) {
    const theirs = (checked.root.components ?? {}) as Json
    for (const kind of COMPONENT_KINDS) {
      const entries = theirs[kind] as Json | undefined
      if (entries === undefined) continue
      components[kind] = { ...entries, ...(components[kind] as Json | undefined) }
    }
    for (const tag of (checked.root.tags ?? []) as OpenAPIV3_1.TagObject[]) if (!tags.some((t) => t.name === tag.name)) tags.push(tag)
  }
  return { ...document, paths: paths as OpenAPIV3_1.PathsObject, components, tags }
}
