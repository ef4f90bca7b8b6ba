/** @module `--profile ID|FILE`: a built-in profile by id, or a profile file (src/profiles/profile-file.ts), with its accounts. */
import { defaultFixtures, type AccountFixture } from '../accounts/fixtures.js'
import { assertRole } from '../accounts/roles.js'
import { DEFAULT_PROFILE_ID, findProfile, PROFILES } from '../profiles/index.js'
import { isProfilePath, ProfileFileError, readProfileFile, type LoadedProfile } from '../profiles/profile-file.js'
import { UsageError } from './usage-error.js'
import type { Profile } from '../profiles/profile.js'

/** Every account's role is one the profile knows, else a UsageError naming the fixtures (`source`) and the account. */
export function assertFixtureRoles(profile: Profile, accounts: readonly AccountFixture[], source: string): void {
  for (const { username, role } of accounts) {
    try {
      assertRole(profile, role, `account "${username}"`)
    } catch (error) {
      throw new UsageError(`Bad fixtures: ${source}: ${(error as Error).message}`)
    }
  }
}

/** The profile a `--profile` value names, or a UsageError of one line (a file's names the JSON pointer). */
export function profileFlag(value: string | undefined): LoadedProfile {
  const id = value ?? DEFAULT_PROFILE_ID
  if (isProfilePath(id)) {
    try {
      return readProfileFile(id)
    } catch (error) {
      if (error instanceof ProfileFileError) throw new UsageError(error.message)
      throw error
    }
  }
  const profile = findProfile(id)
  if (profile === undefined) {
    throw new UsageError(`Unknown profile "${id}"; known: ${PROFILES.map((p) => p.id).join(', ')} (or a profile file, e.g. ./my-profile.json).`)
  }
  return { profile, accounts: defaultFixtures(profile.id), fixturesSource: `fixtures/${profile.id}.json`, builtInFixtures: true }
}
