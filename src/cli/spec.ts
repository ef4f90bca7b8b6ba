/** @module `npm run spec`: writes spec/<profile>.openapi.json for every profile, and spec/control.openapi.json. */
import { mkdirSync, writeFileSync } from 'node:fs'
import { dirname, relative } from 'node:path'
import { CONTROL_SPEC_PATH, controlSpecText } from '../control/spec-file.js'
import { specPath, specText } from '../docs/spec-files.js'
import { PROFILES } from '../profiles/index.js'

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
