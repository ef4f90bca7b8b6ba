import { describe, expect, it } from 'vitest'
import { parseServeArgs, type ServeConfig } from '../cli/serve.js'
import { createMock } from '../create-mock.js'
import { findProfile } from '../profiles/index.js'
import { StubRegistry } from './stub-registry.js'
import { StubError } from './stub-schema.js'

const vro71 = findProfile('vro-7.1')!
const many = (count: number) => Array.from({ length: count }, (_, i) => ({ method: 'GET' as const, path: `/s${i}/items/{id}` }))

describe('stubs are capped', () => {
  it('refuses the 1,001st stub by default, at start and at runtime, and adds nothing', () => {
    expect(() => new StubRegistry(vro71, many(1001))).toThrow(new StubError('1001 stubs, more than the 1000 a mock holds (raise it with --max-stubs or maxStubs)'))
    const registry = new StubRegistry(vro71, many(1000))
    expect(() => registry.add({ method: 'GET', path: '/one-more' })).toThrow('the mock holds at most 1000 stubs')
    expect(registry.size).toBe(1000)
  })

  it('replacing a runtime stub does not count as one more; maxStubs raises or lowers the cap', async () => {
    const mock = createMock({ control: true, maxStubs: 2 })
    const add = (path: string, status = 200) =>
      mock.app.request('/__control/stubs', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ method: 'GET', path, status }) })
    expect((await add('/a')).status).toBe(201)
    expect((await add('/b')).status).toBe(201)
    expect((await add('/b', 202)).status).toBe(201)
    const third = await add('/c')
    expect(third.status).toBe(400)
    expect(await third.json()).toEqual({ message: 'the mock holds at most 2 stubs (raise it with --max-stubs or maxStubs); nothing was added' })
    expect(mock.stubs.list().map((s) => [s.path, s.status])).toEqual([['/a', 200], ['/b', 202]])
    expect(createMock({ stubs: many(1500), maxStubs: 1500 }).stubs.size).toBe(1500)
  })

  it('--max-stubs N reaches the mock; --max-stubs 0 is a usage error', async () => {
    expect(((await parseServeArgs(['--max-stubs', '5000'])) as ServeConfig).options.maxStubs).toBe(5000)
    await expect(parseServeArgs(['--max-stubs', '0'])).rejects.toThrow('--max-stubs')
  })
})

describe('stub matching is indexed by literal segments', () => {
  it('with 5,000 stubs, 10,000 lookups of unknown paths take well under a second (each meets only its branch)', () => {
    const registry = new StubRegistry(vro71, many(5000), 5000)
    let found = 0
    const start = performance.now()
    for (let i = 0; i < 10_000; i++) if (registry.match('GET', `/api/v7.1/Unknown/${i}`) !== undefined) found++
    const ms = performance.now() - start
    expect(found).toBe(0)
    // A linear scan runs 50 million template matches here (seconds); the index, a few map lookups each.
    expect(ms).toBeLessThan(250)
    expect(registry.match('GET', '/s4999/items/42')).toMatchObject({ kind: 'stub', params: { id: '42' } })
  })

  it('keeps the precedence rules: most literal segments, then runtime before startup, then order added; 405 across methods', () => {
    const registry = new StubRegistry(vro71, [
      { method: 'GET', path: '/p/{id}', status: 201 },
      { method: 'GET', path: '/p/fixed', status: 202 },
      { method: 'POST', path: '/q/{id}', status: 203 },
    ])
    expect(registry.match('GET', '/p/fixed')).toMatchObject({ kind: 'stub', stub: { status: 202 } })
    expect(registry.match('GET', '/p/other')).toMatchObject({ kind: 'stub', stub: { status: 201 }, params: { id: 'other' } })
    registry.add({ method: 'GET', path: '/p/{name}', status: 204 })
    expect(registry.match('GET', '/p/other')).toMatchObject({ kind: 'stub', stub: { status: 204 }, params: { name: 'other' } })
    expect(registry.match('GET', '/q/1')).toEqual({ kind: 'method-not-allowed', allow: ['POST'] })
    expect(registry.match('GET', '/p/')).toBeUndefined()
    expect(registry.match('GET', '/p/fixed/more')).toBeUndefined()
    registry.clear()
    expect(registry.match('GET', '/p/other')).toMatchObject({ stub: { status: 201 } })
  })
})
