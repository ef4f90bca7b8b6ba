/** @module The registry of profiles, by id. Adding a product version means adding a profile here. */
import type { Profile } from './profile.js'
import { vac2 } from './vac-2.js'
import { vro71 } from './vro-7.1.js'
import { vb3656, vb3657, vb3658 } from './vb365-family.js'
import { vbr12, vbr121, vbr122, vbr123, vbr13, vbr1301, vbr131 } from './vbr-family.js'
import { vone12, vone13 } from './vone-family.js'
import { vao3, vao4, vdro5, vro70, vro72, vro721 } from './vro-family.js'
import { vspc81, vspc9, vspc91, vspc92 } from './vspc-family.js'

export type { Assumption, GrantType, LogoutStyle, Profile } from './profile.js'

/** Profiles by id (each key is its profile's id; a test holds them equal): the three seed profiles first, then the rest of their family, oldest first; then Backup & Replication, Service Provider Console, Backup for Microsoft 365 and Veeam ONE, oldest first. */
const REGISTRY = {
  'vro-7.1': vro71,
  'vao-3': vao3,
  'vac-2': vac2,
  'vao-4': vao4,
  'vdro-5': vdro5,
  'vro-7.0': vro70,
  'vro-7.2': vro72,
  'vro-7.21': vro721,
  'vbr-12': vbr12,
  'vbr-12.1': vbr121,
  'vbr-12.2': vbr122,
  'vbr-12.3': vbr123,
  'vbr-13': vbr13,
  'vbr-13.0.1': vbr1301,
  'vbr-13.1': vbr131,
  'vspc-8.1': vspc81,
  'vspc-9': vspc9,
  'vspc-9.1': vspc91,
  'vspc-9.2': vspc92,
  'vb365-6': vb3656,
  'vb365-7': vb3657,
  'vb365-8': vb3658,
  'vone-12': vone12,
  'vone-13': vone13,
} as const satisfies Record<string, Profile>

/** The id of a profile the mock ships, e.g. `'vro-7.1'`. */
export type ProfileId = keyof typeof REGISTRY

export const PROFILES: readonly Profile[] = Object.values(REGISTRY)

export const PROFILE_IDS = Object.keys(REGISTRY) as ProfileId[]

export const DEFAULT_PROFILE_ID: ProfileId = 'vro-7.1'

/** The profile with this id, or undefined. */
export function findProfile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id)
}
