/** @module Secrets at rest and their comparison: stored as SHA-256, compared in constant time. */
import { createHash, timingSafeEqual } from 'node:crypto'

/** The digest kept in place of a password or client secret. */
export function hashSecret(secret: string): Buffer {
  return createHash('sha256').update(secret, 'utf8').digest()
}

/** Whether `candidate` is the secret behind `digest`; equal-length digests make the compare constant-time. */
export function secretMatches(candidate: string, digest: Buffer): boolean {
  return timingSafeEqual(hashSecret(candidate), digest)
}

/** A token's SHA-256 in hex: how a state file keeps a session's tokens (its first 8 digits are the fingerprint). */
export function tokenDigest(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}
