/**
 * @module --record FILE: what the target did where the vendor is silent, written as a profile file that extends the
 * profile the run used (`{"extends": ID, "outcomes": {...}}`), so the mock serving it answers as the target did.
 */
import { readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs'
import type { ObservedPatch } from './outcomes.js'
import { UsageError } from './options.js'

/** As the mock bounds profile files. */
const MAX_FILE_BYTES = 1_000_000

export type RecordBase = Record<string, unknown>

/**
 * The file a recording starts from: `{"extends": id}` for a built-in profile; with `--profile FILE`, that file's
 * content (its other changes kept). A file with `fixtures` is refused: they hold passwords, which a recording never does.
 */
export function recordBase(profile: string, isFile: boolean): RecordBase {
  if (!isFile) return { extends: profile }
  let data: unknown
  try {
    if (statSync(profile).size > MAX_FILE_BYTES) throw new UsageError(`--record: --profile ${profile} is larger than ${MAX_FILE_BYTES} bytes`)
    data = JSON.parse(readFileSync(profile, 'utf8'))
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError(`--record: --profile ${profile} cannot be read as JSON (${(error as NodeJS.ErrnoException).code ?? 'not valid JSON'})`)
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw new UsageError(`--record: --profile ${profile} is not a JSON object`)
  if ('fixtures' in data) {
    throw new UsageError(`--record: --profile ${profile} has fixtures, which hold passwords a recording must not copy; move them to a fixtures file (--fixtures) and try again`)
  }
  return data as RecordBase
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value)

/** Objects merge key by key, anything else replaces: as the mock merges a profile file over its base. */
function merge(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch)) return patch
  const merged: Record<string, unknown> = { ...base }
  for (const [key, value] of Object.entries(patch)) merged[key] = merge(base[key], value)
  return merged
}

/** The recorded profile file's text: the base with the observed outcomes (and refusals) over its own. */
export function recordedProfile(base: RecordBase, patch: ObservedPatch): string {
  return `${JSON.stringify(merge(base, patch), null, 2)}\n`
}

/** Written whole or not at all: a temporary file beside it, renamed over it. */
export function writeWhole(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`
  try {
    writeFileSync(temporary, text, { flag: 'wx' })
    renameSync(temporary, file)
  } catch (error) {
    try {
      unlinkSync(temporary)
    } catch {
      // Never created, or already renamed.
    }
    throw error
  }
}
