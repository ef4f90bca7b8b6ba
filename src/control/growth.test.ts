import { describe, expect, it } from 'vitest'
import { createMock } from '../create-mock.js'
import { Journal } from './journal.js'
import { appSteps } from './test-helpers.js'

describe('the journal keeps bounded fields', () => {
  it('cuts a 60 KB user name to 256 characters, marked with its length', async () => {
    const mock = createMock({ control: true })
    const s = appSteps(mock.app)
    const name = `vdro\\${'a'.repeat(60_000)}`
    await s.password(name, 'x')
    const [entry] = mock.harness!.journal.list({ operation: 'issueToken' })
    expect(entry!.account).toBe(`${name.slice(0, 256)}…[truncated, ${name.length} chars]`)
    expect(JSON.stringify(entry).length).toBeLessThan(1024)
  })

  it('cuts every field the client chose (path, client id, grant type), and leaves short ones as sent', () => {
    const journal = new Journal(10)
    const long = 'x'.repeat(300)
    journal.add({ at: 0, method: 'POST', path: `/${long}`, grant_type: long, client_id: long, account: 'vdro\\short', status: 400 })
    const [entry] = journal.list()
    for (const field of ['path', 'grant_type', 'client_id'] as const) {
      expect(entry![field]!.startsWith('/'.repeat(field === 'path' ? 1 : 0) + 'x'.repeat(10))).toBe(true)
      expect(entry![field]).toMatch(/…\[truncated, 30[01] chars\]$/)
      expect(entry![field]!.length).toBe(256 + `…[truncated, 30x chars]`.length)
    }
    expect(entry!.account).toBe('vdro\\short')
  })
})

describe('control listings are paginated', () => {
  const mock = createMock({ control: true, accounts: Array.from({ length: 250 }, (_, i) => ({ username: `lab\\u${i}`, password: 'p', role: 'Plan Author' })) })
  const list = (path: string) => mock.app.request(`/__control${path}`)

  it('answers 100 accounts by default, with the total in X-Total-Count', async () => {
    const res = await list('/accounts')
    expect(res.headers.get('x-total-count')).toBe('250')
    const body = (await res.json()) as { username: string }[]
    expect(body).toHaveLength(100)
    expect(body[0]!.username).toBe('lab\\u0')
  })

  it('answers the page that limit and offset ask for', async () => {
    const body = (await (await list('/accounts?limit=20&offset=240')).json()) as { username: string }[]
    expect(body.map((a) => a.username)).toEqual(Array.from({ length: 10 }, (_, i) => `lab\\u${240 + i}`))
  })

  it.each(['limit=0', 'limit=1001', 'limit=ten', 'offset=-1', 'offset=1.5', 'limit='])('refuses ?%s with 400 in the control error shape', async (query) => {
    for (const path of ['/accounts', '/sessions', '/requests', '/stubs']) {
      const res = await list(`${path}?${query}`)
      expect(res.status).toBe(400)
      expect(((await res.json()) as { message: string }).message).toMatch(/^(limit must be an integer from 1 to 1000 \(default 100\)|offset must be a non-negative integer)\.$/)
    }
  })

  it('pages sessions, requests and stubs the same way', async () => {
    const s = appSteps(mock.app)
    for (let i = 0; i < 120; i++) await s.password(`lab\\u${i}`, 'p')
    const sessions = await list('/sessions?limit=5&offset=115')
    expect(sessions.headers.get('x-total-count')).toBe('120')
    expect(((await sessions.json()) as unknown[]).length).toBe(5)
    const requests = await list('/requests?operation=issueToken')
    expect(requests.headers.get('x-total-count')).toBe('120')
    expect(((await requests.json()) as { seq: number }[]).length).toBe(100)
    const later = (await (await list('/requests?since=110&limit=1000')).json()) as { seq: number }[]
    expect(later.map((e) => e.seq)).toEqual(Array.from({ length: 10 }, (_, i) => 111 + i))
    const stubs = await list('/stubs')
    expect(stubs.headers.get('x-total-count')).toBe('0')
    expect(await stubs.json()).toEqual([])
  })
})
