/** @module The control token from a file or the environment, through the real CLI: it guards /__control, never shows in ps or output. */
import { once } from 'node:events'
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, startCli } from './support/cli-process.js'

const TOKEN = 'Ctl-Tok3n-not-in-ps'

async function guardedBy(url: string, token: string): Promise<void> {
  expect((await fetch(`${url}/__control/clock`)).status).toBe(401)
  expect((await fetch(`${url}/__control/clock`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200)
}

describe('the control token without --control-token', () => {
  it.each([
    ['--control-token-file FILE', () => {
      const file = join(mkdtempSync(join(tmpdir(), 'control-token-cli-')), 'token')
      writeFileSync(file, `${TOKEN}\n`, { mode: 0o600 })
      return { args: ['--control-token-file', file], env: {} }
    }],
    ['VEEAM_MOCK_CONTROL_TOKEN', () => ({ args: [], env: { VEEAM_MOCK_CONTROL_TOKEN: TOKEN } })],
  ])('from %s: guards /__control; the token is not on the command line nor in any output', async (_, given) => {
    const { args, env } = given()
    const run = await startCli(['--port', '0', ...args], env)
    try {
      await guardedBy(run.url, TOKEN)
      // What ps shows.
      expect(readFileSync(`/proc/${run.child.pid}/cmdline`, 'utf8')).not.toContain(TOKEN)
      expect(run.output()).toContain('(bearer token required)')
    } finally {
      const exited = once(run.child, 'exit')
      run.child.kill('SIGTERM')
      await exited
    }
    expect(run.output()).not.toContain(TOKEN)
  })

  it('--control-token wins over the variable', async () => {
    const run = await startCli(['--port', '0', '--control-token', 'flag-token'], { VEEAM_MOCK_CONTROL_TOKEN: TOKEN })
    try {
      await guardedBy(run.url, 'flag-token')
      expect((await fetch(`${run.url}/__control/clock`, { headers: { authorization: `Bearer ${TOKEN}` } })).status).toBe(401)
    } finally {
      const exited = once(run.child, 'exit')
      run.child.kill('SIGTERM')
      await exited
    }
  })

  it('an empty token file: exit 2 with one line, nothing served', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'control-token-cli-')), 'token')
    writeFileSync(file, '\n')
    const { code, stdout, stderr } = await runCli(['serve', '--port', '0', '--control-token-file', file])
    expect([code, stdout, stderr]).toEqual([2, '', `veeam-auth-mock: --control-token-file ${file} has an empty first line; the token goes there.\n`])
  })
})
