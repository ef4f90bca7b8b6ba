import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { createApp } from '../app.js'
import { vro71 } from '../profiles/vro-7.1.js'
import { token } from '../../test/support/flows.js'
import { defaultFixtures, FixtureError, parseFixtures, readFixturesFile } from './fixtures.js'
import { generateAccounts } from './generate.js'
import { parseUsername } from './username.js'

describe('parseUsername', () => {
  const bare = { bareAllowed: true, defaultDomain: 'vdro' }
  it.each([
    ['vdro\\administrator', bare, { domain: 'vdro', name: 'administrator' }],
    ['administrator', bare, { domain: 'vdro', name: 'administrator' }],
    ['administrator', { ...bare, bareAllowed: false }, undefined],
    ['\\administrator', bare, undefined],
    ['vdro\\', bare, undefined],
    ['a\\b\\c', bare, undefined],
  ])('reads %j', (input, rule, expected) => expect(parseUsername(input, rule)).toEqual(expected))
})

describe('fixtures', () => {
  it('ships the vendor example accounts for vro-7.1', () => {
    expect(defaultFixtures('vro-7.1').map((a) => [a.username, a.role])).toEqual([
      ['vdro\\administrator', 'Orchestrator Administrator'],
      ['vdro\\planauthor', 'Plan Author'],
      ['vdro\\planoperator', 'Plan Operator'],
      ['vdro\\viewer', 'Viewer'],
    ])
  })

  it.each([
    [{}, 'f.json: accounts: Invalid input: expected array, received undefined'],
    [{ accounts: [] }, 'f.json: accounts: Too small: expected array to have >=1 items'],
    [{ accounts: [{ username: 'a\\b\\c', password: 'x', role: 'r' }] }, 'f.json: accounts.0.username: must be DOMAIN\\USERNAME or USERNAME'],
    [{ accounts: [{ username: 'a', password: '', role: 'r' }] }, 'f.json: accounts.0.password: Too small: expected string to have >=1 characters'],
    [{ accounts: [{ username: 'a', password: 'x', role: 'r', extra: 1 }] }, 'f.json: accounts.0: Unrecognized key: "extra"'],
  ])('refuses %j with a message naming the place', (data, message) => {
    expect(() => parseFixtures(data, 'f.json')).toThrow(new FixtureError(message))
  })

  it('names unreadable and non-JSON files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fixtures-'))
    writeFileSync(join(dir, 'bad.json'), '{nope')
    expect(() => readFixturesFile(join(dir, 'missing.json'))).toThrow(/missing\.json: cannot be read \(ENOENT\)/)
    expect(() => readFixturesFile(join(dir, 'bad.json'))).toThrow(/bad\.json: not valid JSON/)
  })

  it('replaces the default accounts when given', async () => {
    const app = createApp({ accounts: [{ username: 'lab\\ci', password: 'pw', role: 'Plan Author' }] })
    expect((await token(app, { username: 'lab\\ci', password: 'pw' })).res.status).toBe(200)
    expect((await token(app, { username: 'vdro\\administrator', password: 'Password1' })).res.status).toBe(400)
  })
})

describe('generateAccounts', () => {
  it('makes the same accounts for the same seed and others for another seed', async () => {
    const a = await generateAccounts(vro71, 20, 7)
    expect(await generateAccounts(vro71, 20, 7)).toEqual(a)
    expect(await generateAccounts(vro71, 20, 8)).not.toEqual(a)
  })

  it('makes distinct vdro accounts with API roles that can log in', async () => {
    const accounts = await generateAccounts(vro71, 50, 1)
    expect(new Set(accounts.map((a) => a.username)).size).toBe(50)
    for (const a of accounts) {
      expect(a.username).toMatch(/^vdro\\[a-z0-9._-]+$/)
      expect(vro71.roles).toContain(a.role)
    }
    const app = createApp({ accounts })
    expect((await token(app, { username: accounts[0]!.username, password: accounts[0]!.password })).res.status).toBe(200)
  })
})
