/** @module --stubs FILE: reads a JSON list of stubs and checks it against the profile, or throws a one-line UsageError. */
import { readFileSync } from 'node:fs'
import type { Profile } from '../profiles/profile.js'
import { StubRegistry } from '../stubs/stub-registry.js'
import { parseStubList, StubError, type Stub } from '../stubs/stub-schema.js'
import { UsageError } from './usage-error.js'

export const STUBS_HELP = `  --stubs FILE          JSON list of stub resources served behind the bearer token, replacing the
                        profile's own (vac-2 has two): [{"method":"GET","path":"/api/v7.1/Plans/{id}",
                        "status":200,"headers":{},"body":[],"as":"user"}] (see docs/stand-in.md "Stub resources")`

/** The stubs of `path`, valid for `profile` and no more than `max`. */
export function readStubsFlag(path: string, profile: Profile, max?: number): Stub[] {
  const fail = (problem: string) => new UsageError(`Bad stubs: ${path}: ${problem}`)
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw fail(`cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw fail(`not valid JSON (${(error as Error).message})`)
  }
  try {
    const stubs = parseStubList(data)
    // The registry checks what the schema cannot: collisions with the profile's routes, repeats.
    new StubRegistry(profile, stubs, max)
    return stubs
  } catch (error) {
    if (error instanceof StubError) throw fail(error.message)
    throw error
  }
}

/** The banner line naming the stubs a mock serves; empty when it serves none. */
export function stubsBannerLine(stubs: readonly { method: string; path: string }[]): string {
  if (stubs.length === 0) return ''
  const names = stubs.map((s) => `${s.method} ${s.path}`)
  const shown = names.length <= 3 ? names.join(', ') : `${names.slice(0, 3).join(', ')} and ${names.length - 3} more`
  return `\n  Stubs       ${shown}`
}
