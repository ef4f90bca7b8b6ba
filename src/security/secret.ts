/** @module Secrets at rest and their comparison: stored as SHA-256, compared in constant time. */
import { hash, timingSafeEqual } from 'node:crypto'

/** The digest kept in place of a password or client secret. */
export function hashSecret(secret: string): Buffer {
  // The one-shot hash skips the Hash object createHash builds: it runs on every client_credentials request.
  return hash('sha256', secret, 'buffer')
}

/** Whether `candidate` is the secret behind `digest`; equal-length digests make the compare constant-time. */
export function secretMatches(candidate: string, digest: Buffer): boolean {
  return timingSafeEqual(hashSecret(candidate), digest)
}

/** A token's SHA-256 in hex: how a state file keeps a session's tokens (its first 8 digits are the fingerprint). */
export function tokenDigest(token: string): string {
  return hash('sha256', token, 'hex')
}
