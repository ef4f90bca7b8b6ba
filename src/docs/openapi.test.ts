import SwaggerParser from '@apidevtools/swagger-parser'
import { readFileSync } from 'node:fs'
import type { OpenAPIV3_1 } from 'openapi-types'
import { describe, expect, it } from 'vitest'
import { createApp } from '../app.js'
import { PROFILES } from '../profiles/index.js'
import { specPath, specText } from './spec-files.js'

describe.each(PROFILES.map((p) => [p.id, p] as const))('spec/%s.openapi.json', (_, profile) => {
  it('matches the routes (run `npm run spec` after changing them)', () => {
    expect(readFileSync(specPath(profile), 'utf8')).toBe(specText(profile))
  })

  it('is a valid OpenAPI 3.1 document', async () => {
    const document = JSON.parse(specText(profile)) as OpenAPIV3_1.Document
    await expect(SwaggerParser.validate(document)).resolves.toMatchObject({ openapi: '3.1.0' })
  })

  it('is what the running app serves at /openapi.json', async () => {
    const res = await createApp({ profile }).request('/openapi.json')
    expect(await res.json()).toEqual(JSON.parse(specText(profile)))
  })
})

describe('the vro-7.1 document', () => {
  const document = JSON.parse(specText(PROFILES.find((p) => p.id === 'vro-7.1')!)) as OpenAPIV3_1.Document & Record<string, unknown>
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    (['post', 'get', 'delete'] as const).flatMap((m) => (item?.[m] ? [{ path, method: m, op: item[m]! }] : [])),
  )

  it('names the operations and tags as the vendor Swagger does', () => {
    expect(operations.map(({ path, method, op }) => [method, path, op.operationId, op.tags])).toEqual([
      ['post', '/api/token', 'issueToken', ['Token']],
      ['delete', '/api/token', 'logout', ['Token']],
      ['post', '/api/v7.1/Clients', 'createClient', ['Clients']],
      ['get', '/api/v7.1/Clients', 'listClients', ['Clients']],
      ['delete', '/api/v7.1/Clients', 'deleteClient', ['Clients']],
    ])
  })

  it("declares the vendor's security schemes with tokenUrl /api/token, and a bearer scheme", () => {
    expect(document.components?.securitySchemes).toMatchObject({
      userAuth: { type: 'oauth2', flows: { password: { tokenUrl: '/api/token' } } },
      clientAuth: { type: 'oauth2', flows: { clientCredentials: { tokenUrl: '/api/token' } } },
      bearerAuth: { type: 'http', scheme: 'bearer' },
    })
  })

  it('renders the token request as a flat form with a grant_type drop-down and empty examples', () => {
    const schema = document.components?.schemas?.TokenRequest as OpenAPIV3_1.SchemaObject
    expect(Object.keys(schema.properties ?? {})).toEqual(['grant_type', 'username', 'password', 'client_id', 'client_secret', 'refresh_token'])
    expect(schema.properties?.grant_type).toMatchObject({ enum: ['password', 'client_credentials', 'refresh_token'], default: 'password' })
    for (const name of ['username', 'password', 'client_id', 'client_secret', 'refresh_token']) {
      expect(schema.properties?.[name]).toMatchObject({ type: 'string', example: '' })
    }
    const body = document.paths?.['/api/token']?.post?.requestBody as OpenAPIV3_1.RequestBodyObject
    expect(body.required).toBe(true)
    expect(Object.keys(body.content)).toEqual(['application/x-www-form-urlencoded', 'multipart/form-data'])
  })

  it('lists the accounts in code spans as they must be typed: one backslash, which Markdown keeps', () => {
    expect(document.info.description).toContain('| `vdro\\administrator` | `Password1` | Orchestrator Administrator |')
  })

  it('carries the profile behaviour and its assumptions for the conformance suite', () => {
    const behaviour = document['x-veeam-auth-mock'] as Record<string, unknown>
    expect(behaviour).toMatchObject({ id: 'vro-7.1', tokenPath: '/api/token', defaultGrant: 'password', lifetimes: { accessSeconds: 900, refreshSeconds: 7200 } })
    expect((behaviour.assumptions as { id: string }[]).map((a) => a.id)).toContain('refresh-rotation')
  })
})

describe('the control API link on the Swagger page', () => {
  const descriptionOf = async (app: ReturnType<typeof createApp>) =>
    ((await (await app.request('/openapi.json')).json()) as OpenAPIV3_1.Document).info.description ?? ''

  it('is in the description when the control API is on, and its target answers', async () => {
    const app = createApp({ control: true })
    expect(await descriptionOf(app)).toContain('its OpenAPI document: [/__control/openapi.json](/__control/openapi.json)')
    expect((await app.request('/__control/openapi.json')).status).toBe(200)
  })

  it('is absent when the control API is off', async () => {
    expect(await descriptionOf(createApp())).not.toContain('__control')
  })
})

describe('Swagger UI at /swagger', () => {
  const app = createApp()

  it('loads only local assets, with the online validator off', async () => {
    const html = await (await app.request('/swagger')).text()
    expect(html).not.toMatch(/https?:\/\//)
    const scripts = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)
    expect(scripts).toEqual(['/swagger/assets/swagger-ui.css', '/swagger/assets/favicon-32x32.png', '/swagger/assets/swagger-ui-bundle.js', '/swagger/init.js'])
    for (const path of scripts) expect((await app.request(path)).status).toBe(200)
    const init = await (await app.request('/swagger/init.js')).text()
    expect(init).toContain("validatorUrl: 'none'")
    expect(init).toContain("preauthorizeApiKey('bearerAuth'")
    // Empty optional form fields start unsent (the browser walkthroughs check the bodies themselves).
    expect(init).toContain('ParameterIncludeEmpty')
  })

  it('serves the bundle as JavaScript and refuses files outside its list', async () => {
    const res = await app.request('/swagger/assets/swagger-ui-bundle.js')
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect((await app.request('/swagger/assets/package.json')).status).toBe(404)
    expect((await app.request('/swagger/assets/..%2F..%2Fpackage.json')).status).toBe(404)
  })

  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'])('answers 404 (not 500) for the inherited name /swagger/assets/%s', async (name) => {
    const res = await app.request(`/swagger/assets/${name}`)
    expect(res.status).toBe(404)
  })
})
