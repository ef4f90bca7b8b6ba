/**
 * @module Profiles as files: `{"extends": "vro-7.21", ...changes}` (a deep merge over a built-in profile) or a
 * whole profile, validated by the same zod schema as the built-in ones; and a built-in profile exported as one.
 */
import { readFileSync, statSync } from 'node:fs'
import { z } from 'zod'
import { defaultFixtures, FixtureFile, parseFixtures, type AccountFixture } from '../accounts/fixtures.js'
import { findProfile, PROFILE_IDS } from './index.js'
import type { Profile } from './profile.js'
import { ProfileObject, profileRules, ProfileSchema } from './profile-schema.js'

/** What an exported file's `$schema` says: the schema as installed next to the file's project (editors resolve it from the file). */
export const PROFILE_SCHEMA_REF = './node_modules/veeam-auth-mock/spec/profile.schema.json'

/** Larger than any sane profile; a bound so a wrong path (a log, a disk image) fails fast. */
const MAX_FILE_BYTES = 1_000_000

/** A profile file that cannot be used; the message is one line: `profile FILE: /json/pointer: problem`. */
export class ProfileFileError extends Error {}

/** A profile with its accounts, and where those came from (for messages). */
export interface LoadedProfile {
  profile: Profile
  accounts: AccountFixture[]
  fixturesSource: string
  /** Whether the accounts are a built-in fixtures file (their passwords may be shown); a file's own never are. */
  builtInFixtures: boolean
}

const known = `known: ${PROFILE_IDS.join(', ')}`
const Extends = z.string().refine((id) => findProfile(id) !== undefined, {
  error: `expected a built-in profile id (a file cannot extend a file); ${known}`,
})
const extras = {
  $schema: z.string().exactOptional(),
  fixtures: FixtureFile.exactOptional().meta({ description: 'The accounts to serve; default: the extended profile\'s fixtures (or the built-in fixtures of this id).' }),
}

/** Every object optional all the way down (a patch); arrays and everything else stay whole, since they replace. */
function patchOf(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodExactOptional || schema instanceof z.ZodOptional) return patchOf(schema.unwrap() as z.ZodType)
  if (schema instanceof z.ZodObject) {
    const shape = Object.fromEntries(Object.entries(schema.shape as Record<string, z.ZodType>).map(([key, field]) => [key, patchOf(field).exactOptional()]))
    return z.strictObject(shape)
  }
  if (schema instanceof z.ZodRecord) return z.partialRecord(schema.keyType as z.ZodString, patchOf(schema.valueType as z.ZodType))
  return schema
}

const WholeFile = ProfileObject.extend(extras).superRefine(profileRules).meta({ title: 'A whole profile' })
const ExtendsFile = (patchOf(ProfileObject) as z.ZodObject)
  .extend({ extends: Extends.meta({ description: 'The built-in profile this file changes.', examples: [...PROFILE_IDS] }), ...extras })
  .meta({ title: 'Changes to a built-in profile (objects merge, arrays and scalars replace)' })

/** The file format, as spec/profile.schema.json publishes it. */
export const PROFILE_FILE_SCHEMA = z.union([ExtendsFile, WholeFile]).meta({
  title: 'veeam-auth-mock profile',
  description: 'A product version for veeam-auth-mock --profile FILE: {"extends": ID, ...changes} or a whole profile. See docs/profiles.md "Profiles as files".',
})

/** RFC 6901: `~` and `/` escaped, each segment after a slash; the root is `/`. */
function pointer(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '/' : path.map((key) => `/${String(key).replaceAll('~', '~0').replaceAll('/', '~1')}`).join('')
}

function firstIssue(error: z.ZodError, source: string): ProfileFileError {
  const issue = error.issues[0]!
  // An unknown key is reported on its parent object; name the key itself.
  const path = issue.code === 'unrecognized_keys' ? [...issue.path, issue.keys[0]!] : issue.path
  const message = issue.code === 'unrecognized_keys' ? 'unknown field' : issue.message
  return new ProfileFileError(`profile ${source}: ${pointer(path)}: ${message.split('\n')[0]}`)
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Objects merge key by key; arrays, scalars and null replace. */
export function deepMerge(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch)) return patch
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(patch)) merged[key] = deepMerge(base[key], value)
  return merged
}

/** Validates parsed JSON as a profile file; `source` names it in errors. */
export function parseProfileFile(data: unknown, source: string): LoadedProfile {
  if (!isObject(data)) throw new ProfileFileError(`profile ${source}: /: expected an object`)
  if ('extends' in data) {
    const patch = ExtendsFile.safeParse(data)
    if (!patch.success) throw firstIssue(patch.error, source)
    const { extends: baseId, $schema: _schema, fixtures, ...changes } = patch.data as Record<string, unknown> & { extends: string; fixtures?: Fixtures }
    const base = findProfile(baseId)!
    const merged = ProfileSchema.safeParse(deepMerge(base, changes))
    if (!merged.success) throw firstIssue(merged.error, source)
    return withAccounts(merged.data, fixtures, base.id, source)
  }
  const whole = WholeFile.safeParse(data)
  if (!whole.success) throw firstIssue(whole.error, source)
  const { $schema: _schema, fixtures, ...profile } = whole.data
  if (fixtures === undefined && findProfile(profile.id) === undefined) {
    throw new ProfileFileError(`profile ${source}: /fixtures: required: there are no built-in fixtures for id "${profile.id}"`)
  }
  return withAccounts(profile, fixtures, profile.id, source)
}

type Fixtures = z.output<typeof FixtureFile>

function withAccounts(parsed: z.output<typeof ProfileObject>, fixtures: Fixtures | undefined, fixturesId: string, source: string): LoadedProfile {
  // The schema's output drops nothing a profile holds; the input type is the Profile (profile-schema.test.ts).
  const profile = parsed as Profile
  // Already valid; parseFixtures also drops the fields left out, as every fixtures file's accounts are.
  if (fixtures !== undefined) return { profile, accounts: parseFixtures(fixtures, `${source} /fixtures`), fixturesSource: `${source} /fixtures`, builtInFixtures: false }
  return { profile, accounts: defaultFixtures(fixturesId), fixturesSource: `fixtures/${fixturesId}.json`, builtInFixtures: true }
}

/** Reads and validates a profile file. */
export function readProfileFile(path: string): LoadedProfile {
  let text: string
  try {
    if (statSync(path).size > MAX_FILE_BYTES) throw new ProfileFileError(`profile ${path}: larger than ${MAX_FILE_BYTES} bytes`)
    text = readFileSync(path, 'utf8')
  } catch (error) {
    if (error instanceof ProfileFileError) throw error
    throw new ProfileFileError(`profile ${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    // V8 quotes part of the text in its message; the file may hold passwords, so say only where.
    const at = /position (\d+)/.exec((error as Error).message)?.[1]
    throw new ProfileFileError(`profile ${path}: /: not valid JSON${at === undefined ? '' : ` (at character ${at})`}`)
  }
  return parseProfileFile(data, path)
}

/** A path `--profile` and startMock read as a profile file (a typo in an id stays a type error). */
export type ProfileFilePath = `${string}.json` | `${string}/${string}`

/** Whether a `--profile` value names a file rather than a built-in id (ids hold no slash and do not end in .json). */
export function isProfilePath(value: string): value is ProfileFilePath {
  return value.endsWith('.json') || value.includes('/') || value.includes('\\')
}

/** A built-in profile as a whole-profile file (2-space JSON, trailing newline). */
export function exportProfile(profile: Profile): string {
  return `${JSON.stringify({ $schema: PROFILE_SCHEMA_REF, ...profile }, null, 2)}\n`
}
