/** @module Stubs in the served OpenAPI document: their own tag, the bearer security, so Swagger UI can call them. */
import type { OpenAPIV3_1 } from 'openapi-types'
import type { Profile } from '../profiles/profile.js'
import { UNAUTHORIZED_TEXT } from '../oauth/errors.js'
import { bearerSecurity } from '../routes/schemas.js'
import { stubRefusal } from './mount-stubs.js'
import { compileTemplate } from './stub-paths.js'
import type { StubView } from './stub-registry.js'

export const STUBS_TAG = 'Stubs'

type Document = OpenAPIV3_1.Document

const errorBody = (document: Document): OpenAPIV3_1.SchemaObject | OpenAPIV3_1.ReferenceObject =>
  document.components?.schemas?.ResourceError === undefined
    ? { type: 'object', properties: { message: { type: 'string' } }, required: ['message'] }
    : { $ref: '#/components/schemas/ResourceError' }

function successResponse(stub: StubView): OpenAPIV3_1.ResponseObject {
  const description = `The stub's response (${stub.origin === 'runtime' ? 'added at runtime' : 'configured at start'}).`
  if (stub.body === undefined) return { description }
  const json = typeof stub.body !== 'string'
  return { description, content: { [json ? 'application/json' : 'text/plain']: { example: stub.body } } }
}

function operation(document: Document, stub: StubView, profile: Profile): OpenAPIV3_1.OperationObject {
  const error = (description: string, message: string) => ({ description, content: { 'application/json': { schema: errorBody(document), example: { message } } } })
  const responses: OpenAPIV3_1.ResponsesObject = {
    [String(stub.status)]: successResponse(stub),
    401: error(UNAUTHORIZED_TEXT, UNAUTHORIZED_TEXT),
  }
  if (stub.as !== undefined) {
    responses[403] = error(`The caller is not a ${stub.as} account.`, stubRefusal(stub.as, stub.as === 'user' ? 'client' : 'user'))
  }
  const who = stub.as === undefined ? 'any valid access token' : `a ${stub.as} account's access token only`
  const { params } = compileTemplate(stub.path)
  return {
    tags: [STUBS_TAG],
    summary: stub.summary ?? `Stub: ${stub.method} ${stub.path}`,
    description: `A stub of veeam-auth-mock, not a vendor operation: answers ${who}.`,
    ...(params.length === 0
      ? {}
      : { parameters: params.map((name) => ({ name, in: 'path', required: true, schema: { type: 'string' } })) }),
    security: bearerSecurity(profile),
    responses,
  }
}

/** A copy of `document` with the served stubs (StubRegistry.served()) added; the same document when there are none. */
export function withStubs(document: Document, stubs: readonly StubView[], profile: Profile): Document {
  if (stubs.length === 0) return document
  const paths: OpenAPIV3_1.PathsObject = { ...document.paths }
  for (const stub of stubs) {
    const method = stub.method.toLowerCase() as OpenAPIV3_1.HttpMethods
    paths[stub.path] = { ...paths[stub.path], [method]: operation(document, stub, profile) }
  }
  const tag = { name: STUBS_TAG, description: 'Stub resources behind the bearer token (not vendor operations).' }
  const tags = [...(document.tags ?? []), tag]
  return { ...document, tags, paths }
}
