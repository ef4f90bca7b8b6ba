/** @module --tenants, --max-tenants and --tenant-idle through the real CLI: served, limited, refused when bad. */
import { describe, expect, it } from 'vitest'
import { runCli, startCli } from './support/cli-process.js'

const LOGIN = 'grant_type=password&username=vdro%5Cadministrator&password=Password1'
const form = { 'content-type': 'application/x-www-form-urlencoded' }

describe('serve --tenants', () => {
  it('--max-tenants 1: one tenant is served, a second answers 503, the default tenant stays open; the banner says so', async () => {
    const { child, url, output } = await startCli(['--port', '0', '--tenants', '--max-tenants', '1', '--tenant-idle', '10m'])
    try {
      expect((await fetch(`${url}/t/only/api/token`, { method: 'POST', headers: form, body: LOGIN })).status).toBe(200)
      const refused = await fetch(`${url}/t/second/api/token`, { method: 'POST', headers: form, body: LOGIN })
      expect(refused.status).toBe(503)
      expect(await refused.json()).toEqual({ message: expect.stringContaining('All 1 tenant slots are in use') })
      expect((await fetch(`${url}/api/token`, { method: 'POST', headers: form, body: LOGIN })).status).toBe(200)
      expect(output()).toContain('Tenants     ')
      expect(output()).toContain('(at most 1 live; dropped after 10m idle)')
    } finally {
      child.kill('SIGTERM')
    }
  })

  it.each([
    [['--tenants', '--max-tenants', '0'], /--max-tenants/],
    [['--tenants', '--tenant-idle', 'soon'], /--tenant-idle/],
  ])('%j exits 2 with one line naming the flag', async (flags, named) => {
    const { code, stderr } = await runCli(['serve', '--port', '0', ...flags])
    expect(code).toBe(2)
    expect(stderr.trim().split('\n')).toHaveLength(1)
    expect(stderr).toMatch(named)
  })
})

describe('serve --tenants --log', () => {
  it('requests: each line names the tenant; a request refused for its tenant name is logged with its 400', async () => {
    const { child, url, output } = await startCli(['--port', '0', '--tenants', '--log', 'requests'])
    try {
      expect((await fetch(`${url}/t/log-a/api/token`, { method: 'POST', headers: form, body: LOGIN })).status).toBe(200)
      expect((await fetch(`${url}/api/token`, { method: 'POST', headers: { ...form, 'x-mock-tenant': 'log-b' }, body: LOGIN })).status).toBe(200)
      expect((await fetch(`${url}/t/bad%20name/api/token`, { method: 'POST', headers: form, body: LOGIN })).status).toBe(400)
      expect((await fetch(`${url}/api/token`, { method: 'POST', headers: form, body: LOGIN })).status).toBe(200)
      await new Promise((resolve) => setTimeout(resolve, 200))
      const lines = output().split('\n').filter((line) => /^\d\d:\d\d:\S+ POST /.test(line))
      expect(lines.map((line) => line.replace(/^\S+ /, '').replace(/ [\d.]+ms/, ''))).toEqual([
        'POST   /api/token 200 (tenant log-a)',
        'POST   /api/token 200 (tenant log-b)',
        'POST   /api/token 400',
        'POST   /api/token 200',
      ])
    } finally {
      child.kill('SIGTERM')
    }
  })
})
