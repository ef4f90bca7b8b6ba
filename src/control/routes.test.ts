import { readFileSync } from 'node:fs'
import { beforeEach, describe, expect, it } from 'vitest'
import { createMock } from '../create-mock.js'
import { fingerprint } from './fingerprint.js'
import { ConnectionDropped } from './intercept.js'
import { CONTROL_SPEC_PATH, controlSpecText } from './spec-file.js'
import { appSteps, type Tokens } from './test-helpers.js'

let mock: ReturnType<typeof createMock>
let s: ReturnType<typeof appSteps>

beforeEach(() => {
  mock = createMock({ control: true })
  s = appSteps(mock.app)
})

const tokens = async () => (await (await s.password()).json()) as Tokens

describe('/__control/clock', () => {
  it('shows the real time by default', async () => {
    const res = await s.control('GET', '/clock')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { now: string; frozen: boolean; offsetMs: number }
    expect(body.frozen).toBe(false)
    expect(body.offsetMs).toBe(0)
  })

  it('sets, freezes and advances', async () => {
    await s.control('POST', '/clock', { freeze: true })
    await s.control('POST', '/clock', { set: '2030-01-01T00:00:00Z' })
    const res = await s.control('POST', '/clock', { advance: '16m' })
    expect(await res.json()).toMatchObject({ now: '2030-01-01T00:16:00.000Z', frozen: true })
  })

  it.each([[{ advance: 'soon' }], [{ set: 'yesterday' }], [{ advance: '1m', freeze: true }], [{}], ['not json']])(
    'answers 400 to %j',
    async (body) => {
      const res = await s.control('POST', '/clock', body)
      expect(res.status).toBe(400)
      expect(await res.json()).toHaveProperty('message')
    },
  )

  it('expires an access token after 16 minutes: 401, while at 14 minutes it still works', async () => {
    const { access_token } = await tokens()
    await s.control('POST', '/clock', { advance: '14m' })
    expect((await s.clients(access_token)).status).toBe(200)
    await s.control('POST', '/clock', { advance: '2m' })
    expect((await s.clients(access_token)).status).toBe(401)
  })

  it('expires a refresh token after 2 hours', async () => {
    const { refresh_token } = await tokens()
    await s.control('POST', '/clock', { advance: '121m' })
    expect(await (await s.refresh(refresh_token)).json()).toMatchObject({ error: 'invalid_grant' })
  })

  it('computes expiry of a new token from the virtual clock (expires_in 899 for a 15-minute token)', async () => {
    await s.control('POST', '/clock', { freeze: true })
    await s.control('POST', '/clock', { set: '2030-01-01T00:00:00Z' })
    const { expires_in, access_token } = await tokens()
    expect(expires_in).toBe(899)
    const [session] = (await (await s.control('GET', '/sessions')).json()) as { id: string; access_expires_at: string }[]
    expect(session).toMatchObject({ id: fingerprint(access_token), access_expires_at: '2030-01-01T00:15:00.000Z' })
  })
})

describe('/__control/faults', () => {
  it('answers a refresh with 429 + Retry-After once; the intercepted refresh token still works afterwards', async () => {
    const { refresh_token } = await tokens()
    const added = await s.control('POST', '/faults', {
      operation: 'issueToken',
      grantType: 'refresh_token',
      respond: { status: 429, headers: { 'retry-after': '2' } },
    })
    expect(added.status).toBe(201)
    expect(await added.json()).toMatchObject({ id: 1, times: 1, remaining: 1 })
    const faulted = await s.refresh(refresh_token)
    expect(faulted.status).toBe(429)
    expect(faulted.headers.get('retry-after')).toBe('2')
    expect((await s.refresh(refresh_token)).status).toBe(200)
  })

  it('answers invalid_grant on the next refresh, without using up the token', async () => {
    const { refresh_token } = await tokens()
    const body = { error: 'invalid_grant', error_description: 'injected' }
    await s.control('POST', '/faults', { grantType: 'refresh_token', respond: { status: 400, body } })
    const faulted = await s.refresh(refresh_token)
    expect(faulted.status).toBe(400)
    expect(faulted.headers.get('content-type')).toBe('application/json')
    expect(await faulted.json()).toEqual(body)
    expect((await s.refresh(refresh_token)).status).toBe(200)
  })

  it('applies `times` matching requests and leaves others alone', async () => {
    await s.control('POST', '/faults', { account: 'VDRO\\planauthor', respond: { status: 503 }, times: 2 })
    expect((await s.password()).status).toBe(200)
    expect((await s.password('vdro\\planauthor')).status).toBe(503)
    expect((await s.password('vdro\\planauthor')).status).toBe(503)
    expect((await s.password('vdro\\planauthor')).status).toBe(200)
  })

  it('matches by path and by operation', async () => {
    await s.control('POST', '/faults', { path: '/api/v7.1/Clients', respond: { status: 502 } })
    await s.control('POST', '/faults', { operation: 'issueToken', respond: { status: 500 } })
    expect((await s.password()).status).toBe(500)
    const { access_token } = await tokens()
    expect((await s.clients(access_token)).status).toBe(502)
  })

  it('matches the account behind a bearer token on resource routes', async () => {
    const admin = await tokens()
    const author = (await (await s.password('vdro\\planauthor')).json()) as Tokens
    await s.control('POST', '/faults', { operation: 'listClients', account: 'vdro\\planauthor', respond: { status: 503 } })
    expect((await s.clients(admin.access_token)).status).toBe(200)
    expect((await s.clients(author.access_token)).status).toBe(503)
  })

  it('drops the connection: in-process the request rejects, and nothing changed', async () => {
    const { refresh_token } = await tokens()
    await s.control('POST', '/faults', { grantType: 'refresh_token', drop: true })
    await expect(s.refresh(refresh_token)).rejects.toBeInstanceOf(ConnectionDropped)
    expect((await s.refresh(refresh_token)).status).toBe(200)
  })

  it('delays, then handles for real (the journal names the fault)', async () => {
    await s.control('POST', '/faults', { operation: 'issueToken', delayMs: 1 })
    expect((await s.password()).status).toBe(200)
    const [entry] = (await (await s.control('GET', '/requests')).json()) as { fault?: number; status: number }[]
    expect(entry).toMatchObject({ fault: 1, status: 200 })
  })

  it('lists and clears', async () => {
    await s.control('POST', '/faults', { respond: { status: 503 }, times: 3 })
    expect(await (await s.control('GET', '/faults')).json()).toEqual([
      { respond: { status: 503 }, times: 3, id: 1, remaining: 3 },
    ])
    expect((await s.control('DELETE', '/faults')).status).toBe(204)
    expect(await (await s.control('GET', '/faults')).json()).toEqual([])
    expect((await s.password()).status).toBe(200)
  })

  it.each([[{ operation: 'issueToken' }], [{ respond: { status: 99 } }], [{ drop: true, times: 0 }], [{ drop: true, nope: 1 }]])(
    'refuses %j with 400',
    async (rule) => expect((await s.control('POST', '/faults', rule)).status).toBe(400),
  )
})

describe('/__control/requests', () => {
  it('journals what clients sent, with tokens as fingerprints and no password or secret', async () => {
    const first = await tokens()
    const second = (await (await s.refresh(first.refresh_token)).json()) as Tokens
    await s.clients(second.access_token)
    const res = await s.control('GET', '/requests')
    const entries = (await res.json()) as Record<string, unknown>[]
    expect(entries.map(({ time: _t, ...rest }) => rest)).toEqual([
      {
        seq: 1, method: 'POST', path: '/api/token', status: 200, operation: 'issueToken', grant_type: 'password',
        account: 'vdro\\administrator',
        issued: { access_token: fingerprint(first.access_token), refresh_token: fingerprint(first.refresh_token) },
      },
      {
        seq: 2, method: 'POST', path: '/api/token', status: 200, operation: 'issueToken', grant_type: 'refresh_token',
        refresh_token: fingerprint(first.refresh_token),
        issued: { access_token: fingerprint(second.access_token), refresh_token: fingerprint(second.refresh_token) },
      },
      {
        seq: 3, method: 'GET', path: '/api/v7.1/Clients', status: 200, operation: 'listClients',
        access_token: fingerprint(second.access_token), account: 'vdro\\administrator',
      },
    ])
    const text = JSON.stringify(entries)
    expect(text).not.toContain('Password1')
    expect(text).not.toContain(first.refresh_token)
    expect(text).not.toContain(second.access_token)
  })

  it('records the client id of client_credentials (never the secret)', async () => {
    const { access_token } = await tokens()
    const created = (await (await s.clients(access_token, 'POST')).json()) as { client_id: string; client_secret: string }
    const body = `grant_type=client_credentials&client_id=${created.client_id}&client_secret=${encodeURIComponent(created.client_secret)}`
    expect((await s.token(body)).status).toBe(200)
    const text = await (await s.control('GET', '/requests?operation=issueToken')).text()
    expect(text).toContain(`"client_id":"${created.client_id}"`)
    expect(text).not.toContain(created.client_secret.slice(40))
  })

  it('filters by operation and since, and DELETE clears', async () => {
    await tokens()
    await s.clients('nope')
    const ops = (await (await s.control('GET', '/requests?operation=listClients')).json()) as { seq: number }[]
    expect(ops.map((e) => e.seq)).toEqual([2])
    expect(((await (await s.control('GET', '/requests?since=1')).json()) as unknown[]).length).toBe(1)
    expect(((await (await s.control('GET', '/requests?since=2999-01-01T00:00:00Z')).json()) as unknown[]).length).toBe(0)
    expect((await s.control('GET', '/requests?since=later')).status).toBe(400)
    expect((await s.control('DELETE', '/requests')).status).toBe(204)
    expect(await (await s.control('GET', '/requests')).json()).toEqual([])
  })

  it('keeps control calls out of the journal', async () => {
    await s.control('GET', '/clock')
    expect(await (await s.control('GET', '/requests')).json()).toEqual([])
  })
})

describe('/__control/accounts', () => {
  it('adds an account that can then get a token', async () => {
    const res = await s.control('POST', '/accounts', { username: 'lab\\ci', password: 'x', role: 'Plan Author' })
    expect(res.status).toBe(201)
    expect(await res.json()).toEqual({ username: 'lab\\ci', role: 'Plan Author', disabled: false })
    expect((await s.password('lab\\ci', 'x')).status).toBe(200)
    const list = (await (await s.control('GET', '/accounts')).json()) as { username: string }[]
    expect(list.map((a) => a.username)).toContain('lab\\ci')
  })

  it('disabling a user stops its existing token and its client at once', async () => {
    const { access_token } = await tokens()
    const client = (await (await s.clients(access_token, 'POST')).json()) as { client_id: string; client_secret: string }
    const clientTokens = (await (
      await s.token(`grant_type=client_credentials&client_id=${client.client_id}&client_secret=${encodeURIComponent(client.client_secret)}`)
    ).json()) as Tokens
    const res = await s.control('PATCH', '/accounts/vdro%5Cadministrator', { disabled: true })
    expect(await res.json()).toEqual({ username: 'vdro\\administrator', role: 'Orchestrator Administrator', disabled: true })
    expect((await s.clients(access_token)).status).toBe(401)
    expect((await s.clients(clientTokens.access_token)).status).toBe(401)
  })

  it('re-roling a user to a role without API rights stops its token', async () => {
    const { access_token } = await tokens()
    await s.control('PATCH', '/accounts/vdro%5Cadministrator', { role: 'Viewer' })
    expect((await s.clients(access_token)).status).toBe(401)
    await s.control('PATCH', '/accounts/vdro%5Cadministrator', { role: 'Plan Author' })
    expect((await s.clients(access_token)).status).toBe(200)
  })

  it('deletes an account; unknown accounts get 404; bad bodies 400', async () => {
    expect((await s.password('vdro\\planauthor')).status).toBe(200)
    expect((await s.control('DELETE', '/accounts/vdro%5Cplanauthor')).status).toBe(204)
    expect(await (await s.password('vdro\\planauthor')).json()).toMatchObject({ error: 'invalid_grant' })
    expect((await s.control('DELETE', '/accounts/vdro%5Cplanauthor')).status).toBe(404)
    expect((await s.control('PATCH', '/accounts/nobody', { disabled: true })).status).toBe(404)
    expect((await s.control('POST', '/accounts', { username: 'a\\b\\c', password: 'x', role: 'Viewer' })).status).toBe(400)
    expect((await s.control('POST', '/accounts', { username: 'x' })).status).toBe(400)
  })
})

describe('/__control/sessions', () => {
  it('lists live sessions and revokes one: both its tokens stop working', async () => {
    const one = await tokens()
    const two = await tokens()
    const list = (await (await s.control('GET', '/sessions')).json()) as { id: string; account: string; kind: string }[]
    expect(list.map((x) => x.id).sort()).toEqual([fingerprint(one.access_token), fingerprint(two.access_token)].sort())
    expect(list[0]).toMatchObject({ kind: 'user', account: 'vdro\\administrator' })
    expect((await s.control('DELETE', `/sessions/${fingerprint(one.access_token)}`)).status).toBe(204)
    expect((await s.clients(one.access_token)).status).toBe(401)
    expect((await s.refresh(one.refresh_token)).status).toBe(400)
    expect((await s.clients(two.access_token)).status).toBe(200)
    expect((await s.control('DELETE', `/sessions/${fingerprint(one.access_token)}`)).status).toBe(404)
  })

  it('revokes every session', async () => {
    const one = await tokens()
    await tokens()
    expect(await (await s.control('DELETE', '/sessions')).json()).toEqual({ count: 2 })
    expect((await s.clients(one.access_token)).status).toBe(401)
  })
})

describe('/__control/reset', () => {
  it('restores fixtures, removes clients and sessions, puts the clock back, clears faults and journal', async () => {
    const { access_token } = await tokens()
    await s.clients(access_token, 'POST')
    await s.control('DELETE', '/accounts/vdro%5Cviewer')
    await s.control('POST', '/accounts', { username: 'lab\\ci', password: 'x', role: 'Viewer' })
    await s.control('POST', '/clock', { advance: '1d' })
    await s.control('POST', '/faults', { path: '/nowhere', respond: { status: 500 } })
    const res = await s.control('POST', '/reset')
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ frozen: false, offsetMs: 0 })
    expect(mock.state.store.clientCount).toBe(0)
    expect(await (await s.control('GET', '/sessions')).json()).toEqual([])
    expect(await (await s.control('GET', '/faults')).json()).toEqual([])
    expect(await (await s.control('GET', '/requests')).json()).toEqual([])
    const names = ((await (await s.control('GET', '/accounts')).json()) as { username: string }[]).map((a) => a.username)
    expect(names.sort()).toEqual(['vdro\\administrator', 'vdro\\planauthor', 'vdro\\planoperator', 'vdro\\viewer'])
    expect((await s.clients(access_token)).status).toBe(401)
  })

  it('restarts the token sequence when a token seed is set', async () => {
    mock = createMock({ control: true, tokenSeed: 'ci' })
    s = appSteps(mock.app)
    const before = await tokens()
    await s.control('POST', '/reset')
    const after = await tokens()
    expect(after.access_token).toBe(before.access_token)
    const other = createMock({ control: true, tokenSeed: 'ci' })
    const again = (await (await appSteps(other.app).password()).json()) as Tokens
    expect(again.refresh_token).toBe(before.refresh_token)
  })
})

describe('control API safety and documents', () => {
  it('is absent unless enabled', async () => {
    const plain = createMock()
    expect((await plain.app.request('/__control/clock')).status).toBe(404)
    expect(plain.harness).toBeUndefined()
  })

  it('requires the bearer token when one is set', async () => {
    const guarded = appSteps(createMock({ control: { token: 't0ken' } }).app)
    expect((await guarded.control('GET', '/clock')).status).toBe(401)
    expect((await guarded.control('GET', '/clock', undefined, { authorization: 'Bearer wrong' })).status).toBe(401)
    expect((await guarded.control('GET', '/clock', undefined, { authorization: 'Bearer t0ken' })).status).toBe(200)
  })

  it('keeps the control API out of the vendor document (only the description links it)', async () => {
    const document = (await (await mock.app.request('/openapi.json')).json()) as { paths: object; components: object; info: { description: string } }
    expect(JSON.stringify([document.paths, document.components])).not.toContain('__control')
    expect(Object.keys(document.paths).every((path) => !path.startsWith('/__control'))).toBe(true)
    expect(document.info.description).toContain('[/__control/openapi.json](/__control/openapi.json)')
  })

  it('serves its own document, the one committed in spec/control.openapi.json', async () => {
    const served = await (await s.control('GET', '/openapi.json')).json()
    const committed = readFileSync(CONTROL_SPEC_PATH, 'utf8')
    expect(controlSpecText()).toBe(committed)
    expect(served).toEqual(JSON.parse(committed))
    const doc = served as { paths: Record<string, Record<string, { operationId?: string }>> }
    const ids = Object.values(doc.paths).flatMap((p) => Object.values(p).map((o) => o.operationId))
    expect(ids).toEqual(expect.arrayContaining(['reset', 'getClock', 'changeClock', 'addFault', 'listRequests', 'addAccount', 'revokeSession']))
  })

  it('answers unknown control paths with a JSON 404', async () => {
    const res = await s.control('GET', '/nope')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ message: 'No control resource at GET /__control/nope.' })
  })
})

describe('GET /__control (the index the banner links to)', () => {
  it.each(['', '/'])('/__control%s lists every operation of /__control/openapi.json with a link, and links the document', async (suffix) => {
    const res = await s.control('GET', suffix)
    expect(res.status).toBe(200)
    const index = (await res.json()) as { links: { openapi: string; health: string }; endpoints: { method: string; path: string; href: string; operationId: string }[] }
    const doc = (await (await s.control('GET', '/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId: string }>> }
    const documented = Object.entries(doc.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => `${method.toUpperCase()} ${path} ${op.operationId}`))
    expect(index.endpoints.map((e) => `${e.method} ${e.path} ${e.operationId}`).sort()).toEqual(documented.sort())
    expect(documented).toContain('GET /__control controlIndex')
    expect(index.links.openapi).toBe('http://localhost/__control/openapi.json')
    // Every parameterless GET link answers 200.
    for (const e of index.endpoints.filter((e) => e.method === 'GET' && !e.path.includes('{'))) {
      expect(e.href).toBe(`http://localhost${e.path}`)
      expect((await mock.app.request(e.href)).status, e.href).toBe(200)
    }
  })

  it('needs the control token like the rest, when one is set', async () => {
    const guarded = createMock({ control: { token: 'Tok3n-index' } })
    expect((await guarded.app.request('/__control')).status).toBe(401)
    expect((await guarded.app.request('/__control', { headers: { authorization: 'Bearer Tok3n-index' } })).status).toBe(200)
  })
})
