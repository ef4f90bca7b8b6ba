/** @module Runs a full flow against the CLI with request logging on and greps its output for the secrets used. */
import { spawn, type ChildProcess } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { readyUrl } from './support/cli-process.js'

const TSX = join(import.meta.dirname, '..', 'node_modules', '.bin', 'tsx')
const MAIN = join(import.meta.dirname, '..', 'src', 'cli', 'main.ts')
const PASSWORD = 'Unl1kely-Passw0rd-7c1e'
const dir = mkdtempSync(join(tmpdir(), 'vam-secrets-'))
const fixtures = join(dir, 'accounts.json')
writeFileSync(fixtures, JSON.stringify({ accounts: [{ username: 'vdro\\admin', password: PASSWORD, role: 'Plan Author' }] }))

interface Cli {
  url: string
  output: () => string
  stop: () => Promise<void>
}

/** Starts `serve --port 0 --log MODE`; resolves once the first line (banner or ready record) names the URL. */
function startCli(mode: string): Promise<Cli> {
  const child: ChildProcess = spawn(TSX, [MAIN, 'serve', '--port', '0', '--log', mode, '--fixtures', fixtures], {
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return new Promise((resolve, reject) => {
    const collect = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const url = readyUrl(output)
      if (url !== undefined) {
        resolve({ url, output: () => output, stop: () => (child.kill('SIGTERM'), exited) })
      }
    }
    child.stdout!.on('data', collect)
    child.stderr!.on('data', collect)
    child.once('exit', (code) => reject(new Error(`CLI exited (${code}) before listening:\n${output}`)))
  })
}

/** Every kind of request that carries a secret, right and wrong; returns the secrets it used. */
async function flow(url: string): Promise<string[]> {
  const form = (fields: Record<string, string>, authorization?: string) =>
    fetch(`${url}/api/token?password=${PASSWORD}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        ...(authorization === undefined ? {} : { authorization }),
      },
      body: new URLSearchParams(fields).toString(),
    })
  const login = await form({ grant_type: 'password', username: 'vdro\\admin', password: PASSWORD })
  const user = (await login.json()) as { access_token: string; refresh_token: string }
  await form({ grant_type: 'password', username: 'vdro\\admin', password: `${PASSWORD}x` })
  const bearer = { authorization: `Bearer ${user.access_token}` }
  const created = await fetch(`${url}/api/v7.1/Clients`, { method: 'POST', headers: bearer })
  const client = (await created.json()) as { client_id: string; client_secret: string }
  const basic = `Basic ${Buffer.from(`${client.client_id}:${encodeURIComponent(client.client_secret)}`).toString('base64')}`
  const viaBasic = (await (await form({ grant_type: 'client_credentials' }, basic)).json()) as { access_token: string }
  const viaBody = (await (
    await form({ grant_type: 'client_credentials', client_id: client.client_id, client_secret: client.client_secret })
  ).json()) as { access_token: string; refresh_token: string }
  const refreshed = (await (await form({ grant_type: 'refresh_token', refresh_token: user.refresh_token })).json()) as {
    access_token: string
    refresh_token: string
  }
  await form({ grant_type: 'refresh_token', refresh_token: user.refresh_token })
  await fetch(`${url}/api/v7.1/Clients`, { headers: { authorization: `Bearer ${viaBasic.access_token}` } })
  await fetch(`${url}/api/token`, { method: 'DELETE', headers: { authorization: `Bearer ${refreshed.access_token}` } })
  await fetch(`${url}/api/v7.1/Clients`, { headers: { authorization: `Bearer ${refreshed.access_token}` } })
  return [
    PASSWORD,
    client.client_secret,
    client.client_secret.slice(32, 72),
    user.access_token,
    user.refresh_token,
    viaBasic.access_token,
    viaBody.access_token,
    viaBody.refresh_token,
    refreshed.access_token,
    refreshed.refresh_token,
  ]
}

describe('secrets never reach the logs', () => {
  afterAll(() => rmSync(dir, { recursive: true, force: true }))

  for (const mode of ['requests', 'json']) {
    it(`--log ${mode}: the password, client secret and tokens of a full flow are absent`, async () => {
      const cli = await startCli(mode)
      let secrets: string[]
      try {
        secrets = await flow(cli.url)
      } finally {
        await cli.stop()
      }
      const output = cli.output()
      // The log did record the flow, so its absence of secrets means something.
      expect(output).toMatch(/POST.*\/api\/token.*200|"method":"POST","path":"\/api\/token","status":200/)
      expect(output).toMatch(/\/api\/v7\.1\/Clients/)
      for (const secret of secrets) expect(output.includes(secret), `a secret (${secret.length} chars) was logged`).toBe(false)
    }, 60_000)
  }
})
