/** @module --compare over real sockets: two faithful mocks agree; a quirk on one shows as exactly the check aimed at it; the report and the CLI carry it. */
import { spawn } from 'node:child_process'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { QuirkName } from '../src/engine/quirks.js'
import { compareResults, compareTargets } from './compare.js'
import { HELP, parseOptions } from './options.js'
import type { CheckResult } from './context.js'
import { sameShape, shapeOf, type Shape } from './shape.js'
import { docPage } from '../test/support/doc-page.js'
import { ACCOUNTS, AIMED, startMock } from './test-support.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const http = { timeoutMs: 5000, insecure: false }
const options = (target: string, strict = false) => ({ target, profile: 'vro-7.1', accounts: ACCOUNTS, http, strict })

const DOC = docPage('docs/conformance.md')

function cli(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'conformance/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, VEEAM_PASSWORD: 'Password1' } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}

describe('body shapes', () => {
  it('keep keys and types, drop values; an empty list matches any list, a wrapped one does not', () => {
    expect(shapeOf({ b: 'x', a: [1, 2, 'y'], c: null })).toEqual({ a: ['number', 'string'], b: 'string', c: 'null' })
    expect(sameShape(shapeOf({ access_token: 'one', expires_in: 1 }), shapeOf({ expires_in: 900, access_token: 'two' }))).toBe(true)
    expect(sameShape(shapeOf([]), shapeOf(['id']))).toBe(true)
    expect(sameShape(shapeOf(['id']), shapeOf({ items: ['id'] }))).toBe(false)
    expect(sameShape(shapeOf({ expires_in: 900 }), shapeOf({ expires_in: '900' }))).toBe(false)
    expect(sameShape(shapeOf({ a: 1 }), shapeOf({ a: 1, b: 1 }))).toBe(false)
  })
})

describe('the flag', () => {
  it('--compare takes an http(s) URL, and --help documents it with its exit codes', () => {
    const base = ['--target', 'http://127.0.0.1:9898', '--profile', 'vro-7.1', '--username', 'u', '--password', 'p']
    const parsed = parseOptions([...base, '--compare', 'http://127.0.0.1:9899'], {})
    expect(parsed !== 'help' && parsed.compare).toBe('http://127.0.0.1:9899')
    const without = parseOptions(base, {})
    expect(without !== 'help' && 'compare' in without).toBe(false)
    expect(() => parseOptions([...base, '--compare', 'ftp://x'], {})).toThrow('--compare ftp://x is not an http(s) URL')
    expect(HELP).toContain('  --compare URL                 then run the same scenarios against URL')
    expect(HELP).toContain('With --compare: 0 no difference; 1 a check differs; 2 either target could not run.')
  })
})

describe('pairing results by check id', () => {
  const result = (id: string, more: Partial<CheckResult>): CheckResult => ({ id, scenario: 'token', severity: 'MUST', cite: '', outcome: 'passed', ...more })
  it('names each field that differs, a check run on one side only, and treats two skips as alike', () => {
    const seen = { status: 200, body: { a: 'string' }, headers: { 'cache-control': 'no-store' } }
    const { alike, differences } = compareResults(
      [result('same', { seen }), result('header', { seen }), result('only-here', {}), result('skipped', { outcome: 'skipped', note: 'x' })],
      [result('same', { seen }), result('header', { seen: { ...seen, headers: {} } }), result('skipped', { outcome: 'skipped', note: 'y' })],
    )
    expect(alike).toBe(2)
    expect(differences).toEqual([
      { id: 'header', scenario: 'token', fields: [{ field: 'cache-control', target: 'no-store', compare: '(none)' }] },
      { id: 'only-here', scenario: 'token', fields: [{ field: 'outcome', target: 'passed', compare: 'not run' }] },
    ])
  })
})

describe('two mocks of one profile', () => {
  let a: Awaited<ReturnType<typeof startMock>>
  let b: Awaited<ReturnType<typeof startMock>>
  beforeAll(async () => {
    a = await startMock([], undefined, 'vro-7.1', { control: true })
    b = await startMock([], undefined, 'vro-7.1', { control: true })
  })
  afterAll(async () => {
    await a.close()
    await b.close()
  })

  it('faithful and faithful: no difference, exit 0, the time checks run on both', async () => {
    const { run, other, comparison } = await compareTargets(options(a.url, true), b.url)
    expect(comparison.differences).toEqual([])
    expect(comparison.exitCode).toBe(0)
    expect(comparison.alike).toBe(run.results.length)
    expect(other?.results.map((r) => r.id)).toEqual(run.results.map((r) => r.id))
    expect(run.results.find((r) => r.id === 'access-token-expires-after-lifetime')?.outcome).toBe('passed')
    // Passes carry a shape to compare, never a value.
    const token = run.results.find((r) => r.id === 'password-grant-returns-token')!
    expect(token.seen).toMatchObject({ status: 200, body: { access_token: 'string', expires_in: 'number' } })
    const leaves = (shape: Shape): string[] => (typeof shape === 'string' ? [shape] : Object.values(shape).flatMap(leaves))
    const all = run.results.flatMap((r) => (r.seen === undefined ? [] : leaves(r.seen.body)))
    expect(all.length).toBeGreaterThan(100)
    expect(new Set(all)).toEqual(new Set(['string', 'number', '(empty)']))
  })

  it('without a control API on the second, the time checks are skipped on both, and that is no difference', async () => {
    const plain = await startMock()
    try {
      const { run, comparison } = await compareTargets(options(a.url), plain.url)
      expect(comparison.exitCode).toBe(0)
      const time = run.results.filter((r) => r.scenario === 'time')
      expect(time.map((r) => r.outcome)).toEqual(['skipped', 'skipped', 'skipped', 'skipped'])
      expect(time[0]?.note).toMatch(/^run on both targets or neither: --compare has none/)
    } finally {
      await plain.close()
    }
  })

  // Three quirks of three scenarios whose broken answer no other check judges: the comparison is the aimed check alone.
  for (const quirk of ['refresh-token-reusable', 'client-sees-sibling-ids', 'bare-username-refused'] as QuirkName[]) {
    const aim = AIMED[quirk]
    it(`faithful and ${quirk}: exactly ${aim.check} differs, exit 1`, async () => {
      const quirky = await startMock([quirk], undefined, 'vro-7.1', { control: true })
      try {
        const { comparison } = await compareTargets(options(a.url, aim.strict === true), quirky.url)
        expect(comparison.differences.map((d) => d.id)).toEqual([aim.check])
        expect(comparison.differences[0]!.fields[0]).toMatchObject({ field: 'outcome', target: 'passed' })
        expect(comparison.exitCode).toBe(1)
      } finally {
        await quirky.close()
      }
    })
  }

  it('every vro-7.1 quirk: its aimed check is among the differences', async () => {
    for (const [quirk, aim] of Object.entries(AIMED)) {
      if (aim.profile !== undefined) continue
      const quirky = await startMock([quirk as QuirkName], undefined, 'vro-7.1', { control: true })
      try {
        const { comparison } = await compareTargets(options(a.url, aim.strict === true), quirky.url)
        expect(comparison.differences.map((d) => d.id), quirk).toContain(aim.check)
      } finally {
        await quirky.close()
      }
    }
  }, 120_000)

  it('the CLI: a quirk on the second prints the difference and its fields, writes the comparison to the JSON report, exit 1', async () => {
    const quirky = await startMock(['logout-returns-200'], undefined, 'vro-7.1', { control: true })
    try {
      const file = join(mkdtempSync(join(tmpdir(), 'conformance-compare-')), 'report.json')
      const { code, stdout, stderr } = await cli(['--target', a.url, '--compare', quirky.url, '--profile', 'vro-7.1', '--username', 'vdro\\administrator', '--report', `json:${file}`])
      expect(stderr).toBe('')
      expect(code).toBe(1)
      expect(stdout).toContain(`comparison with ${quirky.url} (the same scenarios and accounts, run after the target)`)
      expect(stdout).toContain('  DIFF  logout-returns-documented-status  (logout)\n        outcome: PASS (target) / FAIL (compare)\n        status: 204 (target) / 200 (compare)\n')
      expect(stdout.trimEnd().split('\n').at(-1)).toMatch(/^2 checks differ, \d+ alike$/)
      const report = JSON.parse(readFileSync(file, 'utf8'))
      expect(report.exitCode).toBe(1)
      expect(report.comparison.compare).toBe(quirky.url)
      expect(report.comparison.differences.map((d: { id: string }) => d.id)).toEqual(['logout-returns-documented-status', 'success-bodies-match-spec'])
      for (const text of [stdout, JSON.stringify(report)]) expect(text).not.toContain('Password1')
    } finally {
      await quirky.close()
    }
  })

  it('the CLI: the mock against itself prints "no difference", exit 0; an unreachable --compare is exit 2 with one line', async () => {
    const same = await cli(['--target', a.url, '--compare', a.url, '--profile', 'vro-7.1', '--username', 'vdro\\administrator'])
    expect(same.stderr).toBe('')
    const said = /the last line is `(no difference: \d+ checks alike)`/.exec(DOC.text)?.[1]
    expect(same.stdout.trimEnd().split('\n').at(-1)).toBe(said)
    expect(same.code).toBe(0)
    const gone = await startMock()
    const url = gone.url
    await gone.close()
    const broken = await cli(['--target', a.url, '--compare', url, '--profile', 'vro-7.1', '--username', 'vdro\\administrator'])
    expect(broken.code).toBe(2)
    expect(broken.stderr).toMatch(new RegExp(`^conformance: could not run: --compare: target unreachable: POST ${url}/api/token: ECONNREFUSED .*\\n$`))
  })

  it('a bad --compare URL is a usage error: exit 2 with one line', async () => {
    const { code, stdout, stderr } = await cli(['--target', a.url, '--compare', 'mock', '--profile', 'vro-7.1', '--username', 'u'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe('conformance: --compare mock is not an http(s) URL\n')
  })

  it('docs/conformance.md: the --compare example, run as written (its mocks on free ports), prints the comparison the page shows', async () => {
    const lines = DOC.between('<!-- compare:example -->', '```\n\n').replace(/^```bash\n/, '').trim().split('\n')
    const [first, second, command] = lines as [string, string, string]
    expect([first, lines.length]).toEqual(['npm start -- --port 9898 &', 3])
    const quirks = [...second.matchAll(/--quirk (\S+)/g)].map((m) => m[1] as QuirkName)
    const prefix = 'VEEAM_PASSWORD=Password1 npm run conformance -- '
    expect(command.startsWith(prefix)).toBe(true)
    const quirky = await startMock(quirks, undefined, 'vro-7.1', { control: true })
    try {
      const ports = { '9898': a.url, '9899': quirky.url }
      const local = (text: string) => text.replace(/http:\/\/127\.0\.0\.1:(9898|9899)/g, (_, port: '9898' | '9899') => ports[port])
      const args = [...command.slice(prefix.length).matchAll(/'([^']*)'|(\S+)/g)].map((m) => local(m[1] ?? m[2]!))
      const { code, stdout } = await cli(args)
      expect(code).toBe(1)
      const shown = local(DOC.between('<!-- compare:output -->', '```\n\n').replace(/^```text\n/, ''))
      expect(stdout.slice(stdout.indexOf('comparison with '))).toBe(shown)
    } finally {
      await quirky.close()
    }
  })
})
