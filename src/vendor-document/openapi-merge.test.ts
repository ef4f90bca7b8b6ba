import SwaggerParser from '@apidevtools/swagger-parser'
import { describe, expect, it } from 'vitest'
import { jobsDocument, swagger2Document } from '../../test/support/vendor-documents.js'
import { vbrLikeDocument } from '../../test/support/vbr-like-document.js'
import { createMock } from '../create-mock.js'

async function served(options: Parameters<typeof createMock>[0]) {
  const { app } = createMock(options)
  return (await (await app.request('/openapi.json')).json()) as Record<string, any>
}

describe('the served /openapi.json with vendor documents', () => {
  it.each([
    ['a 3.0 document (vro-7.1)', { profile: 'vro-7.1', openapi: [jobsDocument()] }],
    ['a converted Swagger 2.0 document (vac-2)', { profile: 'vac-2', openapi: [swagger2Document()] }],
    ['the VBR-like document (vro-7.1)', { profile: 'vro-7.1', openapi: [vbrLikeDocument()] }],
  ])('stays a valid OpenAPI 3.1 document with %s: every $ref resolves, so Swagger UI renders it', async (_name, options) => {
    const document = await served(options as Parameters<typeof createMock>[0])
    await expect(SwaggerParser.validate(structuredClone(document) as never)).resolves.toMatchObject({ openapi: '3.1.0' })
  }, 30_000)

  it('keeps the path-level parameters (x-api-version) and the vendor tags; a stub replaces the operation it shadows', async () => {
    const document = await served({ profile: 'vro-7.1', openapi: [jobsDocument()], stubs: [{ method: 'GET', path: '/api/v1/serverInfo', status: 200, body: {} }] })
    expect(document.paths['/api/v1/jobs'].parameters).toEqual([{ $ref: '#/components/parameters/apiVersion' }])
    expect(document.components.parameters.apiVersion.name).toBe('x-api-version')
    expect(document.paths['/api/v1/serverInfo'].get.tags).toEqual(['Stubs'])
    expect(document.components.securitySchemes.Bearer).toBeUndefined()
  })
})
