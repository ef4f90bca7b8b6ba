/** @module Eight suites at once against one instance, one tenant each (what a CI fleet or vitest's workers do). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { urlSteps, type Tokens } from '../src/control/test-helpers.js'
import { startMock, type RunningMock } from '../src/start-mock.js'
import { runConformance } from './run.js'
import { accountsOf } from './test-support.js'

const HTTP = { timeoutMs: 15_000, insecure: false }
const SUITES = Array.from({ length: 8 }, (_, i) => `suite-${i + 1}`)

let mock: RunningMock
beforeAll(async () => {
  mock = await startMock({ profile: 'vro-7.1', tenants: true })
})
afterAll(() => mock.close())

describe('tenants under the conformance suite', () => {
  it('eight suites at once, one tenant each, all pass with --strict, the time checks included, while the default tenant is reset over and over', async () => {
    let resets = 0
    let running = true
    // Resets elsewhere must not reach the suites' tenants (their clocks, sessions and journals).
    const storm = (async () => {
      while (running) {
        await fetch(`${mock.url}/__control/reset`, { method: 'POST' })
        resets++
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
    })()
    const results = await Promise.all(
      SUITES.map((name) => runConformance({ target: `${mock.url}/t/${name}`, profile: 'vro-7.1', accounts: accountsOf('vro-7.1'), http: HTTP, strict: true })),
    )
    running = false
    await storm
    expect(resets).toBeGreaterThan(0)
    for (const result of results) {
      expect(result.results.filter((r) => r.outcome !== 'passed' && r.outcome !== 'skipped')).toEqual([])
      expect(result.exitCode).toBe(0)
      // The time checks ran: each suite moved its own tenant's clock.
      expect(result.results.filter((r) => r.scenario === 'time').every((r) => r.outcome === 'passed')).toBe(true)
      expect(result.results.filter((r) => r.scenario === 'time').length).toBeGreaterThan(2)
    }
  }, 180_000)

  it('a reset of one tenant leaves the other seven untouched: their sessions, clocks and journals', async () => {
    const tokens = new Map<string, Tokens>()
    for (const name of SUITES) tokens.set(name, (await (await urlSteps(`${mock.url}/t/${name}`).password()).json()) as Tokens)
    await urlSteps(`${mock.url}/t/suite-5`).control('POST', '/clock', { advance: '3m' })
    const journalOf = async (name: string) => ((await (await urlSteps(`${mock.url}/t/${name}`).control('GET', '/requests?limit=1000')).json()) as { seq: number }[]).map((e) => e.seq)
    const before = new Map(await Promise.all(SUITES.map(async (name) => [name, await journalOf(name)] as const)))
    expect((await urlSteps(`${mock.url}/t/suite-1`).control('POST', '/reset')).status).toBe(200)
    expect((await urlSteps(`${mock.url}/t/suite-1`).clients(tokens.get('suite-1')!.access_token)).status).toBe(401)
    expect(await journalOf('suite-1')).toEqual([expect.any(Number)])
    for (const name of SUITES.slice(1)) {
      const journal = await journalOf(name)
      // Every entry from before is still there, in order.
      expect(journal.slice(0, before.get(name)!.length)).toEqual(before.get(name))
      expect((await urlSteps(`${mock.url}/t/${name}`).clients(tokens.get(name)!.access_token)).status).toBe(200)
    }
    expect(mock.tenant('suite-5').clock.state().offsetMs).toBe(180_000)
    expect(mock.tenant('suite-2').clock.state().offsetMs).toBe(0)
  })
})
