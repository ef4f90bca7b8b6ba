/** @module The registry of profiles, by id. Adding a product version means adding a profile here. */
import type { Profile } from './profile.js'
import { vac2 } from './vac-2.js'
import { vro71 } from './vro-7.1.js'
import { VB365_PROFILES } from './vb365-family.js'
import { VBR_PROFILES } from './vbr-family.js'
import { VONE_PROFILES } from './vone-family.js'
import { vao3, vao4, vdro5, vro70, vro72, vro721 } from './vro-family.js'

export type { Assumption, GrantType, LogoutStyle, Profile } from './profile.js'

/** The three seed profiles first, then the rest of their family, oldest first; then Backup & Replication, Backup for Microsoft 365 and Veeam ONE, oldest first. */
export const PROFILES: readonly Profile[] = [vro71, vao3, vac2, vao4, vdro5, vro70, vro72, vro721, ...VBR_PROFILES, ...VB365_PROFILES, ...VONE_PROFILES]

export const DEFAULT_PROFILE_ID = 'vro-7.1'

/** The profile with this id, or undefined. */
export function findProfile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id)
}
