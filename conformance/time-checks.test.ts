/** @module The time checks: run through the mock's control API and leave its clock as it was; skipped without it; they catch a wrong lifetime. */
import { afterEach, describe, expect, it } from 'vitest'
import { NO_CONTROL } from './control.js'
import { runConformance, type RunOptions } from './run.js'
import { TIME_CHECKS } from './scenarios/time.js'
import { ACCOUNTS, startMock, NOT_ON_VRO } from './test-support.js'

const HTTP = { timeoutMs: 10_000, insecure: false }
const options = (target: string, more: Partial<RunOptions> = {}): RunOptions => ({ target, profile: 'vro-7.1', accounts: ACCOUNTS, http: HTTP, strict: true, ...more })
const timeResults = (run: Awaited<ReturnType<typeof runConformance>>) => run.results.filter((r) => r.scenario === 'time')

let mock: Awaited<ReturnType<typeof startMock>> | undefined
afterEach(async () => {
  await mock?.close()
  mock = undefined
})

describe('the time checks against the mock with its control API', () => {
  it('all pass, run last, and the running clock is back at its offset', async () => {
    mock = await startMock([], undefined, 'vro-7.1', { control: true })
    mock.harness!.clock.advance('-3m')
    const run = await runConformance(options(mock.url))
    expect(timeResults(run).map((r) => [r.id, r.outcome])).toEqual(TIME_CHECKS.map((id) => [id, 'passed']))
    expect(run.results.slice(-TIME_CHECKS.length).map((r) => r.id)).toEqual(TIME_CHECKS)
    expect(run.exitCode).toBe(0)
    expect(run.leftBehind).toEqual([])
    expect(mock.harness!.clock.state()).toMatchObject({ frozen: false, offsetMs: -180_000 })
  })

  it('a frozen clock is frozen again at the same instant', async () => {
    mock = await startMock([], undefined, 'vro-7.1', { control: true })
    // Freeze first: set-then-freeze on a running clock can land a few ms later on a loaded machine.
    mock.harness!.clock.freeze(true)
    mock.harness!.clock.set('2030-05-01T10:00:00.000Z')
    const run = await runConformance(options(mock.url, { only: 'time' }))
    expect(run.summary).toEqual({ passed: 4, failed: 0, warnings: 0, observed: 0, skipped: 0 })
    expect(mock.harness!.clock.state()).toMatchObject({ now: '2030-05-01T10:00:00.000Z', frozen: true })
  })

  it('an interrupt in the middle of the time checks still sets the clock back', async () => {
    const controller = new AbortController()
    let posts = 0
    // Abort right after the clock is frozen and first advanced (the second POST /__control/clock).
    mock = await startMock([], (entry) => {
      if (entry.method === 'POST' && entry.path === '/__control/clock' && ++posts === 2) controller.abort()
    }, 'vro-7.1', { control: true })
    const run = await runConformance(options(mock.url, { only: 'time', signal: controller.signal }))
    expect(run).toMatchObject({ exitCode: 2, interrupted: true, leftBehind: [] })
    expect(mock.harness!.clock.state()).toMatchObject({ frozen: false, offsetMs: 0 })
  })

  it('with a control token: --control-token is used and never printed; without it the checks are skipped', async () => {
    mock = await startMock([], undefined, 'vro-7.1', { control: { token: 'ctl-secret-42' } })
    const run = await runConformance(options(mock.url, { only: 'time', control: { token: 'ctl-secret-42' } }))
    expect(run.summary).toEqual({ passed: 4, failed: 0, warnings: 0, observed: 0, skipped: 0 })
    expect(JSON.stringify(run)).not.toContain('ctl-secret-42')
    const without = await runConformance(options(mock.url, { only: 'time' }))
    expect(without.results.map((r) => r.outcome)).toEqual(['skipped', 'skipped', 'skipped', 'skipped'])
    expect(without.results[0]!.note).toMatch(/^no control API \(real server\).*answered 401.*--control-token/)
  })

  it('--control names the control API explicitly', async () => {
    mock = await startMock([], undefined, 'vro-7.1', { control: true })
    const run = await runConformance(options(mock.url, { only: 'time', control: { url: `${mock.url}/__control/` } }))
    expect(run.summary.passed).toBe(4)
    const wrong = await runConformance(options(mock.url, { only: 'time', control: { url: `${mock.url}/nowhere` } }))
    expect(wrong.results[0]).toMatchObject({ outcome: 'skipped', note: expect.stringMatching(/^the control API at .*\/nowhere is not usable: GET \/clock answered 404/) })
  })
})

describe('the time checks against a target without a control API', () => {
  it('are skipped with the reason, and the rest of the run is unaffected', async () => {
    mock = await startMock()
    const run = await runConformance(options(mock.url))
    expect(timeResults(run)).toEqual(TIME_CHECKS.map((id) => expect.objectContaining({ id, outcome: 'skipped', note: NO_CONTROL })))
    expect(NO_CONTROL).toBe('no control API (real server): time checks need a controllable clock')
    // The four time checks, and the rules vro-7.1 does not have (other products').
    const others = run.results.filter((r) => r.outcome === 'skipped' && !TIME_CHECKS.includes(r.id))
    expect(others.map((r) => r.id).sort()).toEqual([...NOT_ON_VRO].sort())
    expect(run.summary).toMatchObject({ failed: 0, warnings: 0, skipped: 4 + others.length })
    expect(run.exitCode).toBe(0)
  })
})

describe('the time checks can fail', () => {
  it('a mock whose tokens live an hour while its spec says 15 minutes fails the expiry check', async () => {
    mock = await startMock([], undefined, 'vro-7.1', { control: true, lifetimes: { accessSeconds: 3600 } })
    const run = await runConformance(options(mock.url, { only: 'time' }))
    const byId = new Map(run.results.map((r) => [r.id, r]))
    expect(byId.get('access-token-expires-after-lifetime')).toMatchObject({ outcome: 'failed', expected: '401 901 s after the login' })
    expect(byId.get('access-token-expires-after-lifetime')!.received).toMatch(/^200 /)
    expect(byId.get('expires-in-matches-lifetime')).toMatchObject({ outcome: 'warning', received: 'expires_in 3599' })
    expect(run.exitCode).toBe(1)
    expect(mock.harness!.clock.state()).toMatchObject({ frozen: false, offsetMs: 0 })
  })
})
