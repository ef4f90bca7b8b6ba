/** @module The roles an account may hold: the profile's API roles and the roles it names without API rights. */
import type { Profile } from '../profiles/profile.js'

/** Every role the profile knows, API roles first. */
export function knownRoles(profile: Profile): string[] {
  return [...new Set([...profile.roles, ...(profile.otherRoles ?? [])])]
}

/** Throws RangeError naming the valid roles unless `role` is one the profile knows (exact spelling). */
export function assertRole(profile: Profile, role: string, who: string): void {
  if (knownRoles(profile).includes(role)) return
  const other = knownRoles(profile).filter((r) => !profile.roles.includes(r))
  const list = `${profile.roles.join(', ')} (API rights)${other.length > 0 ? `; ${other.join(', ')} (no API rights)` : ''}`
  throw new RangeError(`${who}: role "${role}" is not a role of profile ${profile.id}; known: ${list}.`)
}
