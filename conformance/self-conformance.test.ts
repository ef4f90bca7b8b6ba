/** @module The suite against the mock: the faithful mock passes everything with --strict; each quirk is caught by the check aimed at it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QuirkName } from '../src/engine/quirks.js'
import { QUIRKS } from '../src/engine/quirks.js'
import { runConformance, type RunOptions } from './run.js'
import { ACCOUNTS, accountsOf, AIMED, NOT_ON_VRO, startMock } from './test-support.js'
import { textReport } from './report-text.js'

const HTTP = { timeoutMs: 10_000, insecure: false }
/** Rules of other products (VBR's version header, TokenModel dates, authorization code; VB365's antiforgery, Veeam ONE's revoke): skipped on vro-7.1, and only they. */
const NOT_VRO = NOT_ON_VRO
const options = (target: string, more: Partial<RunOptions> = {}): RunOptions => ({ target, profile: 'vro-7.1', accounts: ACCOUNTS, http: HTTP, ...more })

describe('the faithful mock', () => {
  let mock: Awaited<ReturnType<typeof startMock>>
  beforeAll(async () => {
    // With its control API, so the time checks run too (without it they are skipped).
    mock = await startMock([], undefined, 'vro-7.1', { control: true })
  })
  afterAll(() => mock.close())

  it('passes every check with --strict: exit 0, 0 failures, 0 warnings, only the VBR rules vro-7.1 lacks skipped, nothing left behind', async () => {
    const run = await runConformance(options(mock.url, { strict: true }))
    const problems = run.results.filter((r) => r.outcome !== 'passed' && !(r.outcome === 'skipped' && NOT_VRO.includes(r.id)))
    expect(problems).toEqual([])
    expect(run.exitCode).toBe(0)
    expect(run.summary.failed + run.summary.warnings).toBe(0)
    expect(run.results.filter((r) => r.outcome === 'skipped').map((r) => r.id).sort()).toEqual([...NOT_VRO].sort())
    expect(run.leftBehind).toEqual([])
    expect(mock.state.store.clientCount).toBe(0)
    // Sessions of deleted clients stay in the index until they expire, but nothing can use them.
    const live = mock.state.store.sessions(Date.now()).filter((s) => s.principal.kind === 'user' || mock.state.store.getClient(s.principal.clientId))
    expect(live).toEqual([])
  })

  it('without the second and unprivileged accounts skips exactly their checks', async () => {
    const run = await runConformance(options(mock.url, { accounts: { user: ACCOUNTS.user } }))
    expect(run.exitCode).toBe(0)
    expect(run.results.filter((r) => r.outcome === 'skipped').map((r) => r.id).sort()).toEqual([
      'other-users-client-is-404', 'unprivileged-account-is-invalid-grant', 'unprivileged-account-refused',
      'user-cannot-delete-other-users-client', 'users-see-only-own-clients', ...NOT_VRO,
    ].sort())
  })

  it('--only runs just the matching checks', async () => {
    const run = await runConformance(options(mock.url, { only: 'client-*-sibling' }))
    expect(run.results.map((r) => r.id)).toEqual(['client-cannot-delete-sibling'])
    expect(run.exitCode).toBe(0)
  })

  it('a baseline entry for a passing check fails the run as stale', async () => {
    const run = await runConformance(options(mock.url, { only: 'bare-username', baseline: ['bare-username-accepted'] }))
    expect(run.exitCode).toBe(1)
    expect(run.results[0]).toMatchObject({ id: 'bare-username-accepted', outcome: 'failed', note: expect.stringContaining('stale baseline') })
  })

  it('a wrong primary password is "could not run" (exit 2) with nothing run', async () => {
    const run = await runConformance(options(mock.url, { accounts: { user: { ...ACCOUNTS.user, password: 'nope-wrong' } } }))
    expect(run.exitCode).toBe(2)
    expect(run.error).toMatch(/^primary login as vdro\\administrator refused: 400 /)
    expect(run.error).not.toContain('nope-wrong')
    expect(run.results).toEqual([])
  })
})

describe('an interrupted run (SIGINT)', () => {
  it('stops, cleans up everything it created, and exits 2', async () => {
    const controller = new AbortController()
    let requests = 0
    // Interrupt in the middle of the clients scenario, when client accounts exist.
    const mock = await startMock([], () => {
      if (++requests === 30) controller.abort()
    })
    try {
      const run = await runConformance(options(mock.url, { signal: controller.signal }))
      expect(run).toMatchObject({ exitCode: 2, interrupted: true, leftBehind: [] })
      expect(run.results.length).toBeGreaterThan(0)
      expect(mock.state.store.clientCount).toBe(0)
    } finally {
      await mock.close()
    }
  })
})

describe('each quirk is caught by the check aimed at its rule', () => {
  const names = Object.keys(QUIRKS) as QuirkName[]
  let runs: Map<QuirkName, Awaited<ReturnType<typeof runConformance>>>

  beforeAll(async () => {
    // One mock per quirk, four at a time: all at once, two cores answer slowly enough to time requests out.
    const queue = [...names]
    const done: (readonly [QuirkName, Awaited<ReturnType<typeof runConformance>>])[] = []
    const worker = async () => {
      for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
        const profile = AIMED[name].profile ?? 'vro-7.1'
        const mock = await startMock([name], undefined, profile, AIMED[name].mock)
        try {
          const more = { strict: AIMED[name].strict === true, profile, accounts: accountsOf(profile), ...AIMED[name].run }
          done.push([name, await runConformance(options(mock.url, more))] as const)
        } finally {
          await mock.close()
        }
      }
    }
    await Promise.all([worker(), worker(), worker(), worker()])
    runs = new Map(done)
  }, 120_000)

  it('there are at least 12 quirks', () => {
    expect(names.length).toBeGreaterThanOrEqual(12)
  })

  it.each(names)('%s: exit 1, the aimed check failed, nothing left behind', (name) => {
    const run = runs.get(name)!
    const failed = run.results.filter((r) => r.outcome === 'failed').map((r) => r.id)
    expect(failed, run.error).toContain(AIMED[name].check)
    expect(run.exitCode).toBe(1)
    expect(run.leftBehind).toEqual([])
  })

  it('reports redact secrets: no password, and a leaked client secret shows as a placeholder', () => {
    const run = runs.get('create-response-camel-case')!
    const text = textReport(run, 'header').join('\n')
    expect(text).not.toContain('Password1')
    expect(text).toContain('"clientSecret":"<clientSecret>"')
    expect(text).toContain('-H "Authorization: Bearer $ACCESS_TOKEN"')
    const login = textReport(runs.get('bare-username-refused')!, 'header').join('\n')
    expect(login).toContain(`--data-urlencode 'username=administrator' --data-urlencode "password=$VEEAM_PASSWORD"`)
    expect(login).not.toContain('Password1')
  })

  it('an assumption the target does not share is an observation without --strict: not a warning, exit 0', async () => {
    const mock = await startMock(['refresh-token-reusable'])
    try {
      const run = await runConformance(options(mock.url))
      expect(run.results.find((r) => r.id === 'used-refresh-token-refused')).toMatchObject({ severity: 'INFO', outcome: 'observed' })
      expect(run.summary).toMatchObject({ failed: 0, warnings: 0, observed: 1 })
      expect(run.exitCode).toBe(0)
      const text = textReport(run, 'header').join('\n')
      expect(text).toContain('NOTE  INFO   used-refresh-token-refused')
      expect(text).toContain('observations: 1 (INFO:')
    } finally {
      await mock.close()
    }
  })

  it('a baselined known failure is a warning and the run passes', async () => {
    const mock = await startMock(['clients-can-create-clients'])
    try {
      const run = await runConformance(options(mock.url, { baseline: ['client-cannot-create-client'] }))
      expect(run.results.find((r) => r.id === 'client-cannot-create-client')).toMatchObject({ outcome: 'warning', note: 'known failure (baseline)' })
      expect(run.exitCode).toBe(0)
    } finally {
      await mock.close()
    }
  })
})
