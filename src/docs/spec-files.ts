/** @module The committed spec of each profile: what `npm run spec` writes and the drift test compares. */
import { join } from 'node:path'
import { createMock } from '../create-mock.js'
import { PACKAGE_ROOT } from '../package-root.js'
import type { Profile } from '../profiles/profile.js'
import { openApiDocument } from './openapi-document.js'
import { defaultFixtures } from '../accounts/fixtures.js'

export function specPath(profile: Profile): string {
  return join(PACKAGE_ROOT, 'spec', `${profile.id}.openapi.json`)
}

/** The profile's document with default options, as the file holds it (2-space JSON, trailing newline). */
export function specText(profile: Profile): string {
  const { app, state, stubs } = createMock({ profile })
  return `${JSON.stringify(openApiDocument(app, state, { accounts: defaultFixtures(profile.id), showPasswords: true, stubs }), null, 2)}\n`
}
