/** @module Profile files: the published JSON Schema, export and load back, extends as a deep merge, and one-line errors naming the pointer. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { Ajv2020 } from 'ajv/dist/2020.js'
import { afterAll, describe, expect, it } from 'vitest'
import { defaultFixtures } from '../accounts/fixtures.js'
import { PROFILE_SCHEMA_PATH, profileSchemaText } from '../docs/spec-files.js'
import { findProfile, PROFILES } from './index.js'
import { deepMerge, exportProfile, parseProfileFile, PROFILE_SCHEMA_REF, ProfileFileError, readProfileFile } from './profile-file.js'

const ajv = new Ajv2020({ strict: false, allErrors: true })
const validate = ajv.compile(JSON.parse(readFileSync(PROFILE_SCHEMA_PATH, 'utf8')))
const vro721 = findProfile('vro-7.21')!
const dir = mkdtempSync(join(tmpdir(), 'profile-file-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

function refusal(data: unknown): string {
  try {
    parseProfileFile(data, './x.json')
  } catch (error) {
    expect(error).toBeInstanceOf(ProfileFileError)
    return (error as Error).message
  }
  throw new Error('the file was accepted')
}

describe('spec/profile.schema.json', () => {
  it('is what npm run spec generates from the zod schema (run npm run spec when it changes)', () => {
    expect(readFileSync(PROFILE_SCHEMA_PATH, 'utf8')).toBe(profileSchemaText())
  })

  it.each(PROFILES.map((p) => [p.id, p] as const))('accepts the export of %s, which loads back to an equal profile', (_id, profile) => {
    const file = JSON.parse(exportProfile(profile)) as Record<string, unknown>
    expect(file['$schema']).toBe(PROFILE_SCHEMA_REF)
    expect(validate(file), JSON.stringify(validate.errors)).toBe(true)
    const loaded = parseProfileFile(file, 'export')
    expect(loaded.profile).toEqual(profile)
    expect(loaded.accounts).toEqual(defaultFixtures(profile.id))
  })

  it('accepts a partial extends file and refuses the same file with a wrong type, as the loader does', () => {
    const good = { extends: 'vro-7.21', id: 'vro-7.3', lifetimes: { accessSeconds: 60 } }
    expect(validate(good), JSON.stringify(validate.errors)).toBe(true)
    expect(validate({ ...good, lifetimes: { accessSeconds: 0 } })).toBe(false)
    expect(validate({ ...good, bogus: true })).toBe(false)
    expect(validate({ id: 'whole-but-incomplete' })).toBe(false)
  })
})

describe('extends', () => {
  it('deep-merges: objects merge key by key, arrays and scalars replace', () => {
    expect(deepMerge({ a: { b: 1, c: 2 }, l: [1, 2], s: 'x' }, { a: { c: 3 }, l: [9], s: 'y' })).toEqual({ a: { b: 1, c: 3 }, l: [9], s: 'y' })
    const { profile, accounts, fixturesSource } = parseProfileFile(
      { extends: 'vro-7.21', id: 'vro-7.3', version: '7.3', clientBases: ['/api/v7.3'], lifetimes: { accessSeconds: 60 }, usernames: { bareAllowed: false } },
      'f',
    )
    expect(profile).toEqual({
      ...vro721,
      id: 'vro-7.3',
      version: '7.3',
      clientBases: ['/api/v7.3'],
      lifetimes: { accessSeconds: 60, refreshSeconds: vro721.lifetimes.refreshSeconds },
      usernames: { ...vro721.usernames, bareAllowed: false },
    })
    expect(accounts).toEqual(defaultFixtures('vro-7.21'))
    expect(fixturesSource).toBe('fixtures/vro-7.21.json')
  })

  it('takes inline fixtures over the extended profile\'s', () => {
    const accounts = [{ username: 'lab\\ci', password: 'pw', role: 'Plan Author' }]
    expect(parseProfileFile({ extends: 'vro-7.21', fixtures: { accounts } }, 'f').accounts).toEqual(accounts)
  })

  it('refuses an unknown id and a file, listing the built-in ids', () => {
    for (const name of ['vro-9', './base.json']) {
      const message = refusal({ extends: name })
      expect(message).toMatch(/^profile \.\/x\.json: \/extends: expected a built-in profile id \(a file cannot extend a file\); known: vro-7\.1, /)
      for (const p of PROFILES) expect(message).toContain(p.id)
    }
  })
})

describe('a bad file', () => {
  it.each([
    [{ extends: 'vro-7.21', lifetimes: { accessSeconds: -1 } }, '/lifetimes/accessSeconds: expected a positive integer'],
    [{ extends: 'vro-7.21', lifetimes: { accessSeconds: 1.5 } }, '/lifetimes/accessSeconds: expected a positive integer'],
    [{ extends: 'vro-7.21', usernames: { domain: 'x' } }, '/usernames/domain: unknown field'],
    [{ extends: 'vro-7.21', clientBases: ['api/v7.3'] }, '/clientBases/0: expected a path starting with /'],
    [{ extends: 'vro-7.21', grants: ['password'], defaultGrant: 'refresh_token' }, '/defaultGrant: expected one of grants (password)'],
    [{ extends: 'vbr-12', errors: { model: 'vbr-error', refusals: { forbidden: { status: 99 } } } }, '/errors/refusals/forbidden/status: expected an HTTP error status (400-599)'],
    [{ extends: 'vro-7.21', fixtures: { accounts: [] } }, '/fixtures/accounts: '],
    [{ ...vro721, id: 'vro-7.3', product: 7 }, '/product: expected a string'],
    [{ id: 'vro-7.3' }, '/product: required'],
    [{ ...vro721, id: 'vro-7.3' }, '/fixtures: required: there are no built-in fixtures for id "vro-7.3"'],
    [[], '/: expected an object'],
  ])('%j is refused with one line naming the pointer', (data, expected) => {
    const message = refusal(data)
    expect(message).toContain(`profile ./x.json: ${expected}`)
    expect(message).not.toContain('\n')
  })

  it('refuses unreadable and non-JSON files by name, without quoting their text (it may hold passwords)', () => {
    const bad = join(dir, 'bad.json')
    writeFileSync(bad, '{"fixtures": {"accounts": [{"password": "hunter2-secret"')
    expect(() => readProfileFile(bad)).toThrow(new ProfileFileError(`profile ${bad}: /: not valid JSON (at character 56)`))
    expect(() => readProfileFile(join(dir, 'missing.json'))).toThrow(`profile ${join(dir, 'missing.json')}: cannot be read (ENOENT)`)
  })
})
