/**
 * @module `npm run spec`: writes spec/<profile>.openapi.json for every profile, spec/control.openapi.json and
 * spec/profile.schema.json; with `--profile ID|FILE --out FILE`, one profile's document (e.g. a profile file's).
 */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import { CONTROL_SPEC_PATH, controlSpecText } from '../control/spec-file.js'
import { PROFILE_SCHEMA_PATH, profileSchemaText, specPath, specText } from '../docs/spec-files.js'
import { PROFILES } from '../profiles/index.js'
import { parseFlags } from './parse-flags.js'
import { assertFixtureRoles, profileFlag } from './profile-flag.js'
import { UsageError } from './usage-error.js'

export const SPEC_HELP = `Usage: npm run spec                                   (or: veeam-auth-mock spec)
       npm run spec -- --profile ID|FILE --out FILE

Without flags: writes spec/<profile>.openapi.json for every profile, spec/control.openapi.json and
spec/profile.schema.json (the profile file format), in the package's own spec/ directory (a development task:
the files are committed and shipped).

Flags:
  --profile ID|FILE     with --out: write only this profile's OpenAPI document (a profile FILE is validated
                        first; docs/profiles.md "Profiles as files"), e.g. for conformance --spec
  --out FILE            where to write it
  --help                print this help and exit (writes nothing)
`

/** `spec [--profile ID|FILE --out FILE] [--help]`: flags are checked before anything is written. */
export function specCommand(args: string[], out: (line: string) => void): number {
  const flags = parseFlags(args, { profile: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } })
  if (flags.help) return out(SPEC_HELP.trimEnd()), 0
  if ((flags.profile === undefined) !== (flags.out === undefined)) throw new UsageError('spec: --profile and --out go together (see spec --help).')
  if (flags.profile !== undefined && flags.out !== undefined) {
    const { profile, accounts, builtInFixtures, fixturesSource } = profileFlag(flags.profile)
    // As serve refuses them: a fixture's unknown role is the file's mistake, not a crash.
    assertFixtureRoles(profile, accounts, fixturesSource)
    writeWhole(flags.out, specText(profile, accounts, builtInFixtures))
    return out(`wrote ${flags.out}`), 0
  }
  writeSpecs(out)
  return 0
}

export function writeSpecs(out: (line: string) => void): void {
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
