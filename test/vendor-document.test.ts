import { describe, expect, it } from 'vitest'
import { createMock } from '../src/create-mock.js'
import { SchemaValidators } from '../src/vendor-document/schema/validators.js'
import { DocumentError } from '../src/vendor-document/document-error.js'
import { swagger2ToOpenApi30 } from '../src/vendor-document/swagger2.js'
import { ADMIN, bearer, formPost, login } from './support/flows.js'
import { jobsDocument, swagger2Document } from './support/vendor-documents.js'

const V = { 'x-api-version': '1.0-rev0' }
const schemas = (jobsDocument().components as { schemas: Record<string, unknown> }).schemas
const validators = new SchemaValidators(jobsDocument(), '3.0')
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` })

/** Fails the test with the issues when `value` does not validate against the named schema of the jobs document. */
function expectValid(name: string, value: unknown): void {
  expect(schemas[name], name).toBeDefined()
  expect(validators.validate(ref(name), value, 'response')).toEqual([])
}

/** The access token of vac-2's administrator (its token endpoint is /token). */
async function vacToken(mock: ReturnType<typeof createMock>): Promise<string> {
  const res = await mock.app.request(mock.state.profile.tokenPath, formPost({ grant_type: 'password', username: 'vac\\administrator', password: 'Password1' }))
  expect(res.status).toBe(200)
  return ((await res.json()) as { access_token: string }).access_token
}

async function jobsMock(options: Parameters<typeof createMock>[0] = {}) {
  const mock = createMock({ profile: 'vro-7.1', openapi: [jobsDocument()], ...options })
  const { access_token } = await login(mock.app, ADMIN)
  const get = (path: string, headers: Record<string, string> = {}) => mock.app.request(path, { headers: { ...bearer(access_token), ...V, ...headers } })
  return { ...mock, access_token, get }
}

interface Page {
  data: { id: string; name: string; type: string }[]
  pagination: { total: number; count: number; skip: number; limit: number }
}

describe('a vendor document served behind the profile token (in-process)', () => {
  it('serves GET /api/v1/jobs at the server base path, a {data, pagination} envelope that validates', async () => {
    const { get } = await jobsMock()
    const res = await get('/api/v1/jobs')
    expect(res.status).toBe(200)
    expect(res.headers.get('content-type')).toBe('application/json')
    const body = (await res.json()) as Page
    expectValid('JobsResult', body)
    expect(body.pagination.total).toBeGreaterThanOrEqual(5)
    expect(body.data).toHaveLength(body.pagination.count)
    for (const job of body.data) expect(['Backup', 'Replica']).toContain(job.type)
  })

  it('paging with skip/limit until skip + count >= total terminates and yields total distinct items, the same as one big page', async () => {
    const { get } = await jobsMock()
    const seen: string[] = []
    let skip = 0
    let total = Infinity
    for (let round = 0; skip < total; round++) {
      expect(round).toBeLessThan(50)
      const page = (await (await get(`/api/v1/jobs?skip=${skip}&limit=3`)).json()) as Page
      expectValid('JobsResult', page)
      expect(page.pagination).toMatchObject({ skip, limit: 3 })
      total = page.pagination.total
      seen.push(...page.data.map((job) => job.id))
      if (page.pagination.count === 0) break
      skip += page.pagination.count
    }
    expect(seen).toHaveLength(total)
    expect(new Set(seen).size).toBe(total)
    const all = (await (await get(`/api/v1/jobs?limit=500`)).json()) as Page
    expect(all.data.map((job) => job.id)).toEqual(seen)
  })

  it('GET /jobs/{id} with an id from the list answers that item; an unknown id the 404 in the profile error model', async () => {
    const { get } = await jobsMock()
    const page = (await (await get('/api/v1/jobs')).json()) as Page
    const item = page.data[2]!
    const res = await get(`/api/v1/jobs/${item.id}`)
    expect(res.status).toBe(200)
    const body = await res.json()
    expect(body).toEqual(item)
    expectValid('JobModel', body)
    const missing = await get('/api/v1/jobs/00000000-0000-4000-8000-000000000000')
    expect(missing.status).toBe(404)
    expect(await missing.json()).toEqual({ message: 'No item with id "00000000-0000-4000-8000-000000000000" in /api/v1/jobs.' })
  })

  it("a list with the vendor's example pages through the example's items (total recomputed); its ids answer GET /jobs/{id}", async () => {
    const document = jobsDocument()
    const job = (n: number) => ({ id: `6a3b8a5e-0000-4000-8000-00000000000${n}`, name: `Job ${n}`, type: 'Backup' })
    const media = (document.paths as any)['/v1/jobs'].get.responses[200].content['application/json']
    media.example = { data: [job(1), job(2), job(3)], pagination: { total: 99, count: 3, skip: 0, limit: 200 } }
    const { get } = await jobsMock({ openapi: [document] })
    const first = (await (await get('/api/v1/jobs?limit=2')).json()) as Page
    expect(first).toEqual({ data: [job(1), job(2)], pagination: { total: 3, count: 2, skip: 0, limit: 2 } })
    const second = (await (await get('/api/v1/jobs?skip=2&limit=2')).json()) as Page
    expect(second).toEqual({ data: [job(3)], pagination: { total: 3, count: 1, skip: 2, limit: 2 } })
    expect(await (await get(`/api/v1/jobs/${job(2).id}`)).json()).toEqual(job(2))
    expect((await get('/api/v1/jobs/6a3b8a5e-0000-4000-8000-000000000009')).status).toBe(404)
    const generated = (await (await get('/api/v1/jobs', { prefer: 'dynamic=true' })).json()) as Page
    expectValid('JobsResult', generated)
    expect(generated.data.map((j) => j.id)).not.toContain(job(1).id)
    expect(await (await get(`/api/v1/jobs/${generated.data[0]!.id}`, { prefer: 'dynamic=true' })).json()).toEqual(generated.data[0])
  })

  it('path parameters shape a generated answer: GET .../sessions/{sessionId} returns that id and its job id', async () => {
    const { get } = await jobsMock()
    const jobId = '11111111-2222-4333-8444-555555555555'
    const sessionId = '99999999-8888-4777-8666-555555555555'
    const res = await get(`/api/v1/jobs/${jobId}/sessions/${sessionId}`)
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown>
    expectValid('Session', body)
    expect(body.id).toBe(sessionId)
    expect(body.jobId).toBe(jobId)
  })

  it('generates formats (uuid, email, ipv4, uri, date) that validate, and the same bytes for the same seed', async () => {
    const a = await jobsMock({ seed: 'abc' })
    const b = await jobsMock({ seed: 'abc' })
    const c = await jobsMock({ seed: 'other' })
    const text = async (mock: typeof a) => (await mock.get('/api/v1/generatedInfo')).text()
    const first = await text(a)
    expectValid('ServerInfo', JSON.parse(first))
    expect(await text(b)).toBe(first)
    expect(await text(a)).toBe(first)
    expect(await text(c)).not.toBe(first)
  })

  it('serves the first example as the vendor wrote it, even when it breaks the schema; Prefer picks another or generates', async () => {
    const { get } = await jobsMock()
    const first = await get('/api/v1/serverInfo')
    expect(await first.json()).toEqual({ vbrId: '6745a759-2205-4cd2-b172-8ec8f7e60ef8', name: 'VBR-01' })
    const cloud = await get('/api/v1/serverInfo', { prefer: 'example=cloud' })
    expect(((await cloud.json()) as { name: string }).name).toBe('VBR-cloud')
    const dynamic = await get('/api/v1/serverInfo', { prefer: 'dynamic=true' })
    const generated = await dynamic.json()
    expectValid('ServerInfo', generated)
    expect(await (await get('/api/v1/serverInfo', { prefer: 'example=nope' })).json()).toEqual({
      message: 'Prefer: example=nope is not an example of this response (examples: onPremises, cloud).',
    })
  })

  it('Prefer: code=404 answers the documented 404 (generated from its schema); an undocumented code is a 400', async () => {
    const { get } = await jobsMock()
    const res = await get('/api/v1/serverInfo', { prefer: 'code=404' })
    expect(res.status).toBe(404)
    expectValid('Error', await res.json())
    const undocumented = await get('/api/v1/serverInfo', { prefer: 'code=418' })
    expect(undocumented.status).toBe(400)
    expect(((await undocumented.json()) as { message: string }).message).toContain('code=418 is not a documented status')
  })

  it('a security: [] operation answers without a token; the others answer the profile 401 without one', async () => {
    const { app } = createMock({ profile: 'vro-7.1', openapi: [jobsDocument()] })
    const open = await app.request('/api/v1/serverTime')
    expect([open.status, await open.json()]).toEqual([200, { serverTime: '2024-01-01T10:00:00+01:00', timeZone: 'CET' }])
    const closed = await app.request('/api/v1/jobs', { headers: V })
    expect(closed.status).toBe(401)
    const profile401 = await app.request('/api/v7.1/Clients')
    expect(await closed.json()).toEqual(await profile401.json())
    expect(closed.headers.get('www-authenticate')).toBe('Bearer')
  })

  it.each([
    ['a missing x-api-version header', '/api/v1/jobs', {}, 'Header parameter "x-api-version" is required.'],
    ['a wrong x-api-version', '/api/v1/jobs', { 'x-api-version': '9.9-rev9' }, 'Header parameter "x-api-version"'],
    ['limit above its maximum', '/api/v1/jobs?limit=501', V, 'Query parameter "limit"'],
    ['limit that is not an integer', '/api/v1/jobs?limit=ten', V, 'Query parameter "limit"'],
    ['an enum query value not listed', '/api/v1/jobs?typeFilter=Tape', V, 'Query parameter "typeFilter"'],
    ['a path id that is not a uuid', '/api/v1/jobs/42', V, 'Path parameter "id"'],
  ])('%s: 400 naming the field', async (_name, path, headers, message) => {
    const { app, access_token } = await jobsMock()
    const res = await app.request(path, { headers: { ...bearer(access_token), ...headers } })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toContain(message)
  })

  it('header parameters named Authorization, Accept or Content-Type are ignored, as OpenAPI says', async () => {
    const document = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/ping': { get: { security: [], parameters: [{ name: 'Authorization', in: 'header', required: true, schema: { type: 'string', pattern: '^Basic ' } }, { name: 'Accept', in: 'header', required: true, schema: { type: 'string', enum: ['text/xml'] } }], responses: { 200: { description: 'ok', content: { 'application/json': { example: 'pong' } } } } } } } }
    const { app } = createMock({ profile: 'vro-7.1', openapi: [document] })
    const res = await app.request('/ping')
    expect([res.status, await res.json()]).toEqual([200, 'pong'])
  })

  it('a resource with a bounded list in it (maxItems 2) is generated as a resource, and validates', async () => {
    const schema = { type: 'object', required: ['name', 'tags'], properties: { name: { type: 'string' }, tags: { type: 'array', maxItems: 2, items: { type: 'string' } } } }
    const document = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/host': { get: { responses: { 200: { description: 'ok', content: { 'application/json': { schema } } } } } } } }
    const { get } = await jobsMock({ openapi: [document] })
    const body = await (await get('/host')).json()
    expect(new SchemaValidators(document, '3.0').validate(schema, body, 'response')).toEqual([])
  })

  it('unknown query parameters pass', async () => {
    const { get } = await jobsMock()
    expect((await get('/api/v1/jobs?whatever=1&orderColumn=name')).status).toBe(200)
  })

  it('checks a JSON request body against its schema (readOnly id not required) and answers the documented 201', async () => {
    const { app, access_token } = await jobsMock()
    const post = (body: string) => app.request('/api/v1/jobs', { method: 'POST', headers: { ...bearer(access_token), ...V, 'content-type': 'application/json' }, body })
    const ok = await post(JSON.stringify({ name: 'Nightly', type: 'Backup' }))
    expect(ok.status).toBe(201)
    expectValid('JobModel', await ok.json())
    const bad = await post(JSON.stringify({ name: 'Nightly', type: 'Tape' }))
    expect(bad.status).toBe(400)
    expect(((await bad.json()) as { message: string }).message).toMatch(/^Request body \/type: /)
    const missing = await post(JSON.stringify({ type: 'Backup' }))
    expect(((await missing.json()) as { message: string }).message).toContain('name')
    expect((await post('{')).status).toBe(400)
    expect((await post('')).status).toBe(400)
  })

  it('an operation with an unresolvable $ref is a start-up warning and answers 501 in the profile error model', async () => {
    const { warnings, get } = await jobsMock()
    expect(warnings).toEqual([expect.stringContaining('GET /api/v1/broken (GetBroken) answers 501: /paths/~1v1~1broken/get/responses: $ref #/components/schemas/DoesNotExist does not resolve')])
    const res = await get('/api/v1/broken')
    expect(res.status).toBe(501)
    expect(Object.keys((await res.json()) as object)).toEqual(['message'])
  })

  it.each([
    ['minProperties no object can reach', { type: 'object', properties: {}, additionalProperties: false, minProperties: 2 }, 'minProperties cannot be reached'],
    ['a pattern that is not a regular expression', { type: 'string', pattern: '(' }, 'The mock cannot serve GET /odd: pattern is not a valid regular expression.'],
  ])('a schema the generator cannot serve (%s) answers 501 in the profile error model, not a crash', async (_name, schema, reason) => {
    const document = { openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/odd': { get: { responses: { 200: { description: 'x', content: { 'application/json': { schema } } } } } } } }
    const errors: unknown[] = []
    const { get } = await jobsMock({ openapi: [document], onServerError: (error) => errors.push(error) })
    const res = await get('/odd')
    expect(res.status).toBe(501)
    const body = (await res.json()) as { message: string }
    expect(Object.keys(body)).toEqual(['message'])
    expect(body.message).toContain(reason)
    expect(errors).toEqual([])
  })

  it('a request body over 1 MiB is a 413 in the resource error model', async () => {
    const { app, access_token } = await jobsMock()
    const res = await app.request('/api/v1/jobs', { method: 'POST', headers: { ...bearer(access_token), ...V, 'content-type': 'application/json' }, body: `{"name":"${'x'.repeat(1024 * 1024)}"}` })
    expect(res.status).toBe(413)
    expect(Object.keys((await res.json()) as object)).toEqual(['message'])
  })

  it('parameters are checked before the body is read: a missing required header with a body over 1 MiB is a 400, not a 413', async () => {
    const { app, access_token } = await jobsMock()
    const res = await app.request('/api/v1/jobs', { method: 'POST', headers: { ...bearer(access_token), 'content-type': 'application/json' }, body: `{"name":"${'x'.repeat(1024 * 1024)}"}` })
    expect([res.status, await res.json()]).toEqual([400, { message: 'Header parameter "x-api-version" is required.' }])
  })

  it('single-session mode: a new login ends the earlier token, which then gets 401 on document operations', async () => {
    const { get, app } = await jobsMock({ sessions: 'single' })
    expect((await get('/api/v1/jobs')).status).toBe(200)
    await login(app, ADMIN)
    expect((await get('/api/v1/jobs')).status).toBe(401)
  })

  it('a 204 operation answers with no body; another method on a document path is 405 with Allow', async () => {
    const { app, access_token, get } = await jobsMock()
    const page = (await (await get('/api/v1/jobs')).json()) as Page
    const res = await app.request(`/api/v1/jobs/${page.data[0]!.id}`, { method: 'DELETE', headers: { ...bearer(access_token), ...V } })
    expect([res.status, await res.text()]).toEqual([204, ''])
    const put = await app.request('/api/v1/jobs', { method: 'PUT', headers: bearer(access_token) })
    expect([put.status, put.headers.get('allow')]).toEqual([405, 'GET, POST'])
  })

  it('precedence: a stub beats a document operation, a profile route beats both', async () => {
    const document = jobsDocument()
    ;(document.paths as Record<string, unknown>)['/v7.1/Clients'] = { get: { operationId: 'VendorClients', responses: { 200: { description: 'x', content: { 'application/json': { schema: { type: 'string' } } } } } } }
    const mock = createMock({ profile: 'vro-7.1', openapi: [document], stubs: [{ method: 'GET', path: '/api/v1/serverInfo', status: 200, body: { stub: true } }] })
    const { access_token } = await login(mock.app, ADMIN)
    const info = await mock.app.request('/api/v1/serverInfo', { headers: bearer(access_token) })
    expect(await info.json()).toEqual({ stub: true })
    const clients = await mock.app.request('/api/v7.1/Clients', { headers: bearer(access_token) })
    expect(Array.isArray(await clients.json())).toBe(true)
    expect(mock.documents!.shadowed).toEqual(['GET /api/v7.1/Clients'])
  })

  it('a stub of one method does not hide the document operation of another method on its path (vac-2)', async () => {
    const mock = createMock({ profile: 'vac-2', openapi: [swagger2Document()], stubs: [{ method: 'GET', path: '/v2/tenants', status: 200, body: [] }] })
    const access_token = await vacToken(mock)
    const res = await mock.app.request('/v2/tenants', { method: 'POST', headers: { ...bearer(access_token), 'content-type': 'application/json' }, body: '{"name":"A"}' })
    expect([res.status, await res.json()]).toEqual([201, { id: 7, name: 'Tenant 7' }])
  })

  it('journals document operations with their operationId, and fault rules match them', async () => {
    const { get, harness } = await jobsMock({ control: true })
    harness!.faults.add({ operation: 'GetServerInfo', respond: { status: 503 } })
    expect((await get('/api/v1/serverInfo')).status).toBe(503)
    expect((await get('/api/v1/jobs')).status).toBe(200)
    const entries = harness!.journal.list().filter((e) => e.path.startsWith('/api/v1/'))
    expect(entries.map((e) => [e.operation, e.status])).toEqual([['GetServerInfo', 503], ['GetAllJobs', 200]])
    expect(entries[1]!.account).toBe('vdro\\administrator')
  })

  it('the served /openapi.json lists the document operations beside the profile, with the bearer security and components', async () => {
    const { app } = createMock({ profile: 'vro-7.1', openapi: [jobsDocument()] })
    const document = (await (await app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { security?: unknown; operationId?: string }>>
      components: { schemas: Record<string, unknown> }
      tags: { name: string }[]
      'x-veeam-auth-mock': unknown
    }
    expect(document.paths['/api/v1/jobs']!.get!.operationId).toBe('GetAllJobs')
    expect(document.paths['/api/v1/jobs']!.get!.security).toEqual([{ userAuth: [] }, { clientAuth: [] }, { bearerAuth: [] }])
    expect(document.paths['/api/v1/serverTime']!.get!.security).toEqual([])
    expect(document.paths['/api/token']).toBeDefined()
    expect(document.components.schemas.JobModel).toBeDefined()
    expect(document.components.schemas.TokenResponse).toBeDefined()
    expect(document.tags.map((t) => t.name)).toContain('Jobs')
    expect(document['x-veeam-auth-mock']).toBeDefined()
  })

  it('serves a Swagger 2.0 document converted to 3.0: basePath, body parameter, examples, integer path ids (vac-2)', async () => {
    const mock = createMock({ profile: 'vac-2', openapi: [swagger2Document()], stubs: [] })
    const access_token = await vacToken(mock)
    const tenant = await mock.app.request('/v2/tenants/42', { headers: bearer(access_token) })
    expect(tenant.status).toBe(200)
    const body = (await tenant.json()) as { id: number; name: string }
    expect(body.id).toBe(42)
    const converted = swagger2ToOpenApi30(swagger2Document())
    const check = new SchemaValidators(converted, '3.0')
    expect(check.validate({ $ref: '#/components/schemas/Tenant' }, body, 'response')).toEqual([])
    const bad = await mock.app.request('/v2/tenants', { method: 'POST', headers: { ...bearer(access_token), 'content-type': 'application/json' }, body: '{}' })
    expect(bad.status).toBe(400)
    const alarms = await mock.app.request('/v2/alarms', { headers: bearer(access_token) })
    const list = await alarms.json()
    expect(check.validate(((converted.paths as any)['/alarms'].get.responses[200].content['application/json'].schema), list, 'response')).toEqual([])
    expect(Array.isArray(list)).toBe(true)
  })

  it.each([
    ['not an object', [], '', 'document 1: (document): an OpenAPI document must be an object'],
    ['no version', { paths: {} }, '/openapi', 'not an OpenAPI 3.0, 3.1 or Swagger 2.0 document'],
    ['paths not an object', { openapi: '3.0.3', paths: [] }, '/paths', 'paths must be an object'],
    ['a bad parameter place', { openapi: '3.0.3', paths: { '/a': { get: { parameters: [{ name: 'x', in: 'body' }], responses: {} } } } }, '/paths/~1a/get/parameters/0/in', '"in" must be one of'],
    ['no responses', { openapi: '3.0.3', paths: { '/a/{b}': { post: {} } } }, '/paths/~1a~1{b}/post/responses', 'an operation needs responses'],
  ])('a broken document (%s) is refused with the JSON pointer of the problem', (_name, document, pointer, reason) => {
    let error: unknown
    try {
      createMock({ openapi: [document as object] })
    } catch (caught) {
      error = caught
    }
    expect(error).toBeInstanceOf(DocumentError)
    expect((error as DocumentError).pointer).toBe(pointer)
    expect((error as Error).message).toContain(reason)
    expect((error as Error).message).not.toContain('\n')
  })
})
