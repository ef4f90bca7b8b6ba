/** @module The suite as users run it: the real CLI process, exit codes 0 and 2, reports, and TLS (--insecure, --ca) against the mock's --tls. */
import { execFile } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs'
import { createServer, type Server, type Socket } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startCli } from '../test/support/cli-process.js'
import { conformanceCli, NOT_ON_VRO, startMock } from './test-support.js'

/** Checks of rules vro-7.1 does not have (VBR's version header, dates and code; VB365's antiforgery; Veeam ONE's revoke): skipped there. */
const NOT_VRO = NOT_ON_VRO.length
const CLEAN_SUMMARY = new RegExp(`^\\d+ passed, 0 failed, 0 warnings, ${NOT_VRO} skipped$`)

const cli = (args: string[], env: Record<string, string> = {}) => conformanceCli(args, env)

describe('the CLI process', () => {
  let mock: Awaited<ReturnType<typeof startMock>>
  beforeAll(async () => {
    mock = await startMock([], undefined, 'vro-7.1', { control: true })
  })
  afterAll(() => mock.close())

  it('against the faithful mock with --strict: exit 0, the summary line last, reports written, no password anywhere', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conformance-'))
    const [junit, json] = [join(dir, 'report.xml'), join(dir, 'report.json')]
    const { code, stdout, stderr } = await cli(
      ['--target', mock.url, '--profile', 'vro-7.1', '--username', 'vdro\\administrator', '--other-username', 'vdro\\planauthor',
        '--unprivileged-username', 'vdro\\viewer', '--strict', '--report', `junit:${junit}`, '--report', `json:${json}`],
      { VEEAM_PASSWORD: 'Password1', VEEAM_OTHER_PASSWORD: 'Password1', VEEAM_UNPRIVILEGED_PASSWORD: 'Password1' },
    )
    expect(stderr).toBe('')
    expect(code).toBe(0)
    const lines = stdout.trimEnd().split('\n')
    // Skipped: the checks of other products' rules (VBR's x-api-version, dates, authorization_code; VB365's antiforgery; Veeam ONE's revoke).
    expect(lines.at(-1)).toMatch(CLEAN_SUMMARY)
    expect(lines).toContain('left behind: 0')
    const report = JSON.parse(readFileSync(json, 'utf8'))
    expect(report.summary).toMatchObject({ failed: 0, warnings: 0, skipped: NOT_VRO })
    expect(`${lines.at(-1)}`).toBe(`${report.summary.passed} passed, 0 failed, 0 warnings, ${NOT_VRO} skipped`)
    const xml = readFileSync(junit, 'utf8')
    expect(xml).toContain('<testcase classname="conformance.clients" name="client-cannot-create-client [MUST]">')
    expect(xml).not.toContain('<failure')
    for (const text of [stdout, xml, JSON.stringify(report)]) expect(text).not.toContain('Password1')
  })

  it('a MUST failure exits 1 and prints Expected / Received / Repro', async () => {
    const quirky = await startMock(['logout-keeps-token'])
    try {
      const { code, stdout } = await cli(['--target', quirky.url, '--profile', 'vro-7.1', '--username', 'vdro\\administrator', '--password', 'Password1'])
      expect(code).toBe(1)
      expect(stdout).toContain('  FAIL  MUST   logged-out-access-token-refused')
      expect(stdout).toMatch(/Expected: 401 for the logged-out access token\n +Received: 200 \[\]\n +Repro: +curl -sS -X GET '.*\/api\/v7\.1\/Clients' -H "Authorization: Bearer \$ACCESS_TOKEN"/)
    } finally {
      await quirky.close()
    }
  })

  it('every Repro line works when pasted into bash after the export lines the report prints', async () => {
    const quirky = await startMock(['logout-keeps-token', 'clients-can-create-clients', 'refresh-token-reusable', 'wrong-secret-accepted'])
    const bash = (script: string, env: Record<string, string>) =>
      promisify(execFile)('bash', ['-c', script], { env: { PATH: process.env['PATH']!, ...env } }).then((r) => r.stdout)
    try {
      const junit = join(mkdtempSync(join(tmpdir(), 'conf-repro-')), 'report.xml')
      const { code, stdout } = await cli(['--target', quirky.url, '--profile', 'vro-7.1', '--username', 'vdro\\administrator', '--strict', '--report', `junit:${junit}`], { VEEAM_PASSWORD: 'Password1' })
      expect(code).toBe(1)
      const exports = [...stdout.matchAll(/^ {2}(export .*)$/gm)].map((m) => m[1]!)
      // The JUnit report carries the same lines with each failure.
      const xml = readFileSync(junit, 'utf8').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>')
      expect(xml).toContain(`Before the Repro line, run:\n${exports.join('\n')}`)
      const repros = [...new Set([...stdout.matchAll(/^ +Repro: +(curl .*)$/gm)].map((m) => m[1]!))]
      expect(exports.map((line) => line.split('=')[0])).toEqual(['export VEEAM_PASSWORD', 'export ACCESS_TOKEN', 'export REFRESH_TOKEN', 'export CLIENT_SECRET'])
      expect(repros.filter((line) => line.includes('$ACCESS_TOKEN')).length).toBeGreaterThan(0)
      expect(repros.filter((line) => line.includes('$REFRESH_TOKEN')).length).toBeGreaterThan(0)
      const setup = exports.join('\n')
      // The user has their password in VEEAM_PASSWORD and the secret of a client they made in CLIENT_SECRET.
      const env = { VEEAM_PASSWORD: 'Password1', CLIENT_SECRET: 'a-secret-of-theirs' }
      for (const repro of repros) {
        // Every variable reaches curl expanded: no argument still holds "$NAME".
        const args = await bash(`${setup}\ncurl() { printf '%s\\n' "$@"; }\n${repro}\n`, env)
        expect(args, repro).not.toMatch(/\$[A-Z_]/)
        expect(args, repro).not.toMatch(/^(Authorization: Bearer |[a-z_]+=)$/m)
        // And against the target: a line carrying a token is authorised (200: the quirks let the failure happen again).
        const status = await bash(`${setup}\n${repro} -o /dev/null -w '%{http_code}'`, env)
        if (/\$(ACCESS|REFRESH)_TOKEN/.test(repro)) expect(status, repro).toBe('200')
        else expect(status, repro).toMatch(/^\d{3}$/)
      }
      expect(stdout).not.toContain('Password1')
    } finally {
      await quirky.close()
    }
  }, 60_000)

  it('bad flags: exit 2 with one line', async () => {
    const { code, stdout, stderr } = await cli(['--target', mock.url, '--profile', 'vro-7.1', '--username', 'u', '--timeout', 'soon'], { VEEAM_PASSWORD: 'x' })
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe('conformance: --timeout soon is not a duration like 10s, 500ms or 1m\n')
  })

  it('a missing password: exit 2 naming the flag and the variable', async () => {
    const env = { VEEAM_PASSWORD: '' }
    const { code, stderr } = await cli(['--target', mock.url, '--profile', 'vro-7.1', '--username', 'u'], env)
    expect(code).toBe(2)
    expect(stderr).toBe('conformance: --username needs --password or VEEAM_PASSWORD\n')
  })

  it('--help prints the flags and exit codes', async () => {
    const { code, stdout } = await cli(['--help'])
    expect(code).toBe(0)
    expect(stdout).toContain('--baseline FILE')
    expect(stdout).toContain('--control URL')
    expect(stdout).toContain('--control-token T')
    expect(stdout).toContain('Exit codes: 0 no MUST check failed; 1 a MUST check failed (or a stale baseline entry);')
    expect(stdout).toContain('2 could not run (bad flags, target unreachable, primary login refused).')
  })
})

describe('a target that cannot be used', () => {
  it('unreachable (connection refused): exit 2 with one line', async () => {
    const closed = createServer()
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve))
    const { port } = closed.address() as { port: number }
    await new Promise((resolve) => closed.close(resolve))
    const { code, stdout, stderr } = await cli(['--target', `http://127.0.0.1:${port}`, '--profile', 'vro-7.1', '--username', 'u', '--password', 'p'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/^conformance: could not run: target unreachable: POST http:\/\/127\.0\.0\.1:\d+\/api\/token: ECONNREFUSED .*\n$/)
  })

  it('silent (accepts, never answers): exit 2 with one line after --timeout', async () => {
    const sockets: Socket[] = []
    const silent: Server = createServer((socket) => void sockets.push(socket))
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve))
    const { port } = silent.address() as { port: number }
    try {
      const { code, stderr } = await cli(['--target', `http://127.0.0.1:${port}`, '--profile', 'vro-7.1', '--username', 'u', '--password', 'p', '--timeout', '1s'])
      expect(code).toBe(2)
      expect(stderr).toMatch(/^conformance: could not run: target unreachable: .*no answer within 1s\n$/)
    } finally {
      sockets.forEach((socket) => socket.destroy())
      await new Promise((resolve) => silent.close(resolve))
    }
  })
})

describe('mistakes found before the first request', () => {
  let requests = 0
  let mock: Awaited<ReturnType<typeof startMock>>
  beforeAll(async () => {
    mock = await startMock([], () => void requests++)
  })
  afterAll(() => mock.close())
  const base = () => ['--target', mock.url, '--profile', 'vro-7.1', '--username', 'vdro\\administrator', '--password', 'Password1']

  it.each([
    ['junit:/nonexistent-dir/report.xml', 'ENOENT'],
    ['json:DIR', 'EISDIR'],
  ])('an unwritable --report %s: exit 2 with one line, and no request sent', async (report, code) => {
    const dir = mkdtempSync(join(tmpdir(), 'conf-report-'))
    requests = 0
    const result = await cli([...base(), '--report', report.replace('DIR', dir)])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toBe(`conformance: --report ${report.replace('DIR', dir)} cannot be written (${code})\n`)
    expect(requests).toBe(0)
    expect(readdirSync(dir)).toEqual([])
  })

  it('a writable --report path passes the check and gets the report', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conf-report-'))
    const result = await cli([...base(), '--only', 'password-grant', '--report', `json:${join(dir, 'r.json')}`])
    expect(result.code).toBe(0)
    expect(readdirSync(dir)).toEqual(['r.json'])
    expect((JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as { exitCode: number }).exitCode).toBe(0)
  })

  it.each(['zzz', 'tokn*'])('--only %s matches no check: exit 2 naming the scenarios and check ids, no request sent', async (pattern) => {
    requests = 0
    const result = await cli([...base(), '--only', pattern])
    expect(result.code).toBe(2)
    expect(result.stdout).toBe('')
    expect(result.stderr).toMatch(new RegExp(`^conformance: could not run: --only ${pattern.replace('*', '\\*')} matches no check; scenarios: token, api-version, refresh, .*; checks: .*password-grant.*\n$`))
    expect(requests).toBe(0)
  })
})

describe("https: the mock's own --tls (self-signed, written with --tls-out)", () => {
  let served: Awaited<ReturnType<typeof startCli>>
  let certFile: string
  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'conformance-tls-'))
    served = await startCli(['--port', '0', '--tls', '--tls-out', dir])
    certFile = join(dir, 'cert.pem')
  }, 60_000)
  afterAll(() => void served.child.kill('SIGTERM'))
  const full = (more: string[]) =>
    cli(
      ['--target', served.url, '--profile', 'vro-7.1', '--username', 'vdro\\administrator', '--other-username', 'vdro\\planauthor',
        '--unprivileged-username', 'vdro\\viewer', '--strict', ...more],
      { VEEAM_PASSWORD: 'Password1', VEEAM_OTHER_PASSWORD: 'Password1', VEEAM_UNPRIVILEGED_PASSWORD: 'Password1' },
    )

  it('is refused without --insecure or --ca: exit 2 with one line naming the certificate problem and the way out', async () => {
    expect(served.url).toMatch(/^https:/)
    const { code, stdout, stderr } = await full([])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe(
      `conformance: could not run: target unreachable: POST ${served.url}/api/token: DEPTH_ZERO_SELF_SIGNED_CERT self-signed certificate ` +
        '(trust it with --ca FILE, or accept any certificate with --insecure)\n',
    )
  })

  it('passes every check with --insecure, the time checks included (the control API is reached over https too)', async () => {
    const { code, stdout, stderr } = await full(['--insecure'])
    expect(stderr).toBe('')
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(CLEAN_SUMMARY)
    expect(code).toBe(0)
  })

  it('passes every check with --ca naming the certificate --tls-out wrote', async () => {
    const { code, stdout, stderr } = await full(['--ca', certFile])
    expect(stderr).toBe('')
    expect(stdout.trimEnd().split('\n').at(-1)).toMatch(CLEAN_SUMMARY)
    expect(code).toBe(0)
  })
})
