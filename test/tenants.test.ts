/** @module Tenants over a real socket: isolation of tokens, clock, faults, journal, stubs and accounts; selection; cap; eviction. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { urlSteps, type Tokens } from '../src/control/test-helpers.js'
import { startMock, type RunningMock } from '../src/start-mock.js'

let mock: RunningMock
const at = (tenant?: string) => urlSteps(tenant === undefined ? mock.url : `${mock.url}/t/${tenant}`)
const login = async (tenant?: string) => (await (await at(tenant).password()).json()) as Tokens

beforeAll(async () => {
  mock = await startMock({ profile: 'vro-7.1', tenants: true })
})
afterAll(() => mock.close())

describe('tenants: isolation', () => {
  it('a token of one tenant is refused (401) by every other tenant and by the default one, and works in its own', async () => {
    const a = await login('iso-a')
    const root = await login()
    expect((await at('iso-a').clients(a.access_token)).status).toBe(200)
    expect((await at('iso-b').clients(a.access_token)).status).toBe(401)
    expect((await at().clients(a.access_token)).status).toBe(401)
    expect((await at('iso-a').clients(root.access_token)).status).toBe(401)
    expect((await at().clients(root.access_token)).status).toBe(200)
    // The refresh token, too, belongs to its tenant alone.
    expect((await at('iso-b').refresh(a.refresh_token)).status).toBe(400)
    expect((await at('iso-a').refresh(a.refresh_token)).status).toBe(200)
  })

  it('X-Mock-Tenant selects the same tenant as the path prefix', async () => {
    const a = await login('hdr-a')
    const viaHeader = await fetch(`${mock.url}/api/v7.1/Clients`, { headers: { authorization: `Bearer ${a.access_token}`, 'x-mock-tenant': 'hdr-a' } })
    expect(viaHeader.status).toBe(200)
    const other = await fetch(`${mock.url}/api/v7.1/Clients`, { headers: { authorization: `Bearer ${a.access_token}`, 'x-mock-tenant': 'hdr-b' } })
    expect(other.status).toBe(401)
  })

  it('client accounts, accounts and sessions of one tenant are invisible to another, the control API included', async () => {
    const a = await login('vis-a')
    const created = (await (await at('vis-a').clients(a.access_token, 'POST')).json()) as { client_id: string; client_secret: string }
    expect((await (await at('vis-a').clients(a.access_token)).json()) as string[]).toContain(created.client_id)
    const b = await login('vis-b')
    expect(await (await at('vis-b').clients(b.access_token)).json()).toEqual([])
    // The client's credentials log in only where it was made.
    const cc = new URLSearchParams({ grant_type: 'client_credentials', client_id: created.client_id, client_secret: created.client_secret }).toString()
    expect((await at('vis-b').token(cc)).status).toBe(400)
    expect(((await (await at('vis-b').control('GET', '/sessions')).json()) as unknown[]).length).toBe(1)
    expect(((await (await at('vis-a').control('GET', '/sessions')).json()) as unknown[]).length).toBe(1)
    expect((await at('vis-a').token(cc)).status).toBe(200)
    const added = await at('vis-a').control('POST', '/accounts', { username: 'vdro\\only-in-a', password: 'Secret-1', role: 'Plan Author' })
    expect(added.status).toBe(201)
    expect((await at('vis-a').password('vdro\\only-in-a', 'Secret-1')).status).toBe(200)
    expect((await at('vis-b').password('vdro\\only-in-a', 'Secret-1')).status).toBe(400)
    const names = (tenant: string) => at(tenant).control('GET', '/accounts').then(async (r) => ((await r.json()) as { username: string }[]).map((x) => x.username))
    expect(await names('vis-a')).toContain('vdro\\only-in-a')
    expect(await names('vis-b')).not.toContain('vdro\\only-in-a')
    expect(await names('vis-b')).toEqual((await names('vis-a')).filter((n) => n !== 'vdro\\only-in-a'))
  })

  it('each tenant has its own virtual clock: advancing one expires its tokens only', async () => {
    const a = await login('clk-a')
    const b = await login('clk-b')
    const advanced = await at('clk-a').control('POST', '/clock', { advance: '16m' })
    expect(advanced.status).toBe(200)
    expect((await at('clk-a').clients(a.access_token)).status).toBe(401)
    expect((await at('clk-b').clients(b.access_token)).status).toBe(200)
    expect(((await (await at('clk-b').control('GET', '/clock')).json()) as { offsetMs: number }).offsetMs).toBe(0)
    expect(mock.tenant('clk-a').clock.state().offsetMs).toBe(960_000)
    expect(mock.clock.state().offsetMs).toBe(0)
  })

  it('faults, journal and stubs are per tenant', async () => {
    const fault = await at('flt-a').control('POST', '/faults', { operation: 'issueToken', respond: { status: 503 } })
    expect(fault.status).toBe(201)
    expect((await at('flt-a').password()).status).toBe(503)
    expect((await at('flt-b').password()).status).toBe(200)
    const journal = async (tenant?: string) => ((await (await at(tenant).control('GET', '/requests')).json()) as { path: string; status: number }[])
    // Each journal holds its own tenant's requests, with the path as routed (no prefix).
    expect((await journal('flt-a')).map((e) => [e.path, e.status])).toEqual([['/api/token', 503]])
    expect((await journal('flt-b')).map((e) => [e.path, e.status])).toEqual([['/api/token', 200]])
    expect((await journal()).some((e) => e.path === '/api/token' && e.status === 503)).toBe(false)
    const stub = await at('flt-a').control('POST', '/stubs', { method: 'GET', path: '/api/v7.1/Plans', body: [{ id: 1 }] })
    expect(stub.status).toBe(201)
    const own = await login('flt-a')
    expect((await fetch(`${mock.url}/t/flt-a/api/v7.1/Plans`, { headers: { authorization: `Bearer ${own.access_token}` } })).status).toBe(200)
    const a = await login('flt-b')
    expect((await fetch(`${mock.url}/t/flt-b/api/v7.1/Plans`, { headers: { authorization: `Bearer ${a.access_token}` } })).status).toBe(404)
    expect(((await (await at('flt-b').control('GET', '/stubs')).json()) as unknown[]).length).toBe(0)
  })

  it('a reset of one tenant leaves the others untouched', async () => {
    const a = await login('rst-a')
    const b = await login('rst-b')
    const root = await login()
    await at('rst-b').control('POST', '/clock', { advance: '5m' })
    const before = ((await (await at('rst-b').control('GET', '/requests')).json()) as unknown[]).length
    expect((await at('rst-a').control('POST', '/reset')).status).toBe(200)
    expect((await at('rst-a').clients(a.access_token)).status).toBe(401)
    expect((await at('rst-b').clients(b.access_token)).status).toBe(200)
    expect((await at().clients(root.access_token)).status).toBe(200)
    expect(((await (await at('rst-b').control('GET', '/clock')).json()) as { offsetMs: number }).offsetMs).toBe(300_000)
    // The journal of rst-b kept its entries (plus the calls just made).
    expect(((await (await at('rst-b').control('GET', '/requests')).json()) as unknown[]).length).toBeGreaterThan(before)
    // And the handle's reset() does the same from the test's side.
    await mock.tenant('rst-b').reset()
    expect((await at('rst-b').clients(b.access_token)).status).toBe(401)
    expect((await at().clients(root.access_token)).status).toBe(200)
  })
})

describe('tenants: selection and refusals', () => {
  it('a path that names one tenant and a header that names another is 400 in the profile error model; nothing is made', async () => {
    const res = await fetch(`${mock.url}/t/sel-a/api/token`, { method: 'POST', headers: { 'x-mock-tenant': 'sel-b', 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=password&username=administrator&password=Password1' })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ message: expect.stringContaining('X-Mock-Tenant') })
  })

  it.each([
    ['a name with a space', '/t/bad%20name/api/token'],
    ['a name of 65 characters', `/t/${'x'.repeat(65)}/api/token`],
    ['a name starting with a dot', '/t/.hidden/api/token'],
  ])('%s is 400 naming the rule', async (_, path) => {
    const res = await fetch(`${mock.url}${path}`, { method: 'POST' })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toMatch(/^A tenant name is 1 to 64 letters/)
  })

  it("a tenant's OpenAPI document names its prefix as the server, / redirects to its Swagger page, which loads its document", async () => {
    const doc = (await (await fetch(`${mock.url}/t/doc-a/openapi.json`)).json()) as { servers?: { url: string }[]; info: { description: string } }
    expect(doc.servers?.[0]?.url).toBe('/t/doc-a')
    expect(doc.info.description).toContain('/t/doc-a/__control/openapi.json')
    const root = (await (await fetch(`${mock.url}/openapi.json`)).json()) as { servers?: unknown }
    expect(root.servers).toBeUndefined()
    const home = await fetch(`${mock.url}/t/doc-a/`, { redirect: 'manual' })
    expect(home.headers.get('location')).toBe('/t/doc-a/swagger')
    expect((await fetch(`${mock.url}/t/doc-a/swagger`)).status).toBe(200)
    const script = await (await fetch(`${mock.url}/t/doc-a/swagger/init.js`)).text()
    expect(script).toContain("url: base + '/openapi.json'")
  })

  it("a tenant's control index links stay in the tenant", async () => {
    const index = (await (await fetch(`${mock.url}/t/idx-a/__control`)).json()) as { links: { openapi: string }; endpoints: { href: string }[] }
    expect(index.links.openapi).toBe(`${mock.url}/t/idx-a/__control/openapi.json`)
    expect(index.endpoints.length).toBeGreaterThan(5)
    for (const endpoint of index.endpoints) expect(endpoint.href.startsWith(`${mock.url}/t/idx-a/__control`)).toBe(true)
    const root = (await (await fetch(`${mock.url}/__control`)).json()) as { links: { openapi: string } }
    expect(root.links.openapi).toBe(`${mock.url}/__control/openapi.json`)
  })

  it('mock.tenant() refuses a bad name, and without tenants it says what to turn on', async () => {
    expect(() => mock.tenant('no spaces')).toThrow(/tenant name is 1 to 64/)
    const plain = await startMock({ profile: 'vro-7.1' })
    try {
      expect(() => plain.tenant('a')).toThrow(/tenants: true/)
      // Without tenants the prefix is just an unknown path, and the header means nothing.
      expect((await fetch(`${plain.url}/t/a/api/token`, { method: 'POST' })).status).toBe(404)
      const viaHeader = await urlSteps(plain.url).token('grant_type=password&username=administrator&password=Password1', { 'x-mock-tenant': 'a' })
      expect(viaHeader.status).toBe(200)
    } finally {
      await plain.close()
    }
  })
})

describe('tenants: cap and eviction', () => {
  it('beyond the cap a new tenant gets 503 in the profile error model with Retry-After; live tenants keep working', async () => {
    const capped = await startMock({ profile: 'vbr-12', tenants: { max: 2 } })
    try {
      const steps = (t: string) => urlSteps(`${capped.url}/t/${t}`)
      const form = 'grant_type=password&username=administrator&password=Password1'
      const headers = { 'x-api-version': '1.1-rev0' }
      expect((await fetch(`${capped.url}/t/one/api/oauth2/token`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: form })).status).toBe(200)
      expect((await steps('two').control('GET', '/clock')).status).toBe(200)
      const third = await fetch(`${capped.url}/t/three/api/oauth2/token`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: form })
      expect(third.status).toBe(503)
      expect(third.headers.get('retry-after')).toBe('60')
      // VBR's Error model: errorCode, message, resourceId.
      expect(await third.json()).toMatchObject({ errorCode: 'ServiceUnavailable', message: expect.stringContaining('All 2 tenant slots') })
      expect((await steps('one').control('GET', '/clock')).status).toBe(200)
      expect(() => capped.tenant('four')).toThrow(/All 2 tenant slots/)
    } finally {
      await capped.close()
    }
  })

  it('an idle tenant is dropped with its state, and the default tenant journal says so', async () => {
    const idle = await startMock({ profile: 'vro-7.1', tenants: { idleMs: 200 } })
    try {
      const a = (await (await urlSteps(`${idle.url}/t/sleepy`).password()).json()) as Tokens
      expect((await urlSteps(`${idle.url}/t/sleepy`).clients(a.access_token)).status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 400))
      // Any tenant request sweeps; sleepy comes back empty, its token unknown.
      expect((await urlSteps(`${idle.url}/t/sleepy`).clients(a.access_token)).status).toBe(401)
      const events = idle.requests().filter((e) => e.event !== undefined)
      expect(events).toEqual([expect.objectContaining({ method: '-', path: '/t/sleepy', status: 0, event: expect.stringMatching(/^tenant sleepy evicted after \d+ s idle$/) })])
    } finally {
      await idle.close()
    }
  })
})
