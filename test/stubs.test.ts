import type { OpenAPIV3_1 } from 'openapi-types'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fingerprint } from '../src/control/fingerprint.js'
import { startMock, type RunningMock } from '../src/start-mock.js'
import { StubError } from '../src/stubs/stub-schema.js'

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const UNAUTHORIZED = { message: 'Unauthorized request. The authorization header has been expected but not found (or found but expired).' }
const INVALID_TOKEN = 'Bearer error="invalid_token", error_description="The access token is unknown, expired or revoked."'

const PLANS = [{ id: 'p1', name: 'Tier 1' }]

let mock: RunningMock

beforeAll(async () => {
  mock = await startMock({
    profile: 'vro-7.1',
    stubs: [
      { method: 'GET', path: '/api/v7.1/Plans', status: 200, headers: { 'X-Stub': 'plans' }, body: PLANS },
      { method: 'GET', path: '/api/v7.1/Plans/{id}', status: 200, body: { id: 'any' } },
      { method: 'GET', path: '/api/v7.1/Plans/current', status: 200, body: { id: 'current' } },
      { method: 'DELETE', path: '/api/v7.1/Plans/{id}', status: 204 },
      { method: 'POST', path: '/api/v7.1/Plans/{id}/Start', status: 202, as: 'user' },
      { method: 'GET', path: '/api/v7.1/Me/Client', status: 200, body: 'client only', as: 'client' },
    ],
  })
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const send = (path: string, init: RequestInit = {}) => fetch(`${mock.url}${path}`, init)
const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

async function tokens(body: string): Promise<{ access_token: string; refresh_token: string }> {
  const res = await send('/api/token', { method: 'POST', headers: FORM, body })
  expect(res.status).toBe(200)
  return (await res.json()) as { access_token: string; refresh_token: string }
}
const userTokens = () => tokens('grant_type=password&username=vdro%5Cadministrator&password=Password1')

async function clientOf(userToken: string) {
  const res = await send('/api/v7.1/Clients', { method: 'POST', headers: bearer(userToken) })
  const client = (await res.json()) as { client_id: string; client_secret: string }
  const { access_token } = await tokens(`grant_type=client_credentials&client_id=${client.client_id}&client_secret=${encodeURIComponent(client.client_secret)}`)
  return { ...client, access_token }
}

/** Status, challenge and body, for comparing a stub's refusal with the Clients resource's. */
async function refusal(res: Response) {
  return { status: res.status, challenge: res.headers.get('www-authenticate'), body: (await res.json()) as unknown }
}

describe('stub resources over a real socket (startMock)', () => {
  it("answer a user's token with the stub's status, headers and body", async () => {
    const { access_token } = await userTokens()
    const res = await send('/api/v7.1/Plans', { headers: bearer(access_token) })
    expect([res.status, res.headers.get('x-stub'), res.headers.get('content-type')]).toEqual([200, 'plans', 'application/json'])
    expect(await res.json()).toEqual(PLANS)
  })

  it("answer a client's token as well (clients inherit their user's rights)", async () => {
    const client = await clientOf((await userTokens()).access_token)
    const res = await send('/api/v7.1/Plans', { headers: bearer(client.access_token) })
    expect([res.status, await res.json()]).toEqual([200, PLANS])
  })

  it('refuse a request without a token with 401, exactly as the Clients resource does', async () => {
    const stub = await refusal(await send('/api/v7.1/Plans'))
    expect(stub).toEqual({ status: 401, challenge: 'Bearer', body: UNAUTHORIZED })
    expect(await refusal(await send('/api/v7.1/Clients'))).toEqual(stub)
  })

  it('refuse an expired token with 401 once the virtual clock passes its lifetime', async () => {
    const { access_token } = await userTokens()
    expect((await send('/api/v7.1/Plans', { headers: bearer(access_token) })).status).toBe(200)
    await mock.clock.advance('16m')
    const stub = await refusal(await send('/api/v7.1/Plans', { headers: bearer(access_token) }))
    expect(stub).toEqual({ status: 401, challenge: INVALID_TOKEN, body: UNAUTHORIZED })
    expect(await refusal(await send('/api/v7.1/Clients', { headers: bearer(access_token) }))).toEqual(stub)
  })

  it('refuse the token after logout', async () => {
    const { access_token } = await userTokens()
    expect((await send('/api/token', { method: 'DELETE', headers: bearer(access_token) })).status).toBe(204)
    expect(await refusal(await send('/api/v7.1/Plans', { headers: bearer(access_token) }))).toEqual({ status: 401, challenge: INVALID_TOKEN, body: UNAUTHORIZED })
  })

  it("refuse a client's token after the client account is deleted", async () => {
    const user = await userTokens()
    const client = await clientOf(user.access_token)
    expect((await send('/api/v7.1/Plans', { headers: bearer(client.access_token) })).status).toBe(200)
    const deleted = await send(`/api/v7.1/Clients?clientId=${client.client_id}`, { method: 'DELETE', headers: bearer(user.access_token) })
    expect(deleted.status).toBe(204)
    expect((await send('/api/v7.1/Plans', { headers: bearer(client.access_token) })).status).toBe(401)
    expect((await send('/api/v7.1/Plans', { headers: bearer(user.access_token) })).status).toBe(200)
  })

  it('refuse a revoked session (control API) and a disabled account', async () => {
    const refused = { status: 401, challenge: INVALID_TOKEN, body: UNAUTHORIZED }
    const first = await userTokens()
    const revoked = await send(`/__control/sessions/${fingerprint(first.access_token)}`, { method: 'DELETE' })
    expect(revoked.status).toBe(204)
    expect(await refusal(await send('/api/v7.1/Plans', { headers: bearer(first.access_token) }))).toEqual(refused)
    const second = await userTokens()
    const disabled = await send('/__control/accounts/vdro%5Cadministrator', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ disabled: true }),
    })
    expect(disabled.status).toBe(200)
    expect(await refusal(await send('/api/v7.1/Plans', { headers: bearer(second.access_token) }))).toEqual(refused)
  })

  it('as: "user" answers 403 to a client, in the body shape the Clients resource uses for 403', async () => {
    const user = await userTokens()
    const client = await clientOf(user.access_token)
    expect((await send('/api/v7.1/Plans/p1/Start', { method: 'POST', headers: bearer(user.access_token) })).status).toBe(202)
    const res = await send('/api/v7.1/Plans/p1/Start', { method: 'POST', headers: bearer(client.access_token) })
    expect([res.status, await res.json()]).toEqual([403, { message: 'This resource answers only to a user account, not to a client account.' }])
    // The Clients resource's own 403, for the shape.
    const clients403 = await send('/api/v7.1/Clients', { method: 'POST', headers: bearer(client.access_token) })
    expect([clients403.status, Object.keys((await clients403.json()) as object)]).toEqual([403, ['message']])
  })

  it('as: "client" answers 403 to a user and the stub to a client', async () => {
    const user = await userTokens()
    const client = await clientOf(user.access_token)
    const refused = await send('/api/v7.1/Me/Client', { headers: bearer(user.access_token) })
    expect([refused.status, await refused.json()]).toEqual([403, { message: 'This resource answers only to a client account, not to a user account.' }])
    const served = await send('/api/v7.1/Me/Client', { headers: bearer(client.access_token) })
    expect([served.status, served.headers.get('content-type'), await served.text()]).toEqual([200, 'text/plain; charset=utf-8', 'client only'])
  })

  it('match {param} segments; a literal path wins over a template', async () => {
    const { access_token } = await userTokens()
    const any = await send('/api/v7.1/Plans/42', { headers: bearer(access_token) })
    expect(await any.json()).toEqual({ id: 'any' })
    const current = await send('/api/v7.1/Plans/current', { headers: bearer(access_token) })
    expect(await current.json()).toEqual({ id: 'current' })
    const deleted = await send('/api/v7.1/Plans/42', { method: 'DELETE', headers: bearer(access_token) })
    expect([deleted.status, await deleted.text()]).toEqual([204, ''])
  })

  it('answer other methods on a stub path with 405 and Allow; unknown paths keep their 404', async () => {
    const res = await send('/api/v7.1/Plans/42', { method: 'PUT' })
    expect([res.status, res.headers.get('allow'), await res.json()]).toEqual([405, 'GET, DELETE', { message: 'Method PUT is not allowed here; use GET, DELETE.' }])
    const missing = await send('/api/v7.1/Nothing')
    expect([missing.status, await missing.json()]).toEqual([404, { message: 'No resource at /api/v7.1/Nothing.' }])
    const clients = await send('/api/v7.1/Clients', { method: 'PUT' })
    expect([clients.status, clients.headers.get('allow')]).toEqual([405, 'POST, GET, DELETE'])
  })

  it('POST /__control/stubs adds a stub that works at once and appears in /openapi.json under Stubs; reset drops it', async () => {
    const added = await send('/__control/stubs', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ method: 'GET', path: '/api/v7.1/Reports/{name}', body: { ok: true }, summary: 'A report' }),
    })
    expect([added.status, await added.json()]).toEqual([201, { method: 'GET', path: '/api/v7.1/Reports/{name}', status: 200, body: { ok: true }, summary: 'A report' }])
    const { access_token } = await userTokens()
    const res = await send('/api/v7.1/Reports/weekly', { headers: bearer(access_token) })
    expect([res.status, await res.json()]).toEqual([200, { ok: true }])

    const document = (await (await send('/openapi.json')).json()) as OpenAPIV3_1.Document
    const operation = document.paths?.['/api/v7.1/Reports/{name}']?.get
    expect(operation).toMatchObject({ tags: ['Stubs'], summary: 'A report', parameters: [{ name: 'name', in: 'path', required: true }] })
    expect(operation?.security).toContainEqual({ bearerAuth: [] })
    expect(document.paths?.['/api/v7.1/Plans']?.get?.tags).toEqual(['Stubs'])
    expect(document.tags?.map((t) => t.name)).toEqual(['Token', 'Clients', 'Stubs'])

    const listed = (await (await send('/__control/stubs')).json()) as { path: string; origin: string }[]
    expect(listed[0]).toMatchObject({ path: '/api/v7.1/Reports/{name}', origin: 'runtime' })
    expect(listed.filter((s) => s.origin === 'startup')).toHaveLength(6)

    await send('/__control/reset', { method: 'POST' })
    const again = await userTokens()
    expect((await send('/api/v7.1/Reports/weekly', { headers: bearer(again.access_token) })).status).toBe(404)
    expect((await send('/api/v7.1/Plans', { headers: bearer(again.access_token) })).status).toBe(200)
    const after = (await (await send('/openapi.json')).json()) as OpenAPIV3_1.Document
    expect(after.paths?.['/api/v7.1/Reports/{name}']).toBeUndefined()
  })

  it('POST /__control/stubs refuses a bad stub with 400 naming the field, and a stub on a mock route', async () => {
    const post = (body: unknown) => send('/__control/stubs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
    const bad = await post({ method: 'GET', path: '/x', status: 'ok' })
    expect([bad.status, await bad.json()]).toEqual([400, { message: 'status: Invalid input: expected number, received string' }])
    const taken = await post({ method: 'POST', path: '/api/v7.1/Clients' })
    expect([taken.status, await taken.json()]).toEqual([400, { message: 'path: /api/v7.1/Clients takes /api/v7.1/Clients, which the mock itself serves' }])
    const cleared = await send('/__control/stubs', { method: 'DELETE' })
    expect(cleared.status).toBe(204)
  })

  it('mock.stubs.add / list / clear work at runtime; add throws StubError on a bad stub', async () => {
    mock.stubs.add({ method: 'PATCH', path: '/api/v7.1/Plans/{id}', status: 200, body: { patched: true } })
    const { access_token } = await userTokens()
    const res = await send('/api/v7.1/Plans/9', { method: 'PATCH', headers: bearer(access_token) })
    expect([res.status, await res.json()]).toEqual([200, { patched: true }])
    expect(mock.stubs.list()[0]).toMatchObject({ method: 'PATCH', origin: 'runtime' })
    expect(() => mock.stubs.add({ method: 'GET', path: '/api/token' })).toThrow(StubError)
    expect(mock.stubs.clear()).toBe(1)
    expect((await send('/api/v7.1/Plans/9', { method: 'PATCH', headers: bearer(access_token) })).status).toBe(405)
  })
})

describe('vac-2 default stubs', () => {
  let vac: RunningMock
  beforeAll(async () => {
    vac = await startMock({ profile: 'vac-2' })
  })
  afterAll(() => vac.close())

  it('GET /v2/tenants validates a vac-2 access token: 200 [] with it, 401 without', async () => {
    const login = await fetch(`${vac.url}/token`, { method: 'POST', headers: FORM, body: 'grant_type=password&username=vac%5Cadministrator&password=Password1' })
    const { access_token } = (await login.json()) as { access_token: string }
    const res = await fetch(`${vac.url}/v2/tenants`, { headers: bearer(access_token) })
    expect([res.status, await res.json()]).toEqual([200, []])
    const resources = await fetch(`${vac.url}/v2/tenants/t1/backupResources`, { headers: bearer(access_token) })
    expect([resources.status, await resources.json()]).toEqual([200, []])
    expect((await fetch(`${vac.url}/v2/tenants`)).status).toBe(401)
  })

  it('keeps its default stubs across reset', async () => {
    await vac.reset()
    expect(vac.stubs.list().map((s) => `${s.method} ${s.path} ${s.origin}`)).toEqual([
      'GET /v2/tenants startup',
      'GET /v2/tenants/{id}/backupResources startup',
    ])
  })
})
