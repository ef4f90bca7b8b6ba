/** @module A token's stand-in in the journal: short, stable, and not the token. */
import { hash } from 'node:crypto'

/**
 * The first 8 hex digits of the token's SHA-256: enough to tell tokens apart in a test, useless to replay.
 *
 * @example
 * ```ts
 * fingerprint(tokens.refresh_token) // e.g. '3f1a9c07'
 * ```
 */
export function fingerprint(token: string): string {
  return hash('sha256', token, 'hex').slice(0, 8)
}
