import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createMock } from '../create-mock.js'
import { parseServeArgs, type ServeConfig } from './serve.js'

const parse = async (args: string[]) => (await parseServeArgs(args)) as ServeConfig

function fixturesFile(accounts: unknown[]): string {
  const path = join(mkdtempSync(join(tmpdir(), 'vam-roles-')), 'accounts.json')
  writeFileSync(path, JSON.stringify({ accounts }))
  return path
}

describe('serve refuses names that would do nothing', () => {
  it('refuses a fixtures role "plan author" at start, listing the roles of the profile', async () => {
    const path = fixturesFile([{ username: 'lab\\ci', password: 'p', role: 'plan author' }])
    await expect(parseServeArgs(['--fixtures', path])).rejects.toThrow(
      `Bad fixtures: ${path}: account "lab\\ci": role "plan author" is not a role of profile vro-7.1; known: Orchestrator Administrator, Plan Author (API rights); Plan Operator, Viewer (no API rights).`,
    )
  })

  it('accepts fixtures roles without API rights that the profile names (a Viewer, to test the refusal)', async () => {
    const path = fixturesFile([{ username: 'lab\\ci', password: 'p', role: 'Viewer' }])
    expect((await parse(['--fixtures', path])).accounts).toEqual([{ username: 'lab\\ci', password: 'p', role: 'Viewer' }])
  })

  it("every profile's own fixtures hold only roles the profile knows", async () => {
    for (const id of ['vro-7.1', 'vao-3', 'vac-2', 'vao-4', 'vdro-5', 'vro-7.0', 'vro-7.2', 'vro-7.21']) {
      expect((await parse(['--profile', id])).accounts.length).toBeGreaterThan(0)
    }
  })

  it('createMock and the control API refuse an unknown role too, changing nothing', async () => {
    expect(() => createMock({ accounts: [{ username: 'lab\\ci', password: 'p', role: 'Plan Authr' }] })).toThrow('role "Plan Authr" is not a role of profile vro-7.1')
    const mock = createMock({ control: true })
    const add = await mock.app.request('/__control/accounts', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'lab\\ci', password: 'p', role: 'Nobody' }),
    })
    expect(add.status).toBe(400)
    expect(((await add.json()) as { message: string }).message).toMatch(/^role: role "Nobody" is not a role of profile vro-7.1; known: /)
    const patch = await mock.app.request('/__control/accounts/vdro%5Cadministrator', {
      method: 'PATCH',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ role: 'Nobody', disabled: true }),
    })
    expect(patch.status).toBe(400)
    expect(mock.harness!.accounts.list().find((a) => a.username === 'vdro\\administrator')).toEqual({ username: 'vdro\\administrator', role: 'Orchestrator Administrator', disabled: false })
    expect(mock.harness!.accounts.list().some((a) => a.username === 'lab\\ci')).toBe(false)
  })

  it('refuses --quirk clients-can-create-clients on vac-2, which has no Clients resource', async () => {
    await expect(parseServeArgs(['--profile', 'vac-2', '--quirk', 'clients-can-create-clients'])).rejects.toThrow(
      'Quirk "clients-can-create-clients" needs a Clients resource, which profile vac-2 does not have',
    )
    expect((await parse(['--profile', 'vac-2', '--quirk', 'refresh-token-reusable'])).options.quirks).toEqual(['refresh-token-reusable'])
  })
})

describe('serve warns about lifetimes that cannot work', () => {
  it('--access-ttl 3h --refresh-ttl 1h: a warning, and it still starts', async () => {
    const config = await parse(['--access-ttl', '3h', '--refresh-ttl', '1h'])
    expect(config.warnings).toEqual([
      '--refresh-ttl (1h) is shorter than --access-ttl (3h): a refresh token expires before its access token, so no client can ever refresh',
    ])
    expect(config.options.lifetimes).toEqual({ accessSeconds: 10800, refreshSeconds: 3600 })
  })

  it("--access-ttl 3h alone is longer than the profile's 2h refresh lifetime: warned", async () => {
    expect((await parse(['--access-ttl', '3h'])).warnings).toEqual([
      "the profile's refresh-ttl (2h) is shorter than --access-ttl (3h): a refresh token expires before its access token, so no client can ever refresh",
    ])
  })

  it('no warning for the defaults or a refresh lifetime at least the access lifetime', async () => {
    expect((await parse([])).warnings).toEqual([])
    expect((await parse(['--access-ttl', '1h', '--refresh-ttl', '1h'])).warnings).toEqual([])
  })
})

describe('serve warns about flags that do nothing alone', () => {
  it('--seed without --generate-users, --control-token or --journal-size with --no-control', async () => {
    expect((await parse(['--seed', '7'])).warnings).toEqual(['--seed does nothing without --generate-users or --openapi'])
    expect((await parse(['--no-control', '--control-token', 'T', '--journal-size', '5'])).warnings).toEqual([
      '--control-token does nothing with --no-control',
      '--journal-size does nothing with --no-control',
    ])
    expect((await parse(['--seed', '7', '--generate-users', '2', '--control-token', 'T'])).warnings).toEqual([])
  })

  it('--max-tenants and --tenant-idle without --tenants; with it they are options', async () => {
    expect((await parse(['--max-tenants', '5', '--tenant-idle', '1m'])).warnings).toEqual([
      '--max-tenants does nothing without --tenants',
      '--tenant-idle does nothing without --tenants',
    ])
    const on = await parse(['--tenants', '--max-tenants', '5', '--tenant-idle', '1m'])
    expect(on.warnings).toEqual([])
    expect(on.options.tenants).toEqual({ max: 5, idleMs: 60_000 })
    expect((await parse([])).options.tenants).toBeUndefined()
  })
})
