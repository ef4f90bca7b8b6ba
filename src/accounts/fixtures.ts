/** @module Account fixtures: the profile's default accounts, or a user's own file, validated. */
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { z } from 'zod'
import { PACKAGE_ROOT } from '../package-root.js'

export interface AccountFixture {
  /** `DOMAIN\USERNAME`, or a bare name (then the profile's default domain). */
  username: string
  password: string
  role: string
  disabled?: boolean
  /** RFC 4648 base32 TOTP secret: the account logs in with a second factor where the profile has one (VSPC). */
  mfaSecret?: string
}

/** A fixtures file: `{"accounts": [...]}` (also the `fixtures` field of a profile file). */
export const FixtureFile = z.object({
  accounts: z
    .array(
      z.strictObject({
        username: z.string().regex(/^([^\\]+\\)?[^\\]+$/, 'must be DOMAIN\\USERNAME or USERNAME'),
        password: z.string().min(1),
        role: z.string().min(1),
        disabled: z.boolean().optional(),
        mfaSecret: z
          .string()
          .regex(/^[A-Za-z2-7]{16,128}=*$/, 'must be a base32 TOTP secret of 16 to 128 characters')
          .optional(),
      }),
    )
    .min(1),
})

/** A fixture file that cannot be used; the message names the file and the problem. */
export class FixtureError extends Error {}

/** Validates parsed JSON as a fixture file. */
export function parseFixtures(data: unknown, source: string): AccountFixture[] {
  const result = FixtureFile.safeParse(data)
  if (!result.success) {
    const issue = result.error.issues[0]!
    const where = issue.path.length > 0 ? issue.path.join('.') : '(root)'
    throw new FixtureError(`${source}: ${where}: ${issue.message}`)
  }
  return result.data.accounts.map(({ disabled, mfaSecret, ...account }) => ({
    ...account,
    ...(disabled !== undefined && { disabled }),
    ...(mfaSecret !== undefined && { mfaSecret }),
  }))
}

/** Reads and validates a fixture file. */
export function readFixturesFile(path: string): AccountFixture[] {
  let text: string
  try {
    text = readFileSync(path, 'utf8')
  } catch (error) {
    throw new FixtureError(`${path}: cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch (error) {
    throw new FixtureError(`${path}: not valid JSON (${(error as Error).message})`)
  }
  return parseFixtures(data, path)
}

/** The profile's default accounts, from fixtures/<profile>.json. */
export function defaultFixtures(profileId: string): AccountFixture[] {
  return readFixturesFile(join(PACKAGE_ROOT, 'fixtures', `${profileId}.json`))
}
