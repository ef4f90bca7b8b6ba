/** @module --state over a real socket through the real CLI: what survives a SIGTERM and restart, and what a bad file does. */
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, startCli } from './support/cli-process.js'

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

  it('--state-sessions without --state: exit 2 with one line', async () => {
    const { code, stderr } = await runCli(['serve', '--state-sessions'])
    expect(code).toBe(2)
    expect(stderr).toBe('veeam-auth-mock: --state-sessions needs --state FILE.\n')
  })
})
