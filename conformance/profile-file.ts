/**
 * @module `--profile FILE`: the suite's spec, derived from a profile file by the package's own command
 * (`veeam-auth-mock spec --profile FILE --out TMP`, run as a child process, since conformance/ imports nothing of src/).
 */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { UsageError } from './options.js'
import { packageRoot } from './spec.js'

/** As the mock reads `--profile`: a path, not an id, when it ends in .json or holds a slash. */
export const isProfileFile = (value: string) => value.endsWith('.json') || value.includes('/') || value.includes('\\')

export interface DerivedSpec {
  /** The profile's id, as the spec names it. */
  id: string
  specFile: string
  remove(): void
}

/** Writes the profile file's OpenAPI document to a temporary file; a bad profile file is a UsageError of the mock's one line. */
export async function specFromProfileFile(file: string): Promise<DerivedSpec> {
  const dir = mkdtempSync(join(tmpdir(), 'conformance-spec-'))
  const specFile = join(dir, 'profile.openapi.json')
  const remove = () => rmSync(dir, { recursive: true, force: true })
  try {
    const bin = join(packageRoot(), 'bin', 'veeam-auth-mock.js')
    await promisify(execFile)(process.execPath, [bin, 'spec', '--profile', file, '--out', specFile], { timeout: 60_000 })
    const spec = JSON.parse(readFileSync(specFile, 'utf8')) as { 'x-veeam-auth-mock'?: { id?: string } }
    return { id: spec['x-veeam-auth-mock']?.id ?? '', specFile, remove }
  } catch (error) {
    remove()
    const stderr = String((error as { stderr?: unknown }).stderr ?? '').trim()
    // The mock's refusal is one line: `veeam-auth-mock: profile FILE: /pointer: problem`.
    const line = stderr.split('\n').find((l) => l.startsWith('veeam-auth-mock: '))
    throw new UsageError(line === undefined ? `--profile ${file}: could not derive its spec (${(error as Error).message.split('\n')[0]})` : line.slice('veeam-auth-mock: '.length))
  }
}
