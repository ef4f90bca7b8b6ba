import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, startCli } from './support/cli-process.js'

const dir = mkdtempSync(join(tmpdir(), 'stubs-cli-'))
function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}

describe('veeam-auth-mock serve --stubs (the real CLI)', () => {
  it('serves the stubs of fixtures/stubs.example.json behind the bearer token', async () => {
    const { child, url, output } = await startCli(['--port', '0', '--stubs', 'fixtures/stubs.example.json'])
    try {
      expect(output()).toContain('Stubs       GET /api/v7.1/Plans, GET /api/v7.1/Plans/{id}, POST /api/v7.1/Plans/{id}/Start')
      expect((await fetch(`${url}/api/v7.1/Plans`)).status).toBe(401)
      const login = await fetch(`${url}/api/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=password&username=vdro%5Cadministrator&password=Password1',
      })
      const { access_token } = (await login.json()) as { access_token: string }
      const res = await fetch(`${url}/api/v7.1/Plans/7c9e6679-7425-40de-944b-e07fc1f90ae7`, { headers: { authorization: `Bearer ${access_token}` } })
      expect([res.status, await res.json()]).toEqual([200, { id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', name: 'Tier 1 failover' }])
    } finally {
      child.kill('SIGTERM')
    }
  })

  it('an empty list turns off the default stubs of vac-2', async () => {
    const { child, url, output } = await startCli(['--profile', 'vac-2', '--port', '0', '--stubs', file('none.json', '[]')])
    try {
      expect(output()).not.toContain('Stubs ')
      expect((await fetch(`${url}/v2/tenants`)).status).toBe(404)
    } finally {
      child.kill('SIGTERM')
    }
  })

  it.each([
    ['bad-field.json', '[{"method":"GET","path":"/a"},{"method":"GET","path":"/b","status":"200"}]', 'entry 2 (GET /b): status: Invalid input: expected number, received string'],
    ['typo.json', '[{"method":"GET","path":"/a","bdy":[]}]', 'entry 1 (GET /a): (stub): Unrecognized key: "bdy"'],
    ['collision.json', '[{"method":"GET","path":"/api/v7.1/Clients"}]', 'entry 1 (GET /api/v7.1/Clients): path: /api/v7.1/Clients takes /api/v7.1/Clients, which the mock itself serves'],
    ['object.json', '{"stubs":[]}', '(root): must be a JSON array of stubs'],
    ['broken.json', '[{', 'not valid JSON'],
  ])('%s: exit 2 with one line naming the file, the entry and the field', async (name, text, problem) => {
    const path = file(name, text)
    const { code, stdout, stderr } = await runCli(['serve', '--port', '0', '--stubs', path])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.split('\n')).toHaveLength(2)
    expect(stderr).toMatch(/\n$/)
    expect(stderr.startsWith(`veeam-auth-mock: Bad stubs: ${path}: ${problem}`)).toBe(true)
  })

  it('a missing file: exit 2 with one line', async () => {
    const { code, stderr } = await runCli(['serve', '--stubs', '/nonexistent-stubs.json'])
    expect([code, stderr]).toEqual([2, 'veeam-auth-mock: Bad stubs: /nonexistent-stubs.json: cannot be read (ENOENT)\n'])
  })
})
