import SwaggerParser from '@apidevtools/swagger-parser'
import type { OpenAPIV3_1 } from 'openapi-types'
import { describe, expect, it } from 'vitest'
import { createMock } from '../create-mock.js'

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

describe('mountStubs', () => {
  it('never matches stubs for a request a route answers (the token endpoint, Clients, the docs)', async () => {
    const { app, stubs } = createMock({ stubs: [{ method: 'GET', path: '/api/v7.1/Plans' }] })
    let matches = 0
    const match = stubs.match.bind(stubs)
    stubs.match = (method, path) => (matches++, match(method, path))
    const login = await app.request('/api/token', { method: 'POST', headers: FORM, body: 'username=vdro%5Cadministrator&password=Password1' })
    expect(login.status).toBe(200)
    const { access_token } = (await login.json()) as { access_token: string }
    expect((await app.request('/api/v7.1/Clients', { headers: { authorization: `Bearer ${access_token}` } })).status).toBe(200)
    expect((await app.request('/openapi.json')).status).toBe(200)
    expect(matches).toBe(0)
    expect((await app.request('/api/v7.1/Plans', { headers: { authorization: `Bearer ${access_token}` } })).status).toBe(200)
    expect(matches).toBe(1)
  })

  it('serves a valid OpenAPI 3.1 document with every kind of stub, rebuilt after a runtime change', async () => {
    const { app, stubs } = createMock({
      stubs: [
        { method: 'GET', path: '/api/v7.1/Plans/{id}/Steps/{step}', body: { a: 1 } },
        { method: 'POST', path: '/api/v7.1/Plans/{id}', status: 204, as: 'user' },
        { method: 'GET', path: '/api/v7.1/Text', body: 'plain', as: 'client' },
      ],
    })
    const first = (await (await app.request('/openapi.json')).json()) as OpenAPIV3_1.Document
    await expect(SwaggerParser.validate(structuredClone(first))).resolves.toMatchObject({ openapi: '3.1.0' })
    expect(first.paths?.['/api/v7.1/Plans/{id}']?.post?.responses).toHaveProperty('403')
    expect(first.paths?.['/api/v7.1/Text']?.get?.responses?.['200']).toMatchObject({ content: { 'text/plain': { example: 'plain' } } })
    stubs.add({ method: 'GET', path: '/api/v7.1/Plans/{id}', body: {} })
    const second = (await (await app.request('/openapi.json')).json()) as OpenAPIV3_1.Document
    expect(Object.keys(second.paths?.['/api/v7.1/Plans/{id}'] ?? {}).sort()).toEqual(['get', 'post'])
    await expect(SwaggerParser.validate(structuredClone(second))).resolves.toMatchObject({ openapi: '3.1.0' })
  })

  it('leaves the document of a profile without stubs as it was: no Stubs tag', async () => {
    const { app } = createMock({ profile: 'vro-7.1' })
    const document = (await (await app.request('/openapi.json')).json()) as OpenAPIV3_1.Document
    expect(document.tags?.map((t) => t.name)).toEqual(['Token', 'Clients'])
  })
})
