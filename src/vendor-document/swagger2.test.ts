import { describe, expect, it } from 'vitest'
import { swagger2Document } from '../../test/support/vendor-documents.js'
import { checkDocument } from './check-document.js'
import { operationsOf } from './operations.js'
import { swagger2ToOpenApi30 } from './swagger2.js'

describe('swagger2ToOpenApi30', () => {
  const converted = swagger2ToOpenApi30(swagger2Document()) as Record<string, any>

  it('keeps the base path as the server, moves definitions and their $refs to components', () => {
    expect(converted.openapi).toBe('3.0.3')
    expect(converted.servers).toEqual([{ url: '/v2' }])
    expect(converted.components.schemas.Tenant.properties.site).toEqual({ type: 'string', nullable: true })
    expect(converted.paths['/tenants/{id}'].get.responses[200].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Tenant' })
    expect(JSON.stringify(converted)).not.toContain('#/definitions/')
  })

  it('turns typed parameters into schemas and the body parameter into a requestBody', () => {
    expect(converted.paths['/tenants/{id}'].get.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'integer', format: 'int32' } }])
    expect(converted.paths['/tenants'].post.requestBody).toEqual({ required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/TenantSpec' } } } })
    expect(converted.paths['/tenants'].post.parameters).toBeUndefined()
  })

  it('keeps response examples per media type, and the security schemes', () => {
    expect(converted.paths['/tenants'].post.responses[201].content['application/json'].example).toEqual({ id: 7, name: 'Tenant 7' })
    expect(converted.components.securitySchemes.api_key).toEqual({ type: 'apiKey', name: 'Authorization', in: 'header' })
  })

  it('formData parameters become a form body', () => {
    const form = swagger2ToOpenApi30({
      swagger: '2.0',
      info: { title: 't', version: '1' },
      paths: { '/upload': { post: { consumes: ['application/x-www-form-urlencoded'], parameters: [{ name: 'a', in: 'formData', type: 'string', required: true }], responses: { 200: { description: 'ok' } } } } },
    }) as Record<string, any>
    expect(form.paths['/upload'].post.requestBody).toEqual({
      content: { 'application/x-www-form-urlencoded': { schema: { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] } } },
    })
  })

  it('a checked Swagger 2.0 document mounts its operations under the base path, dialect 3.0', () => {
    const checked = checkDocument(swagger2Document(), 'legacy.json')
    expect([checked.dialect, checked.declared]).toEqual(['3.0', '2.0'])
    expect(operationsOf(checked).map((o) => `${o.method} ${o.path} ${o.operationId}`)).toEqual(['GET /v2/alarms Alarms_Get', 'GET /v2/tenants/{id} Tenants_Get', 'POST /v2/tenants Tenants_Post'])
  })
})

describe('swagger2ToOpenApi30 with shared parameters', () => {
  it('inlines a shared body parameter as the requestBody and keeps a shared query parameter as a $ref', () => {
    const converted = swagger2ToOpenApi30({
      swagger: '2.0',
      info: { title: 't', version: '1' },
      parameters: { spec: { name: 'spec', in: 'body', required: true, schema: { $ref: '#/definitions/Spec' } }, top: { name: 'top', in: 'query', type: 'integer' } },
      definitions: { Spec: { type: 'object' } },
      paths: { '/a': { post: { parameters: [{ $ref: '#/parameters/spec' }, { $ref: '#/parameters/top' }], responses: { 200: { description: 'ok' } } } } },
    }) as Record<string, any>
    expect(converted.paths['/a'].post.requestBody).toEqual({ required: true, content: { 'application/json': { schema: { $ref: '#/components/schemas/Spec' } } } })
    expect(converted.paths['/a'].post.parameters).toEqual([{ $ref: '#/components/parameters/top' }])
    expect(converted.components.parameters).toEqual({ top: { name: 'top', in: 'query', schema: { type: 'integer' } } })
  })
})
