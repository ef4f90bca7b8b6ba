/** @module Profile files over a real socket: an extends file and a whole one served by the CLI, bad files refused, export round-trips, conformance and startMock take a file. */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { findProfile, PROFILES } from '../src/profiles/index.js'
import { exportProfile } from '../src/profiles/profile-file.js'
import { startMock } from '../src/start-mock.js'
import { runCli, startCli } from './support/cli-process.js'
import { docPage } from './support/doc-page.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const dir = mkdtempSync(join(tmpdir(), 'profile-files-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function file(name: string, data: unknown): string {
  const path = join(dir, name)
  writeFileSync(path, typeof data === 'string' ? data : JSON.stringify(data, null, 2))
  return path
}

const VRO_73 = { extends: 'vro-7.21', id: 'vro-7.3', version: '7.3', title: 'Veeam Recovery Orchestrator REST API 7.3', clientBases: ['/api/v7.21', '/api/v7.3'] }
const ADMIN = { username: 'vdro\\administrator', password: 'Password1' }

async function login(url: string, tokenPath: string, account: { username: string; password: string }): Promise<string> {
  const res = await fetch(`${url}${tokenPath}`, { method: 'POST', body: new URLSearchParams({ grant_type: 'password', ...account }) })
  expect(res.status).toBe(200)
  return ((await res.json()) as { access_token: string }).access_token
}

async function serving<T>(args: string[], use: (url: string) => Promise<T>): Promise<T> {
  const { child, url } = await startCli([...args, '--port', '0'])
  try {
    return await use(url)
  } finally {
    child.kill('SIGTERM')
    await once(child, 'exit')
  }
}

describe('--profile FILE (the real CLI over a socket)', () => {
  it('serves a file extending vro-7.21 with a new version, title and Clients base: log in, then use /api/v7.3/Clients', async () => {
    await serving(['--profile', file('vro-7.3.json', VRO_73)], async (url) => {
      const doc = (await (await fetch(`${url}/openapi.json`)).json()) as { info: { title: string }; paths: Record<string, unknown>; 'x-veeam-auth-mock': { id: string } }
      expect(doc.info.title).toBe(VRO_73.title)
      expect(doc['x-veeam-auth-mock'].id).toBe('vro-7.3')
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/v7.3/Clients']))
      expect(Object.keys(doc.paths)).not.toContain('/api/v7.1/Clients')
      const token = await login(url, '/api/token', ADMIN)
      const created = await fetch(`${url}/api/v7.3/Clients`, { method: 'POST', headers: { authorization: `Bearer ${token}` } })
      expect(created.status).toBe(200)
      const { client_id } = (await created.json()) as { client_id: string }
      const listed = await fetch(`${url}/api/v7.3/Clients`, { headers: { authorization: `Bearer ${token}` } })
      expect(await listed.json()).toEqual([client_id])
      // The base the file dropped is gone.
      expect((await fetch(`${url}/api/v7.1/Clients`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(404)
    })
  })

  it('serves a whole-profile file with its own id, token path and inline fixtures, whose password it never shows', async () => {
    const { id: _id, ...vro71 } = findProfile('vro-7.1')!
    const whole = {
      ...vro71,
      id: 'lab-orchestrator',
      tokenPath: '/lab/token',
      logout: { ...vro71.logout, path: '/lab/token' },
      fixtures: { accounts: [{ username: 'lab\\ci', password: 'S3cret-ci', role: 'Plan Author' }] },
    }
    const path = file('whole.json', whole)
    const { child, url, output } = await startCli(['--profile', path, '--port', '0'])
    try {
      expect(output()).toContain('lab\\ci')
      expect(output()).not.toContain('S3cret-ci')
      expect(await (await fetch(`${url}/openapi.json`)).text()).not.toContain('S3cret-ci')
      expect((await fetch(`${url}/api/token`, { method: 'POST' })).status).toBe(404)
      const token = await login(url, '/lab/token', { username: 'lab\\ci', password: 'S3cret-ci' })
      expect((await fetch(`${url}/api/v7.1/Clients`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
    } finally {
      child.kill('SIGTERM')
      await once(child, 'exit')
    }
    const out = join(dir, 'whole.openapi.json')
    expect((await runCli(['spec', '--profile', path, '--out', out])).code).toBe(0)
    const spec = readFileSync(out, 'utf8')
    expect(JSON.parse(spec)['x-veeam-auth-mock'].id).toBe('lab-orchestrator')
    expect(spec).toContain('lab\\\\ci')
    expect(spec).not.toContain('S3cret-ci')
  })

  it.each([
    ['bad-ttl.json', { extends: 'vro-7.21', lifetimes: { accessSeconds: 0 } }, '/lifetimes/accessSeconds: expected a positive integer'],
    ['unknown-field.json', { extends: 'vro-7.21', tokenpath: '/x' }, '/tokenpath: unknown field'],
    ['unknown-base.json', { extends: 'vro-9' }, '/extends: expected a built-in profile id (a file cannot extend a file); known: vro-7.1, '],
    ['extends-file.json', { extends: './vro-7.3.json' }, '/extends: expected a built-in profile id'],
    ['not-json.json', '{"extends": ', '/: not valid JSON'],
  ])('refuses %s at start: exit 2, one line naming the JSON pointer', async (name, data, expected) => {
    const path = file(name, data)
    const { code, stdout, stderr } = await runCli(['serve', '--profile', path, '--port', '0'])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.split('\n')).toHaveLength(2)
    expect(stderr).toContain(`veeam-auth-mock: profile ${path}: ${expected}`)
  })

  it('refuses a file whose roles leave the extended profile\'s fixtures without a role: exit 2, naming that fixtures file', async () => {
    const { code, stderr } = await runCli(['serve', '--profile', file('bad-role.json', { extends: 'vro-7.21', roles: ['Someone'], otherRoles: [] }), '--port', '0'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/^veeam-auth-mock: Bad fixtures: fixtures\/vro-7\.21\.json: account "vdro\\administrator": role "Orchestrator Administrator" is not a role of profile vro-7\.21; [^\n]*\n$/)
  })

  it('profiles --export vbr-12 > f.json, then --profile f.json serves the same OpenAPI document as --profile vbr-12', { timeout: 60_000 }, async () => {
    const exported = await runCli(['profiles', '--export', 'vbr-12'])
    expect(exported.code).toBe(0)
    expect(JSON.parse(exported.stdout)).toMatchObject({ $schema: expect.stringMatching(/spec\/profile\.schema\.json$/), id: 'vbr-12' })
    const path = file('f.json', exported.stdout)
    const document = (url: string) => fetch(`${url}/openapi.json`).then((res) => res.json())
    const fromFile = await serving(['--profile', path], document)
    const builtIn = await serving(['--profile', 'vbr-12'], document)
    expect(fromFile).toEqual(builtIn)
  })

  it('profiles --export of an unknown id exits 2 listing the known ones', async () => {
    const { code, stderr } = await runCli(['profiles', '--export', 'vro-9'])
    expect(code).toBe(2)
    expect(stderr).toBe(`veeam-auth-mock: Unknown profile "vro-9"; known: ${PROFILES.map((p) => p.id).join(', ')}.\n`)
  })
})

function conformance(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'conformance/cli.ts', ...args], { cwd: ROOT, env: { ...process.env, VEEAM_PASSWORD: 'Password1' } })
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (d) => (stdout += d))
  child.stderr!.on('data', (d) => (stderr += d))
  return once(child, 'exit').then(([code]) => ({ code: code as number | null, stdout, stderr }))
}

describe('conformance --profile FILE', () => {
  it('derives the spec from the file and passes against the mock serving it', { timeout: 60_000 }, async () => {
    const path = file('vro-7.3-conf.json', VRO_73)
    await serving(['--profile', path], async (url) => {
      const { code, stdout, stderr } = await conformance(['--target', url, '--profile', path, '--username', ADMIN.username])
      expect(stderr).toBe('')
      expect(stdout).toContain(`conformance vro-7.3 against ${url} (spec derived from ${path}; not strict)`)
      expect(stdout).toMatch(/\b0 failed\b/)
      expect(code).toBe(0)
    })
  })

  it('refuses a bad profile file with the mock\'s one line, exit 2', async () => {
    const path = file('conf-bad.json', { extends: 'vro-7.21', lifetimes: { accessSeconds: 'long' } })
    const { code, stderr } = await conformance(['--target', 'http://127.0.0.1:9', '--profile', path, '--username', ADMIN.username])
    expect(code).toBe(2)
    expect(stderr).toBe(`conformance: profile ${path}: /lifetimes/accessSeconds: expected a positive integer\n`)
  })
  it('refuses a file whose fixtures hold a role the profile does not know with the mock\'s one line, exit 2 (no stack trace)', async () => {
    const path = file('conf-bad-role.json', { extends: 'vro-7.1', fixtures: { accounts: [{ username: 'vdro\\x', password: 'Secret-1', role: 'Administrator' }] } })
    const { code, stderr } = await conformance(['--target', 'http://127.0.0.1:9', '--profile', path, '--username', 'vdro\\x', '--password', 'Secret-1'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/^conformance: Bad fixtures: \S+ \/fixtures: account "vdro\\x": role "Administrator" is not a role of profile vro-7\.1; [^\n]*\n$/)
    expect(stderr).not.toContain('Secret-1')
  })
  it('refuses --profile FILE with --spec (the spec comes from the file), exit 2', async () => {
    const path = file('conf-with-spec.json', VRO_73)
    const { code, stderr } = await conformance(['--target', 'http://127.0.0.1:9', '--profile', path, '--spec', 'spec/vro-7.21.openapi.json', '--username', ADMIN.username])
    expect(code).toBe(2)
    expect(stderr).toBe("conformance: --profile FILE derives the spec from the file; with --spec, give the spec's profile id\n")
  })
})

describe('startMock({ profile })', () => {
  it('takes a profile file path, with its fixtures', async () => {
    const mock = await startMock({ profile: file('start.json', VRO_73) as `${string}.json` })
    try {
      const token = await login(mock.url, '/api/token', ADMIN)
      expect((await fetch(`${mock.url}/api/v7.3/Clients`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
    } finally {
      await mock.close()
    }
  })
})

describe('docs/profiles.md "Profiles as files"', () => {
  it('its file and command block work as written: served, a Clients call on the new base, conformance passes, spec and export written', async () => {
    const page = docPage('docs/profiles.md')
    const json = page.between('<!-- profile-file:vro-7.3 -->', '```\n\n').replace(/^```json\n/, '')
    const [start, ...rest] = page.between('<!-- walkthrough:profile-file -->', '```\n\n').replace(/^```bash\n/, '').split('\n')
    const profile = file('doc-vro-7.3.json', json)
    const local = (text: string) =>
      text.replaceAll('./vro-7.3.json', profile).replaceAll(' vro-7.3.openapi.json', ` ${join(dir, 'doc.openapi.json')}`).replaceAll('> vro-7.21.json', `> ${join(dir, 'doc-export.json')}`)
    expect(start).toBe('npm start -- --profile ./vro-7.3.json')
    await serving(local(start!).replace('npm start -- ', '').split(' '), async (url) => {
      const script = local(rest.join('\n')).replaceAll('http://127.0.0.1:9898', url)
      const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script], { cwd: ROOT })
      const lines = stdout.trim().split('\n')
      expect(lines[0]).toBe('200')
      expect(lines[1]).toMatch(/\b0 failed\b/)
      expect(lines[2]).toBe(`wrote ${join(dir, 'doc.openapi.json')}`)
      expect(lines).toHaveLength(3)
    })
    const spec = JSON.parse(readFileSync(join(dir, 'doc.openapi.json'), 'utf8')) as { info: { title: string }; 'x-veeam-auth-mock': { id: string } }
    expect([spec['x-veeam-auth-mock'].id, spec.info.title]).toEqual(['vro-7.3', 'Veeam Recovery Orchestrator REST API 7.3'])
    expect(readFileSync(join(dir, 'doc-export.json'), 'utf8')).toBe(exportProfile(findProfile('vro-7.21')!))
    // Five processes (server, conformance, the spec it derives, spec, npx): slow on a loaded machine.
  }, 120_000)
})
