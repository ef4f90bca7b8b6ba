/** @module The committed control API document: what `npm run spec` writes to spec/control.openapi.json and the drift test compares. */
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../package-root.js'
import { controlApp, controlDocument } from './routes.js'
import { DEFAULT_PROFILE_ID } from '../profiles/index.js'

export const CONTROL_SPEC_PATH = join(PACKAGE_ROOT, 'spec', 'control.openapi.json')

/** The document as the file holds it (2-space JSON, trailing newline). */
export function controlSpecText(): string {
  return `${JSON.stringify(controlDocument(controlApp(DEFAULT_PROFILE_ID)), null, 2)}\n`
}
