import { once } from 'node:events'
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { QUIRKS } from '../src/engine/quirks.js'
import { PROFILE_IDS } from '../src/profiles/index.js'
import { runCli, startCli } from './support/cli-process.js'

const EXAMPLE = 'grant_type=password&username=vdro\\administrator&password=Password1'

async function post(url: string, body: string) {
  return fetch(url, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body })
}

describe('veeam-auth-mock serve (the real CLI)', () => {
  it('serves the documented example on an ephemeral port, prints where (its links answer), and stops cleanly on SIGTERM', async () => {
    const { child, url, output } = await startCli(['--port', '0'])
    try {
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      const res = await post(`${url}/api/token`, EXAMPLE)
      expect(res.status).toBe(200)
      expect(output()).toContain(`Swagger UI  ${url}/swagger`)
      expect(output()).toContain('vdro\\administrator           Password1    Orchestrator Administrator')
      // The banner's Control link answers (the control API's index), and so does the spec it names.
      const [, control, spec] = /^ {2}Control +(\S+); spec (\S+)$/m.exec(output())!
      expect(control).toBe(`${url}/__control`)
      expect((await fetch(control!)).status).toBe(200)
      expect((await fetch(spec!)).status).toBe(200)
    } finally {
      child.kill('SIGTERM')
    }
    const [code] = await once(child, 'exit')
    expect(code).toBe(0)
  })

  it('--generate-users makes accounts whose password is Password1, as --help says, listed in aligned columns', async () => {
    const { child, url, output } = await startCli(['--port', '0', '--generate-users', '5', '--seed', '3'])
    try {
      expect((await runCli(['serve', '--help'])).stdout).toMatch(/--generate-users N +add N realistic accounts made with faker \(password Password1\)/)
      const rows = output().split('\n').filter((line) => /^ {4}vdro\\/.test(line))
      expect(rows.length).toBe(4 + 5) // the profile's four, then the five generated
      for (const row of rows.slice(4)) {
        const [username, password] = row.trim().split(/\s+/)
        expect(password).toBe('Password1')
        const res = await post(`${url}/api/token`, new URLSearchParams({ grant_type: 'password', username: username!, password: 'Password1' }).toString())
        expect(res.status).toBe(200)
      }
      // Every row's password and role start in the same column.
      expect(new Set(rows.map((row) => row.indexOf('Password1'))).size).toBe(1)
      const roleColumn = (row: string) => /^ {4}\S+ +Password1 +/.exec(row)![0].length
      expect(new Set(rows.map(roleColumn)).size).toBe(1)
    } finally {
      child.kill('SIGTERM')
    }
  })

  it('--cors answers a browser preflight (off by default: 405), as --help says', async () => {
    const ask = { method: 'OPTIONS', headers: { origin: 'http://page.example', 'access-control-request-method': 'POST' } }
    expect((await runCli(['serve', '--help'])).stdout).toMatch(/--cors +let pages on other origins call the vendor routes[^]*default off/)
    for (const [flags, status] of [[['--cors'], 204], [[], 405]] as const) {
      const { child, url } = await startCli(['--port', '0', ...flags])
      try {
        const res = await fetch(`${url}/api/token`, ask)
        expect(res.status).toBe(status)
        expect(res.headers.get('access-control-allow-origin')).toBe(status === 204 ? '*' : null)
      } finally {
        child.kill('SIGTERM')
      }
    }
  })

  it('logs one line per request with --log requests, without query, body or headers', async () => {
    const { child, url, output } = await startCli(['--port', '0', '--log', 'requests'])
    try {
      await post(`${url}/api/token`, EXAMPLE)
      await fetch(`${url}/api/v7.1/Clients?clientId=secret-looking`, { method: 'DELETE' })
      await new Promise((r) => setTimeout(r, 200))
      expect(output()).toMatch(/POST {3}\/api\/token 200 [\d.]+ms/)
      expect(output()).toMatch(/DELETE \/api\/v7\.1\/Clients 401 [\d.]+ms/)
      expect(output()).not.toContain('secret-looking')
    } finally {
      child.kill('SIGTERM')
    }
  })

  it('applies --access-ttl and never prints the passwords of a fixtures file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cli-'))
    const file = join(dir, 'accounts.json')
    writeFileSync(file, JSON.stringify({ accounts: [{ username: 'lab\\ci', password: 'S3cr3t-Value', role: 'Plan Author' }] }))
    const { child, url, output } = await startCli(['--port', '0', '--fixtures', file, '--access-ttl', '90s'])
    try {
      const res = await post(`${url}/api/token`, 'username=lab\\ci&password=S3cr3t-Value')
      expect(((await res.json()) as { expires_in: number }).expires_in).toBe(89)
      expect(output()).toContain('lab\\ci')
      expect(output()).not.toContain('S3cr3t-Value')
    } finally {
      child.kill('SIGTERM')
    }
  })

  it('exits 2 with one line when the port is in use', async () => {
    const blocker = createServer().listen(0, '127.0.0.1')
    await once(blocker, 'listening')
    const { port } = blocker.address() as { port: number }
    try {
      const { code, stderr } = await runCli(['serve', '--port', String(port)])
      expect(code).toBe(2)
      expect(stderr).toBe(`veeam-auth-mock: Port ${port} on 127.0.0.1 is already in use. Choose another with --port.\n`)
    } finally {
      blocker.close()
    }
  })

  it.each([
    [['serve', '--bogus'], "veeam-auth-mock: Unknown option '--bogus' (see --help)\n"],
    [['serve', '--port', '99999'], 'veeam-auth-mock: --port takes a whole number from 0 to 65535 (got "99999").\n'],
    [['serve', '--profile', 'vro-99'], `veeam-auth-mock: Unknown profile "vro-99"; known: ${PROFILE_IDS.join(', ')} (or a profile file, e.g. ./my-profile.json).\n`],
    [['serve', '--access-ttl', '15x'], 'veeam-auth-mock: --access-ttl takes a duration of at least 2 seconds such as 90s, 15m or 2h (got "15x").\n'],
    [['serve', '--log', 'loud'], 'veeam-auth-mock: --log takes one of info, requests, json, off (got "loud").\n'],
    [['serve', '--fixtures', '/nonexistent.json'], 'veeam-auth-mock: Bad fixtures: /nonexistent.json: cannot be read (ENOENT)\n'],
    [['frobnicate'], 'veeam-auth-mock: Unknown command "frobnicate"; see --help.\n'],
  ])('exits 2 with one clear line for %j', async (args, line) => {
    const { code, stderr } = await runCli(args)
    expect(code).toBe(2)
    expect(stderr).toBe(line)
  })

  it('exits 2 naming the known quirks for an unknown --quirk', async () => {
    const { code, stderr } = await runCli(['serve', '--quirk', 'nope'])
    expect(code).toBe(2)
    expect(stderr).toBe(`veeam-auth-mock: Unknown quirk "nope"; known: ${Object.keys(QUIRKS).join(', ')}.\n`)
  })

  it('prints help naming every flag, and the version', async () => {
    const help = await runCli(['serve', '--help'])
    expect(help.code).toBe(0)
    for (const flag of ['--profile', '--port', '--host', '--fixtures', '--generate-users', '--seed', '--access-ttl', '--refresh-ttl', '--log', '--quirk', '--list-profiles', '--help', '--version']) {
      expect(help.stdout).toContain(flag)
    }
    const version = await runCli(['--version'])
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+$/)
  })
})

describe('every command of src/cli/main.ts parses its flags', () => {
  // The commands as main.ts dispatches them, so a new one is covered here without editing this list.
  const source = readFileSync(fileURLToPath(new URL('../src/cli/main.ts', import.meta.url)), 'utf8')
  const commands = [...source.matchAll(/case '([a-z][a-z-]*)':/g)].map((m) => m[1]!).filter((c) => c !== 'help')
  const specDir = fileURLToPath(new URL('../spec/', import.meta.url))
  const specTimes = () => readdirSync(specDir).map((f) => `${f} ${statSync(join(specDir, f)).mtimeMs}`)

  it('finds the commands', () => {
    expect(commands).toEqual(['serve', 'profiles', 'spec', 'conformance'])
  })

  it.each(commands)('%s --help prints its usage, exits 0 and writes nothing', async (command) => {
    const before = specTimes()
    const { code, stdout, stderr } = await runCli([command, '--help'])
    expect(code).toBe(0)
    expect(stdout).toMatch(/^Usage: /)
    expect(stderr).toBe('')
    expect(specTimes()).toEqual(before)
  })

  it.each(commands.flatMap((c) => [[c, '--bogus'], [c, 'stray']]))('%s %s exits 2 with one line and writes nothing', async (command, arg) => {
    const before = specTimes()
    const { code, stdout, stderr } = await runCli([command, arg])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr).toMatch(/^(veeam-auth-mock|conformance): [^\n]+\n$/)
    expect(specTimes()).toEqual(before)
  })

  it.each([
    [['serve', '--port', '-1'], 'veeam-auth-mock: --port needs a value; to give one that starts with a dash write --port=VALUE (see --help)\n'],
    [['serve', '--port=-1'], 'veeam-auth-mock: --port takes a whole number from 0 to 65535 (got "-1").\n'],
    [['conformance', '--timeout', '-1'], 'conformance: --timeout needs a value; to give one that starts with a dash write --timeout=VALUE (see --help)\n'],
    [['--version', '--bogus'], "veeam-auth-mock: Unknown option '--bogus' (see --help)\n"],
  ])('%j: one line, exit 2', async (args, line) => {
    const { code, stderr } = await runCli(args)
    expect(code).toBe(2)
    expect(stderr).toBe(line)
  })
})

describe('the package bin (veeam-auth-mock)', () => {
  it('serves through bin/veeam-auth-mock.js and answers the documented example', async () => {
    const { spawn } = await import('node:child_process')
    const bin = new URL('../bin/veeam-auth-mock.js', import.meta.url).pathname
    const child = spawn(process.execPath, [bin, 'serve', '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] })
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let output = ''
        child.stdout.on('data', (d) => {
          output += d
          const match = /listening on (http:\/\/\S+)/.exec(output)
          if (match) resolve(match[1]!)
        })
        child.once('exit', (code) => reject(new Error(`bin exited with ${code}`)))
      })
      expect((await post(`${url}/api/token`, EXAMPLE)).status).toBe(200)
    } finally {
      child.kill('SIGTERM')
    }
  })
})
