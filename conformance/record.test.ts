/**
 * @module --record over real sockets: the mock with quirks that change assumption outcomes (a stand-in for a vendor
 * server) recorded, the recording served by the CLI, the suite --strict against it and --compare with the quirked
 * mock; the docs' example run as written; bad usage refused before any request.
 */
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, describe, expect, it } from 'vitest'
import { startCli } from '../test/support/cli-process.js'
import { docPage } from '../test/support/doc-page.js'
import type { CheckResult } from './context.js'
import { expectedOutcome, observedOutcomes, observedValue } from './outcomes.js'
import type { Promises } from './spec.js'
import { accountsOf, startMock, conformanceCli } from './test-support.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const DOC = docPage('docs/conformance.md')
const README = docPage('README.md')
const dir = mkdtempSync(join(tmpdir(), 'conformance-record-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

const PASSWORDS = { VEEAM_PASSWORD: 'Password1', VEEAM_OTHER_PASSWORD: 'Password1', VEEAM_UNPRIVILEGED_PASSWORD: 'Password1' }
const ACCOUNT_FLAGS = ['--username', 'vdro\\administrator', '--other-username', 'vdro\\planauthor', '--unprivileged-username', 'vdro\\viewer']

const conformance = (args: string[], env: Record<string, string> = PASSWORDS) => conformanceCli(args, env)

/** Starts `npm start`'s CLI with these flags on a free port; `stop` ends it. */
async function serve(flags: string[]): Promise<{ url: string; stop: () => Promise<void> }> {
  const { child, url } = await startCli([...flags, '--port', '0'])
  return { url, stop: () => stop(child) }
}

async function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return
  child.kill('SIGTERM')
  await once(child, 'exit')
}

const lastLine = (text: string) => text.trimEnd().split('\n').at(-1)

describe('--record against a mock standing in for a server that chose otherwise', () => {
  it('six quirks recorded, served, passed with --strict (0 failures) and compared with no difference', async () => {
    const quirks = ['unknown-client-400', 'client-delete-other-404', 'client-create-refused-400', 'refresh-token-reusable', 'logout-keeps-refresh', 'role-refused-unauthorized-client']
    const vendor = await serve(quirks.flatMap((q) => ['--quirk', q]))
    const file = join(dir, 'six.json')
    let recorded: Awaited<ReturnType<typeof serve>> | undefined
    try {
      const record = await conformance(['--target', vendor.url, '--profile', 'vro-7.1', ...ACCOUNT_FLAGS, '--record', file])
      expect(record.stderr).toBe('')
      expect(record.code).toBe(0)
      expect(lastLine(record.stdout)).toBe(`recorded 7 assumption outcomes to ${file} (serve it with --profile ${file})`)
      const text = readFileSync(file, 'utf8')
      expect(JSON.parse(text)).toEqual({
        extends: 'vro-7.1',
        outcomes: {
          'client-create-forbidden-403': 400,
          'client-delete-other-403': 404,
          'unknown-client-404': 400,
          'missing-client-id-400': 400,
          'refresh-rotation': false,
          'logout-revokes-refresh': false,
        },
        errors: { refusals: { 'account-not-allowed': { status: 400, code: 'unauthorized_client' } } },
      })
      expect(text).not.toContain('Password1')

      recorded = await serve(['--profile', file])
      const strict = await conformance(['--target', recorded.url, '--profile', file, ...ACCOUNT_FLAGS, '--strict'])
      expect(strict.stderr).toBe('')
      expect(strict.code).toBe(0)
      expect(lastLine(strict.stdout)).toMatch(/^\d+ passed, 0 failed, 0 warnings, \d+ skipped$/)
      expect(strict.stdout).not.toContain('observations:')

      // The quirked mock holds to the recording as well: both runs pass alike.
      const compared = await conformance(['--target', vendor.url, '--compare', recorded.url, '--profile', file, ...ACCOUNT_FLAGS, '--strict'])
      expect(compared.stderr).toBe('')
      expect(compared.code).toBe(0)
      expect(lastLine(compared.stdout)).toMatch(/^no difference: \d+ checks alike$/)
      // Under the profile's own spec both observe the same deviations, and are still alike.
      const plain = await conformance(['--target', vendor.url, '--compare', recorded.url, '--profile', 'vro-7.1', ...ACCOUNT_FLAGS])
      expect(plain.code).toBe(0)
      expect(plain.stdout).toMatch(/^observations: 7 /m)
      expect(lastLine(plain.stdout)).toMatch(/^no difference: \d+ checks alike$/)
    } finally {
      await vendor.stop()
      await recorded?.stop()
    }
  }, 120_000)

  it('the faithful mock records the defaults; with --profile FILE the recording is that file, outcomes merged', async () => {
    const faithful = await startMock()
    const quirky = await startMock(['unknown-client-400'])
    try {
      const file = join(dir, 'faithful.json')
      const run = await conformance(['--target', faithful.url, '--profile', 'vro-7.1', ...ACCOUNT_FLAGS, '--record', file])
      expect(run.code).toBe(0)
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
        extends: 'vro-7.1',
        outcomes: {
          'client-create-forbidden-403': 403,
          'client-delete-other-403': 403,
          'unknown-client-404': 404,
          'missing-client-id-400': 400,
          'refresh-rotation': true,
          'logout-revokes-refresh': true,
        },
        errors: { refusals: { 'account-not-allowed': { status: 400, code: 'invalid_grant' } } },
      })

      const base = { extends: 'vro-7.1', title: 'A recorded VRO', outcomes: { 'missing-client-id-400': 422, 'unknown-client-404': 410 } }
      const from = join(dir, 'base.json')
      writeFileSync(from, JSON.stringify(base))
      const merged = join(dir, 'merged.json')
      // --only: the clients scenario alone, so only its outcomes are observed.
      const only = await conformance(['--target', quirky.url, '--profile', from, ...ACCOUNT_FLAGS, '--only', 'clients', '--record', merged])
      expect(only.code).toBe(0)
      expect(JSON.parse(readFileSync(merged, 'utf8'))).toEqual({
        extends: 'vro-7.1',
        title: 'A recorded VRO',
        outcomes: { 'missing-client-id-400': 400, 'unknown-client-404': 400, 'client-create-forbidden-403': 403, 'client-delete-other-403': 403 },
      })
    } finally {
      await faithful.close()
      await quirky.close()
    }
  }, 60_000)
})

describe('--record against a profile whose spec does not declare those assumptions', () => {
  it('vbr-12 documents rotation and logout and has its own refusal table: nothing is recorded, the file only extends it', async () => {
    const mock = await startMock([], undefined, 'vbr-12')
    try {
      const { user, other, unprivileged } = accountsOf('vbr-12')
      const file = join(dir, 'vbr.json')
      const flags = ['--username', user.username, '--other-username', other!.username, '--unprivileged-username', unprivileged!.username]
      const env = { VEEAM_PASSWORD: user.password, VEEAM_OTHER_PASSWORD: other!.password, VEEAM_UNPRIVILEGED_PASSWORD: unprivileged!.password }
      const run = await conformance(['--target', mock.url, '--profile', 'vbr-12', ...flags, '--record', file], env)
      expect(run.code).toBe(0)
      expect(lastLine(run.stdout)).toBe(`recorded 0 assumption outcomes to ${file} (serve it with --profile ${file})`)
      expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({ extends: 'vbr-12' })
    } finally {
      await mock.close()
    }
  })
})

describe('bad usage of --record: exit 2 with one line, nothing written', () => {
  const base = ['--profile', 'vro-7.1', '--username', 'vdro\\administrator']

  it('an unwritable FILE, an empty one, or a profile file with fixtures stop the run before its first request', async () => {
    const mock = await startMock()
    let requests = 0
    const counting = await startMock([], () => void requests++)
    try {
      const missing = join(dir, 'no-such-folder', 'out.json')
      const unwritable = await conformance(['--target', counting.url, ...base, '--record', missing])
      expect(unwritable).toEqual({ code: 2, stdout: '', stderr: `conformance: --record ${missing} cannot be written (ENOENT)\n` })
      const empty = await conformance(['--target', counting.url, ...base, '--record', ''])
      expect(empty).toEqual({ code: 2, stdout: '', stderr: 'conformance: --record needs a file name\n' })
      const withFixtures = join(dir, 'with-fixtures.json')
      writeFileSync(withFixtures, JSON.stringify({ extends: 'vro-7.1', fixtures: { accounts: [{ username: 'vdro\\x', password: 'Secret-1', role: 'Orchestrator Administrator' }] } }))
      const out = join(dir, 'never.json')
      const fixtures = await conformance(['--target', counting.url, '--profile', withFixtures, '--username', 'vdro\\x', '--record', out], { VEEAM_PASSWORD: 'Secret-1' })
      expect(fixtures.code).toBe(2)
      expect(fixtures.stdout).toBe('')
      expect(fixtures.stderr).toMatch(/^conformance: --record: --profile \S+ has fixtures, which hold passwords a recording must not copy; [^\n]+\n$/)
      expect(fixtures.stderr).not.toContain('Secret-1')
      expect(existsSync(out)).toBe(false)
      expect(requests).toBe(0)
    } finally {
      await mock.close()
      await counting.close()
    }
  })

  it('a run that cannot complete (target unreachable) writes nothing', async () => {
    const gone = await startMock()
    const url = gone.url
    await gone.close()
    const out = join(dir, 'unreachable.json')
    const run = await conformance(['--target', url, ...base, '--record', out])
    expect(run.code).toBe(2)
    expect(run.stderr).toMatch(/^conformance: could not run: target unreachable: /)
    expect(existsSync(out)).toBe(false)
  })

  it('--help documents the flag', async () => {
    const { stdout } = await conformance(['--help'])
    expect(stdout).toContain('  --record FILE                 after the run, write what the target did where the vendor is silent')
  })
})

describe('what a run observed', () => {
  const result = (id: string, status: number | undefined, recorded?: CheckResult['recorded']): CheckResult => ({
    id,
    scenario: 'clients',
    severity: 'INFO',
    cite: '',
    outcome: status === undefined ? 'skipped' : 'passed',
    ...(status !== undefined && { seen: { status, body: '(empty)', headers: {} } }),
    ...(recorded !== undefined && { recorded }),
  })

  it("the suite's defaults, for specs without outcomes, are the mock's: each a spec/ file carries", () => {
    const promises = JSON.parse(readFileSync(join(ROOT, 'spec', 'vro-7.1.openapi.json'), 'utf8'))['x-veeam-auth-mock'] as Promises
    const outcomes = promises.outcomes!
    expect(Object.keys(outcomes)).toHaveLength(6)
    for (const [key, value] of Object.entries(outcomes)) expect(expectedOutcome({ ...promises, outcomes: {} }, key), key).toBe(value)
  })

  it('an answer is an outcome when it is a 4xx (a status, or the token refused) or, for a token, a 2xx (kept)', () => {
    expect([409, 500, 204].map((s) => observedValue('status', s))).toEqual([409, undefined, undefined])
    expect([401, 200, 503, 302].map((s) => observedValue('refused', s))).toEqual([true, false, undefined, undefined])
  })

  it('records outcomes and refusals; leaves out an answer that is none, a skip and checks that disagree', () => {
    const { patch, count, notes } = observedOutcomes([
      result('client-create-refused-with-403', 409, 409),
      result('client-delete-sibling-refused-with-403', 500, null),
      result('user-delete-unknown-client-is-404', 404, 404),
      result('other-users-client-is-404', 400, 400),
      result('used-refresh-token-refused', 200, false),
      result('logged-out-refresh-token-refused', 401, true),
      result('unprivileged-account-is-invalid-grant', 400, { status: 400, code: 'unauthorized_client' }),
      result('password-grant-returns-token', 200, 7),
      // Not an assumption of the spec (no `recorded`): nothing to say.
      result('delete-without-client-id-is-400', 400),
      result('delete-without-client-id-is-400', undefined),
    ])
    expect(patch).toEqual({
      outcomes: { 'client-create-forbidden-403': 409, 'refresh-rotation': false, 'logout-revokes-refresh': true },
      errors: { refusals: { 'account-not-allowed': { status: 400, code: 'unauthorized_client' } } },
    })
    expect(count).toBe(4)
    expect(notes).toEqual([
      'client-delete-other-403 not recorded: client-delete-sibling-refused-with-403 answered 500, which is no outcome of it',
      'unknown-client-404 not recorded: its checks saw different answers',
    ])
  })
})

describe('docs/conformance.md and README', () => {
  it('the recording example, run as written (its mocks on free ports, the file in a temporary folder), writes the file the page shows', async () => {
    const lines = DOC.between('<!-- record:example -->', '```\n\n').replace(/^```bash\n/, '').trim().split('\n')
    expect(lines).toHaveLength(5)
    const file = join(dir, 'recorded.json')
    const ports: Record<string, string> = {}
    const local = (text: string) => text.replace(/http:\/\/127\.0\.0\.1:(\d+)/g, (_, port: string) => ports[port] ?? `unmapped port ${port}`).replaceAll('recorded.json', file)
    const args = (line: string) => [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => local(m[1] ?? m[2]!))
    const prefix = 'VEEAM_PASSWORD=Password1 npm run conformance -- '
    const servers: { stop: () => Promise<void> }[] = []
    const runs: Awaited<ReturnType<typeof conformance>>[] = []
    try {
      for (const line of lines) {
        const start = /^npm start -- (.+) &$/.exec(line)
        if (start !== null) {
          const flags = args(start[1]!)
          const at = flags.indexOf('--port')
          const port = flags.splice(at, 2)[1]!
          const server = await serve(flags)
          servers.push(server)
          ports[port] = server.url
          continue
        }
        expect(line.startsWith(prefix), line).toBe(true)
        runs.push(await conformance(args(line.slice(prefix.length)), { VEEAM_PASSWORD: 'Password1' }))
      }
    } finally {
      for (const server of servers) await server.stop()
    }
    const [record, strict, compared] = runs as [(typeof runs)[0], (typeof runs)[0], (typeof runs)[0]]
    expect(record.code).toBe(0)
    const said = /ends with\s+`(recorded [^`]+)`/.exec(DOC.text)![1]!
    expect(lastLine(record.stdout)).toBe(local(said))
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(JSON.parse(DOC.between('<!-- record:file -->', '```\n\n').replace(/^```json\n/, '')))
    expect(strict.code).toBe(0)
    expect(lastLine(strict.stdout)).toMatch(/^\d+ passed, 0 failed, 0 warnings, \d+ skipped$/)
    expect(compared.code).toBe(0)
    expect(lastLine(compared.stdout)).toBe(/comparison of the two ends with\s+`([^`]+)`/.exec(DOC.text)![1])
  }, 120_000)

  it("README's recording command is the example's, which the test above runs", () => {
    const command = /^(VEEAM_PASSWORD=Password1 npm run conformance -- .*--record .*)$/m.exec(README.text)?.[1]
    expect(command).toBeDefined()
    expect(DOC.between('<!-- record:example -->', '```\n\n')).toContain(`${command}\n`)
  })
})
