import SwaggerParser from '@apidevtools/swagger-parser'
import { describe, expect, it } from 'vitest'
import { generate, validatorsFor } from '../../src/vendor-document/generate/generate.js'
import { vbrLikeDocument } from './vbr-like-document.js'

type Json = Record<string, any>
const methods = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options']

function operations(doc: Json): [string, string, Json][] {
  return Object.entries<Json>(doc.paths).flatMap(([path, item]) =>
    Object.entries<Json>(item).filter(([m]) => methods.includes(m)).map(([m, op]) => [path, m, op] as [string, string, Json]),
  )
}

describe('vbrLikeDocument', () => {
  const doc = vbrLikeDocument() as Json

  it('is a valid OpenAPI 3.0 document (swagger-parser)', async () => {
    await expect(SwaggerParser.validate(structuredClone(doc) as never)).resolves.toBeDefined()
    expect(doc.openapi).toMatch(/^3\.0\./)
  }, 60_000)

  it('has 500 operations and at least 3.5 MB of JSON by default, and honours the operations option', () => {
    expect(operations(doc)).toHaveLength(500)
    expect(JSON.stringify(doc).length).toBeGreaterThanOrEqual(3.5e6)
    expect(operations(vbrLikeDocument({ operations: 40 }) as Json)).toHaveLength(40)
  })

  it('is deterministic', () => {
    expect(JSON.stringify(vbrLikeDocument())).toBe(JSON.stringify(doc))
  })

  it('has VBR\'s shape: envelopes with skip/limit, discriminators, x-api-version, security [] on the token', () => {
    const list = doc.paths['/api/v1/jobs'].get
    expect(list.parameters.map((p: Json) => p.name ?? p.$ref)).toEqual(expect.arrayContaining(['skip', 'limit', '#/components/parameters/apiVersionParam']))
    expect(doc.components.schemas.JobsResult.required).toEqual(['data', 'pagination'])
    expect(doc.components.schemas.JobModel.discriminator.propertyName).toBe('type')
    expect(doc.components.schemas.StandardJobModel.allOf[0]).toEqual({ $ref: '#/components/schemas/JobModel' })
    expect(doc.components.parameters.apiVersionParam).toMatchObject({ name: 'x-api-version', in: 'header' })
    expect(doc.paths['/api/oauth2/token'].post.security).toEqual([])
    expect(doc.security).toEqual([{ Bearer: [] }])
  })

  it('generates a body that validates for every 2xx JSON response', () => {
    const validators = validatorsFor(doc, '3.0')
    let checked = 0
    const failures: string[] = []
    for (const [path, method, op] of operations(doc)) {
      for (const [status, response] of Object.entries<Json>(op.responses)) {
        const schema = response.content?.['application/json']?.schema
        if (!status.startsWith('2') || !schema) continue
        const body = generate(schema, { root: doc, dialect: '3.0', seed: 'vbr-like', key: `${method.toUpperCase()} ${path} ${status}` })
        const issues = validators.validate(schema, body, 'response')
        if (issues.length > 0) failures.push(`${method} ${path}: ${JSON.stringify(issues[0])}`)
        checked++
      }
    }
    expect(failures).toEqual([])
    expect(checked).toBeGreaterThan(400)
  }, 120_000)
})
