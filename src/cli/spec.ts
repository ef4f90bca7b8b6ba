/**
 * @module `npm run spec`: writes spec/<profile>.openapi.json for every profile, spec/control.openapi.json and
 * spec/profile.schema.json; with `--profile ID|FILE --out FILE`, one profile's document (e.g. a profile file's).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import { parseArgs } from 'node:util'
import { CONTROL_SPEC_PATH, controlSpecText } from '../control/spec-file.js'
import { PROFILE_SCHEMA_PATH, profileSchemaText, specPath, specText } from '../docs/spec-files.js'
import { PROFILES } from '../profiles/index.js'
import { profileFlag } from './profile-flag.js'
import { UsageError } from './usage-error.js'

export const SPEC_HELP = `Usage: npm run spec                                   (or: veeam-auth-mock spec)
       npm run spec -- --profile ID|FILE --out FILE

Without flags: writes spec/<profile>.openapi.json for every profile, spec/control.openapi.json and
spec/profile.schema.json (the profile file format). With --profile and --out: writes that one profile's
OpenAPI document to FILE (what conformance --spec reads; a profile FILE is validated first).
`

export function writeSpecs(args: string[], out: (line: string) => void): void {
  let values
  try {
    values = parseArgs({ args, options: { profile: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (see spec --help)`)
  }
  if (values.help) return out(SPEC_HELP.trimEnd())
  if ((values.profile === undefined) !== (values.out === undefined)) throw new UsageError('spec: --profile and --out go together (see spec --help).')
  if (values.profile !== undefined && values.out !== undefined) {
    const { profile, accounts } = profileFlag(values.profile)
    writeWhole(values.out, specText(profile, accounts))
    return out(`wrote ${values.out}`)
  }
  for (const profile of PROFILES) writeWhole(specPath(profile), specText(profile))
  writeWhole(CONTROL_SPEC_PATH, controlSpecText())
  writeWhole(PROFILE_SCHEMA_PATH, profileSchemaText())
  for (const path of [...PROFILES.map(specPath), CONTROL_SPEC_PATH, PROFILE_SCHEMA_PATH]) out(`wrote ${relative(process.cwd(), path)}`)
}

function writeWhole(path: string, text: string): void {
  try {
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, text)
  } catch (error) {
    throw new UsageError(`spec: cannot write ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
}
