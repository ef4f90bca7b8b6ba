/** @module --sessions over a real socket through the real CLI: in single mode a new login ends the earlier sessions. */
import type { ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { createMock } from '../src/create-mock.js'
import { startMock } from '../src/start-mock.js'
import { runCli, startCli } from './support/cli-process.js'

const ADMIN = 'grant_type=password&username=vdro%5Cadministrator&password=Password1'
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

const token = async (url: string, body: string) => {
  const res = await fetch(`${url}/api/token`, { method: 'POST', headers: FORM, body })
  return { status: res.status, body: (await res.json()) as Record<string, string> }
}
const refresh = (url: string, tokens: Record<string, string>) =>
  token(url, `grant_type=refresh_token&refresh_token=${encodeURIComponent(tokens['refresh_token']!)}`)
const clientsStatus = async (url: string, tokens: Record<string, string>) =>
  (await fetch(`${url}/api/v7.1/Clients`, { headers: { authorization: `Bearer ${tokens['access_token']}` } })).status

async function stop(child: ChildProcess): Promise<void> {
  const exited = once(child, 'exit')
  child.kill('SIGTERM')
  await exited
}

describe('--sessions (the real CLI)', () => {
  it('single: a second password login ends the first session; the second works', async () => {
    const { child, url } = await startCli(['--port', '0', '--sessions', 'single'])
    try {
      const first = (await token(url, ADMIN)).body
      const second = (await token(url, ADMIN)).body
      expect(await clientsStatus(url, first)).toBe(401)
      const stale = await refresh(url, first)
      expect(stale.status).toBe(400)
      expect(stale.body['error']).toBe('invalid_grant')
      expect(await clientsStatus(url, second)).toBe(200)
      // A refresh is not a login: the refreshed pair and the second access token both work.
      const renewed = (await refresh(url, second)).body
      expect(await clientsStatus(url, renewed)).toBe(200)
      expect(await clientsStatus(url, second)).toBe(200)
    } finally {
      await stop(child)
    }
  })

  it("single: a client's second client_credentials login ends its first session, not its user's", async () => {
    const { child, url } = await startCli(['--port', '0', '--sessions', 'single'])
    try {
      const user = (await token(url, ADMIN)).body
      const created = await fetch(`${url}/api/v7.1/Clients`, { method: 'POST', headers: { authorization: `Bearer ${user['access_token']}` } })
      const { client_id, client_secret } = (await created.json()) as Record<string, string>
      const byClient = `grant_type=client_credentials&client_id=${client_id}&client_secret=${encodeURIComponent(client_secret!)}`
      const first = (await token(url, byClient)).body
      const second = (await token(url, byClient)).body
      expect(await clientsStatus(url, first)).toBe(401)
      expect((await refresh(url, first)).body['error']).toBe('invalid_grant')
      expect(await clientsStatus(url, second)).toBe(200)
      expect(await clientsStatus(url, user)).toBe(200)
    } finally {
      await stop(child)
    }
  })

  it('multiple (the default): both sessions of the same credentials keep working', async () => {
    const { child, url } = await startCli(['--port', '0'])
    try {
      const first = (await token(url, ADMIN)).body
      const second = (await token(url, ADMIN)).body
      expect(await clientsStatus(url, first)).toBe(200)
      expect(await clientsStatus(url, second)).toBe(200)
      expect((await refresh(url, first)).status).toBe(200)
      expect((await refresh(url, second)).status).toBe(200)
    } finally {
      await stop(child)
    }
  })

  it('startMock({ sessions: "single" }) does the same for a framework-started mock', async () => {
    const mock = await startMock({ sessions: 'single' })
    try {
      const first = (await token(mock.url, ADMIN)).body
      const second = (await token(mock.url, ADMIN)).body
      expect(await clientsStatus(mock.url, first)).toBe(401)
      const stale = await refresh(mock.url, first)
      expect([stale.status, stale.body['error']]).toEqual([400, 'invalid_grant'])
      expect(await clientsStatus(mock.url, second)).toBe(200)
    } finally {
      await mock.close()
    }
  })

  it('createMock refuses an unknown mode', () => {
    expect(() => createMock({ sessions: 'x' as 'single' })).toThrow('sessions takes single or multiple (got "x").')
  })

  it('--help names the flags', async () => {
    const { stdout } = await runCli(['serve', '--help'])
    for (const flag of ['--state FILE', '--state-sessions', '--sessions MODE']) expect(stdout).toContain(flag)
  })

  it('a bad value: exit 2 with one line', async () => {
    const { code, stderr } = await runCli(['serve', '--sessions', 'x'])
    expect(code).toBe(2)
    expect(stderr).toBe('veeam-auth-mock: --sessions takes single or multiple (got "x").\n')
  })
})
