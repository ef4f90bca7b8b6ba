/** @module --state over a real socket through the real CLI: what survives a SIGTERM and restart, and what a bad file does. */
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli, startCli } from './support/cli-process.js'
import { tryMountTmpfs } from './support/tmpfs.js'

const ADMIN = 'grant_type=password&username=vdro%5Cadministrator&password=Password1'
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

const token = async (url: string, body: string) => {
  const res = await fetch(`${url}/api/token`, { method: 'POST', headers: FORM, body })
  return { status: res.status, body: (await res.json()) as Record<string, string> }
}
const getClients = (url: string, access: string) => fetch(`${url}/api/v7.1/Clients`, { headers: { authorization: `Bearer ${access}` } })

async function stop(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  const [code] = await exited
  expect(code).toBe(0)
}

/** Resolves once the file holds `text` (the write is coalesced, so it may lag a change by 200 ms). */
async function fileContains(file: string, text: string): Promise<void> {
  for (let i = 0; i < 200; i++) {
    try {
      if (readFileSync(file, 'utf8').includes(text)) return
    } catch {
      // not created yet
    }
    await new Promise((r) => setTimeout(r, 50))
  }
  throw new Error(`${file} never held ${text}`)
}

const addAccount = async (url: string, username: string) => {
  const res = await fetch(`${url}/__control/accounts`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: 'Ci-Secret-42', role: 'Plan Author' }),
  })
  expect(res.status).toBe(201)
}

const stateFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'state-cli-'))
  return { dir, file: join(dir, 'state.json') }
}

describe('--state (the real CLI)', () => {
  it('keeps a client account and an added account over SIGTERM and restart; the file holds no secret in clear', async () => {
    const { dir, file } = stateFile()
    let first = await startCli(['--port', '0', '--state', file])
    let client: { client_id: string; client_secret: string }
    let access: string
    try {
      access = (await token(first.url, ADMIN)).body['access_token']!
      const created = await fetch(`${first.url}/api/v7.1/Clients`, { method: 'POST', headers: { authorization: `Bearer ${access}` } })
      client = (await created.json()) as typeof client
      const added = await fetch(`${first.url}/__control/accounts`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: 'lab\\ci', password: 'Ci-Secret-42', role: 'Plan Author' }),
      })
      expect(added.status).toBe(201)
    } finally {
      await stop(first.child)
    }
    const text = readFileSync(file, 'utf8')
    expect(text).toContain(client.client_id)
    for (const secret of [client.client_secret, 'Ci-Secret-42', 'Password1', access]) expect(text).not.toContain(secret)
    expect(readdirSync(dir)).toEqual(['state.json'])
    expect(statSync(file).mode & 0o777).toBe(0o600)

    first = await startCli(['--port', '0', '--state', file])
    try {
      const byClient = `grant_type=client_credentials&client_id=${client.client_id}&client_secret=${encodeURIComponent(client.client_secret)}`
      expect((await token(first.url, byClient)).status).toBe(200)
      expect((await token(first.url, 'username=lab%5Cci&password=Ci-Secret-42')).status).toBe(200)
      // Without --state-sessions, tokens do not survive.
      expect((await getClients(first.url, access)).status).toBe(401)
      expect(first.output()).toContain(`State       ${file} (accounts, client accounts; restored 1 client account(s), 0 session(s))`)
    } finally {
      await stop(first.child)
    }
  })

  it('with --state-sessions, an access and a refresh token survive a restart; the file is written on change', async () => {
    const { file } = stateFile()
    let run = await startCli(['--port', '0', '--state', file, '--state-sessions'])
    let tokens: Record<string, string>
    try {
      tokens = (await token(run.url, ADMIN)).body
      await fileContains(file, '"sessions": [\n    {')
      expect(readFileSync(file, 'utf8')).not.toContain(tokens['access_token']!)
    } finally {
      await stop(run.child)
    }
    run = await startCli(['--port', '0', '--state', file, '--state-sessions'])
    try {
      expect((await getClients(run.url, tokens['access_token']!)).status).toBe(200)
      const refreshed = await token(run.url, `grant_type=refresh_token&refresh_token=${encodeURIComponent(tokens['refresh_token']!)}`)
      expect(refreshed.status).toBe(200)
    } finally {
      await stop(run.child)
    }
  })

  const foreign: [string, string, string][] = [
    ['truncated', '{"format":"veeam-auth-mock-state","version":1,"profile":"vro-7.1","acc', 'is not valid JSON (corrupt or truncated)'],
    ['another format', '{"accounts":[{"username":"lab\\\\ci","password":"x","role":"Plan Author"}]}', 'is not a veeam-auth-mock state file (no "format": "veeam-auth-mock-state")'],
    ['another profile', '{"format":"veeam-auth-mock-state","version":1,"profile":"vac-2","savedAt":"2026-01-01T00:00:00.000Z","accounts":[],"removedAccounts":[],"clients":[]}', 'was written for profile "vac-2", not vro-7.1; use another --state file'],
    ['another version', '{"format":"veeam-auth-mock-state","version":9,"profile":"vro-7.1"}', 'has state format version 9; this veeam-auth-mock reads version 1'],
  ]
  it.each(foreign)('a state file of %s: exit 2 with one line, the file unchanged', async (_, text, reason) => {
    const { file } = stateFile()
    writeFileSync(file, text)
    const { code, stdout, stderr } = await runCli(['serve', '--port', '0', '--state', file])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toBe(`veeam-auth-mock: State file ${file} ${reason}; it was left as it is.\n`)
    expect(readFileSync(file, 'utf8')).toBe(text)
  })

  it('a second server on the same --state file: exit 2 with one line; the first keeps writing, its lock goes when it stops; a failed start leaves no lock', async () => {
    const { dir, file } = stateFile()
    const first = await startCli(['--port', '0', '--state', file])
    try {
      const second = await runCli(['serve', '--port', '0', '--state', file])
      expect([second.code, second.stdout]).toEqual([2, ''])
      expect(second.stderr).toBe(
        `veeam-auth-mock: State file ${file} is in use by process ${first.child.pid} (lock ${file}.lock); stop it or use another --state file.\n`,
      )
      // A start that fails after taking its own file's lock (port in use) releases it on the way out.
      const other = stateFile()
      const busy = await runCli(['serve', '--port', new URL(first.url).port, '--state', other.file])
      expect(busy.code).toBe(2)
      expect(readdirSync(other.dir)).toEqual(['state.json'])
      await addAccount(first.url, 'lab\\after')
      await fileContains(file, 'lab\\\\after')
    } finally {
      await stop(first.child)
    }
    expect(readdirSync(dir)).toEqual(['state.json'])
  })

  it('a server killed with SIGKILL leaves a stale lock (its pid is gone): the next start takes it over', async () => {
    const { dir, file } = stateFile()
    const killed = await startCli(['--port', '0', '--state', file])
    const exited = once(killed.child, 'exit')
    killed.child.kill('SIGKILL')
    await exited
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${killed.child.pid}\n`)
    const next = await startCli(['--port', '0', '--state', file])
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${next.child.pid}\n`)
    await stop(next.child)
    expect(readdirSync(dir)).toEqual(['state.json'])
  })

  it('--state naming a symbolic link: exit 2 with one line, the link and its target untouched', async () => {
    const { dir, file } = stateFile()
    const target = join(dir, 'elsewhere.json')
    writeFileSync(target, '{}')
    symlinkSync(target, file)
    const { code, stdout, stderr } = await runCli(['serve', '--port', '0', '--state', file])
    expect([code, stdout, stderr]).toEqual([2, '', `veeam-auth-mock: State file ${file} is a symbolic link; refused (give the path of the file itself).\n`])
    expect(readFileSync(target, 'utf8')).toBe('{}')
    expect(readdirSync(dir).sort()).toEqual(['elsewhere.json', 'state.json'])
  })

  it('--state-sessions without --state: exit 2 with one line', async () => {
    const { code, stderr } = await runCli(['serve', '--state-sessions'])
    expect(code).toBe(2)
    expect(stderr).toBe('veeam-auth-mock: --state-sessions needs --state FILE.\n')
  })
})

const tmpfs = tryMountTmpfs('16k')
afterAll(() => tmpfs.remove())

describe.runIf(tmpfs.mounted)('--state on a full disk (a 16 KiB tmpfs)', () => {
  it('one warning line on stderr for the failure streak, the last whole file kept; a line again once it is written', async () => {
    const file = join(tmpfs.dir, 'state.json')
    const run = await startCli(['--port', '0', '--state', file])
    try {
      for (let i = 0; i < 120; i++) await addAccount(run.url, `lab\\user-${String(i).padStart(3, '0')}`)
      const warning = `warning: state file ${file} not written (ENOSPC); it keeps its last whole version; retrying every second`
      for (let i = 0; i < 100 && !run.output().includes(warning); i++) await new Promise((r) => setTimeout(r, 50))
      // Retried every second: wait for two more failures, which stay silent.
      await new Promise((r) => setTimeout(r, 2200))
      expect(run.output().split(warning)).toHaveLength(2)
      const kept = JSON.parse(readFileSync(file, 'utf8')) as { accounts: unknown[] }
      expect(kept.accounts.length).toBeLessThan(120)
      expect(tmpfs.resize('1m')).toBe(true)
      for (let i = 0; i < 100 && !run.output().includes(`state file ${file} written again`); i++) await new Promise((r) => setTimeout(r, 50))
      expect(run.output()).toContain(`state file ${file} written again\n`)
      expect((JSON.parse(readFileSync(file, 'utf8')) as { accounts: unknown[] }).accounts).toHaveLength(120)
    } finally {
      await stop(run.child)
    }
    expect(readdirSync(tmpfs.dir)).toEqual(['state.json'])
  })
})

// Only where the test above cannot run does a skipped test say so.
if (!tmpfs.mounted) it.skip('--state on a full disk: skipped, because mounting a tmpfs is not permitted here (needs root)', () => {})
