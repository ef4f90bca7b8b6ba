/** @module A session's tokens as a state file keeps them, worked out once per session: later writes only serialise. */
import { tokenDigest } from '../security/secret.js'
import type { Session } from '../store/types.js'

export interface TokenRecord {
  sha256: string
  expiresAt: string
}

/**
 * The digest and expiry of each session's tokens, cached for the session's life (a session's tokens and expiries
 * never change; a WeakMap lets ended sessions go). Without it every write hashed every live token again: 600 ms
 * of blocked event loop per write with 29,000 sessions.
 */
export class SessionTokenRecords {
  readonly #cache = new WeakMap<Session, { access: TokenRecord; refresh: TokenRecord }>()

  of(session: Session): { access: TokenRecord; refresh: TokenRecord } {
    let records = this.#cache.get(session)
    if (records === undefined) {
      const { restored } = session
      records = {
        access: { sha256: restored?.accessDigest ?? tokenDigest(session.accessToken), expiresAt: new Date(session.accessExpiresAt).toISOString() },
        refresh: { sha256: restored?.refreshDigest ?? tokenDigest(session.refreshToken), expiresAt: new Date(session.refreshExpiresAt).toISOString() },
      }
      this.#cache.set(session, records)
    }
    return records
  }
}
