/** @module API keys (VSPC): permanent bearer credentials a user creates for itself; deleting the login revokes the key. */
import { hashSecret } from '../security/secret.js'
import type { MockState } from './mock-state.js'

export interface ApiKey {
  /** The login's id (userLoginId), unique in the mock. */
  id: number
  accountId: string
  description: string
  scopes: string[]
  readOnly: boolean
  createdAt: number
}

/** Keys kept at most; creating one more is refused (every input bounded). */
export const MAX_API_KEYS = 1000

export class ApiKeys {
  // By the SHA-256 of the key: the key itself is shown once, at creation, and never kept.
  readonly #byDigest = new Map<string, ApiKey>()
  readonly #digestOf = new Map<number, string>()
  #nextId = 12

  get size(): number {
    return this.#byDigest.size
  }

  /** A new key and its record; the key is the 16-hex-digit prefix and 112 letters and digits of the vendor's sample. */
  create(state: MockState, input: Omit<ApiKey, 'id' | 'createdAt'>): { key: string; record: ApiKey } {
    const key = state.random.string(8, 'hex') + state.random.string(84, 'base64url').replace(/[-_]/g, 'x')
    const record: ApiKey = { ...input, id: this.#nextId++, createdAt: state.clock.now() }
    const digest = hashSecret(key).toString('hex')
    this.#byDigest.set(digest, record)
    this.#digestOf.set(record.id, digest)
    return { key, record }
  }

  find(key: string): ApiKey | undefined {
    return this.#byDigest.size === 0 ? undefined : this.#byDigest.get(hashSecret(key).toString('hex'))
  }

  /** Whether the account has login `id`. */
  has(accountId: string, id: number): boolean {
    const digest = this.#digestOf.get(id)
    return digest !== undefined && this.#byDigest.get(digest)?.accountId === accountId
  }

  /** Deletes login `id` of the account; false when it has no such login. */
  delete(accountId: string, id: number): boolean {
    const digest = this.#digestOf.get(id)
    if (digest === undefined || this.#byDigest.get(digest)?.accountId !== accountId) return false
    this.#byDigest.delete(digest)
    this.#digestOf.delete(id)
    return true
  }

  clear(): void {
    this.#byDigest.clear()
    this.#digestOf.clear()
    this.#nextId = 12
  }
}
