/** @module The shapes of issued credentials, modelled on the vendor's published samples. */
import type { RandomSource } from './random-source.js'

/**
 * The first 24 bytes of a Windows DPAPI blob, as every vendor client_secret sample begins
 * (`AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA`).
 */
const DPAPI_HEADER = 'AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA'
/** Not a multiple of 3, so the base64 always ends in `=`; the header already holds `+` and `/`. */
const SECRET_RANDOM_BYTES = 154

/** 256 random bits, base64url (opaque, as clients must treat it). */
export function newAccessToken(random: RandomSource): string {
  return random.string(32, 'base64url')
}

/** 32 random bytes in standard base64: 44 characters ending in `=`, like the vendor's samples. */
export function newRefreshToken(random: RandomSource): string {
  return random.string(32, 'base64')
}

/** A lowercase version-4 GUID, like the vendor's 7.1 sample. */
export function newClientId(random: RandomSource): string {
  const hex = random.string(16, 'hex')
  const variant = ((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20)}`
}

/** A DPAPI-shaped secret of 240 characters holding `+`, `/` and `=`, so clients must form-encode it. */
export function newClientSecret(random: RandomSource): string {
  return DPAPI_HEADER + random.string(SECRET_RANDOM_BYTES, 'base64')
}
