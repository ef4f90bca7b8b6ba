/** @module The registry of profiles, by id. Adding a product version means adding a profile here. */
import type { Profile } from './profile.js'
import { vro71 } from './vro-7.1.js'

export type { Assumption, GrantType, LogoutStyle, Profile } from './profile.js'

export const PROFILES: readonly Profile[] = [vro71]

export const DEFAULT_PROFILE_ID = 'vro-7.1'

/** The profile with this id, or undefined. */
export function findProfile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id)
}
