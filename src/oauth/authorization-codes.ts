/** @module Authorization codes (VBR's POST /api/oauth2/authorization_code): short-lived, single-use, kept only as digests. */
import type { RandomSource } from '../security/random-source.js'
import { tokenDigest } from '../security/secret.js'
import { ExpiringIndex } from '../store/expiring-index.js'
import type { Principal } from '../store/types.js'

interface CodeEntry {
  principal: Principal
  expiresAt: number
  /** The authorization-code-reusable quirk: taking it does not use it up. */
  reusable: boolean
}

export class AuthorizationCodes {
  readonly #byDigest = new ExpiringIndex<CodeEntry>((entry) => entry.expiresAt)

  /** A new code for `principal`, valid for `lifetimeMs` from `now`. */
  issue(principal: Principal, now: number, lifetimeMs: number, random: RandomSource, reusable = false): string {
    this.#byDigest.sweep(now)
    // Shaped like the vendor's sample: a long standard-base64 string.
    const code = random.string(96, 'base64')
    this.#byDigest.set(tokenDigest(code), { principal, expiresAt: now + lifetimeMs, reusable })
    return code
  }

  /** The principal the code was issued to, once: the code is used up. Undefined when unknown, used or expired. */
  take(code: string, now: number): Principal | undefined {
    const digest = tokenDigest(code)
    const entry = this.#byDigest.get(digest, now)
    if (entry === undefined) return undefined
    if (!entry.reusable) this.#byDigest.delete(digest)
    return entry.principal
  }

  clear(): void {
    this.#byDigest.clear()
  }
}
