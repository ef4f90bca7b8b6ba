import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { fingerprint } from './control/fingerprint.js'
import { urlSteps, type Tokens } from './control/test-helpers.js'
import { startMock, type RunningMock } from './start-mock.js'

let mock: RunningMock
let s: ReturnType<typeof urlSteps>

beforeAll(async () => {
  mock = await startMock({ profile: 'vro-7.1', port: 0 })
  s = urlSteps(mock.url)
})
afterAll(() => mock.close())
beforeEach(() => mock.reset())

const tokens = async () => (await (await s.password()).json()) as Tokens

/** A client under test: refreshes when the API says 401, as a well-behaved client should. */
async function clientCallsTwice(s: ReturnType<typeof urlSteps>, clock: RunningMock['clock']) {
  let current = (await (await s.password()).json()) as Tokens
  await s.clients(current.access_token)
  await clock.advance('16m')
  if ((await s.clients(current.access_token)).status === 401) {
    current = (await (await s.refresh(current.refresh_token)).json()) as Tokens
    await s.clients(current.access_token)
  }
}

describe('startMock', () => {
  it('serves on 127.0.0.1 on an ephemeral port', async () => {
    expect(mock.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect((await s.password()).status).toBe(200)
  })

  it('clock.advance(16m) makes an access token refused with 401', async () => {
    const { access_token } = await tokens()
    await mock.clock.advance('16m')
    expect((await s.clients(access_token)).status).toBe(401)
    expect(mock.clock.state().offsetMs).toBe(960_000)
  })

  it('faults.add answers 429 with Retry-After, then real behaviour resumes', async () => {
    const { refresh_token } = await tokens()
    const fault = mock.faults.add({
      operation: 'issueToken',
      grantType: 'refresh_token',
      respond: { status: 429, headers: { 'retry-after': '2' } },
    })
    expect(mock.faults.list()).toEqual([{ ...fault }])
    const res = await s.refresh(refresh_token)
    expect([res.status, res.headers.get('retry-after')]).toEqual([429, '2'])
    expect(mock.faults.list()).toEqual([])
    expect((await s.refresh(refresh_token)).status).toBe(200)
  })

  it('a dropped connection makes fetch reject; the refresh token still works afterwards', async () => {
    const { refresh_token } = await tokens()
    mock.faults.add({ grantType: 'refresh_token', drop: true })
    await expect(s.refresh(refresh_token)).rejects.toThrow()
    expect((await s.refresh(refresh_token)).status).toBe(200)
    expect(mock.requests({ operation: 'issueToken' }).map((e) => e.status)).toEqual([200, 0, 200])
  })

  it('faults.clear removes every rule', async () => {
    mock.faults.add({ respond: { status: 503 }, times: 5 })
    mock.faults.clear()
    expect((await s.password()).status).toBe(200)
  })

  it('verifies client behaviour with the journal: refreshed exactly once, never replayed the old refresh token', async () => {
    await clientCallsTwice(s, mock.clock)
    const tokenCalls = mock.requests({ operation: 'issueToken' })
    const refreshes = tokenCalls.filter((e) => e.grant_type === 'refresh_token')
    expect(refreshes).toHaveLength(1)
    const firstIssued = tokenCalls[0]!.issued!.refresh_token
    expect(refreshes[0]!.refresh_token).toBe(firstIssued)
    const later = mock.requests({ since: refreshes[0]!.seq })
    expect(later.filter((e) => e.refresh_token === firstIssued)).toEqual([])
    expect(later.map((e) => [e.operation, e.status])).toEqual([['listClients', 200]])
  })

  it('requests() filters by operation and by seq', async () => {
    await tokens()
    await s.clients('unknown')
    expect(mock.requests().map((e) => e.operation)).toEqual(['issueToken', 'listClients'])
    expect(mock.requests({ operation: 'listClients' })[0]).toMatchObject({ status: 401, access_token: fingerprint('unknown') })
    const [first] = mock.requests()
    expect(mock.requests({ since: first!.seq }).map((e) => e.operation)).toEqual(['listClients'])
  })

  it('accounts: add, update, disable, remove and list', async () => {
    expect(mock.accounts.add({ username: 'lab\\ci', password: 'x', role: 'Plan Author' })).toEqual({
      username: 'lab\\ci',
      role: 'Plan Author',
      disabled: false,
    })
    const { access_token } = (await (await s.password('lab\\ci', 'x')).json()) as Tokens
    expect(mock.accounts.update('lab\\ci', { role: 'Viewer' })).toMatchObject({ role: 'Viewer' })
    expect((await s.clients(access_token)).status).toBe(401)
    mock.accounts.update('lab\\ci', { role: 'Plan Author' })
    expect(mock.accounts.disable('LAB\\CI')).toMatchObject({ disabled: true })
    expect((await s.password('lab\\ci', 'x')).status).toBe(400)
    expect(mock.accounts.remove('lab\\ci')).toBe(true)
    expect(mock.accounts.list().map((a) => a.username)).not.toContain('lab\\ci')
  })

  it('sessions: list and revoke', async () => {
    const { access_token } = await tokens()
    const [session] = mock.sessions.list()
    expect(session!.id).toBe(fingerprint(access_token))
    expect(mock.sessions.revoke(session!.id)).toBe(true)
    expect((await s.clients(access_token)).status).toBe(401)
    expect(mock.sessions.revokeAll()).toBe(0)
  })

  it('reset brings back the fixtures and real time', async () => {
    mock.accounts.remove('vdro\\administrator')
    await mock.clock.advance('1d')
    await mock.reset()
    expect(mock.clock.state()).toMatchObject({ frozen: false, offsetMs: 0 })
    expect((await s.password()).status).toBe(200)
  })

  it('tokenSeed makes tokens reproducible across mocks', async () => {
    const a = await startMock({ tokenSeed: 'snap' })
    const b = await startMock({ tokenSeed: 'snap' })
    try {
      const ta = (await (await urlSteps(a.url).password()).json()) as Tokens
      const tb = (await (await urlSteps(b.url).password()).json()) as Tokens
      expect(ta.access_token).toBe(tb.access_token)
      expect(ta.refresh_token).toBe(tb.refresh_token)
    } finally {
      await a.close()
      await b.close()
    }
  })

  it('refuses a non-loopback host without a control token', async () => {
    await expect(startMock({ host: '0.0.0.0' })).rejects.toThrow(/controlToken/)
  })

  it('close stops the server', async () => {
    const other = await startMock()
    await other.close()
    await expect(fetch(`${other.url}/api/token`)).rejects.toThrow()
  })
})
