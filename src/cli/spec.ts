/** @module `npm run spec`: writes spec/<profile>.openapi.json for every profile, and spec/control.openapi.json. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import { CONTROL_SPEC_PATH, controlSpecText } from '../control/spec-file.js'
import { specPath, specText } from '../docs/spec-files.js'
import { PROFILES } from '../profiles/index.js'
import { parseFlags } from './parse-flags.js'

export const SPEC_HELP = `Usage: npm run spec        (or: veeam-auth-mock spec)

Writes spec/<profile>.openapi.json for every profile and spec/control.openapi.json, in the package's own
spec/ directory (a development task: the files are committed and shipped).

Flags:
  --help                print this help and exit (writes nothing)
`

/** `spec [--help]`: flags are checked before anything is written. */
export function specCommand(args: string[], out: (line: string) => void): number {
  if (parseFlags(args, { help: { type: 'boolean', short: 'h' } }).help) out(SPEC_HELP.trimEnd())
  else writeSpecs(out)
  return 0
}

export function writeSpecs(out: (line: string) => void): void {
  for (const profile of PROFILES) {
    const path = specPath(profile)
    mkdirSync(dirname(path), { recursive: true })
    writeFileSync(path, specText(profile))
    out(`wrote ${relative(process.cwd(), path)}`)
  }
  writeFileSync(CONTROL_SPEC_PATH, controlSpecText())
  out(`wrote ${relative(process.cwd(), CONTROL_SPEC_PATH)}`)
}
