/** @module Token formats by name: a profile's `tokenFormat` picks one. */
import type { Profile } from '../../profiles/profile.js'
import { hs256Jwt } from './hs256-jwt.js'
import { jwt } from './jwt.js'
import { opaque } from './opaque.js'
import type { TokenFormat } from './token-format.js'

export const TOKEN_FORMATS: Readonly<Record<Profile['tokenFormat'], TokenFormat>> = { opaque, jwt, 'hs256-jwt': hs256Jwt }
