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
