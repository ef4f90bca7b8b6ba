/** @module The committed spec files: each profile's OpenAPI document and the profile file format's JSON Schema, as `npm run spec` writes them and the drift tests compare. */
import { join } from 'node:path'
import { z } from 'zod'
import { createMock } from '../create-mock.js'
import { PACKAGE_ROOT } from '../package-root.js'
import type { Profile } from '../profiles/profile.js'
import { PROFILE_FILE_SCHEMA } from '../profiles/profile-file.js'
import { openApiDocument } from './openapi-document.js'
import { defaultFixtures, type AccountFixture } from '../accounts/fixtures.js'

export function specPath(profile: Profile): string {
  return join(PACKAGE_ROOT, 'spec', `${profile.id}.openapi.json`)
}

/** The profile's document with default options, as the file holds it (2-space JSON, trailing newline); a user's own accounts' passwords are left out. */
export function specText(profile: Profile, accounts: AccountFixture[] = defaultFixtures(profile.id), showPasswords = true): string {
  const { app, state, stubs } = createMock({ profile, accounts })
  return `${JSON.stringify(openApiDocument(app, state, { accounts, showPasswords, stubs }), null, 2)}\n`
}

export const PROFILE_SCHEMA_PATH = join(PACKAGE_ROOT, 'spec', 'profile.schema.json')

/** JSON Schema (2020-12) of a profile file, generated from the zod schema the loader validates with. */
export function profileSchemaText(): string {
  const schema = z.toJSONSchema(PROFILE_FILE_SCHEMA, { io: 'input', target: 'draft-2020-12' })
  return `${JSON.stringify(schema, null, 2)}\n`
}
