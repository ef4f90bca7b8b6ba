/** @module A token index whose entries expire; swept from the oldest, so memory stays bounded. */

/**
 * Entries are swept in insertion order. With one lifetime per index that is expiry order; when the
 * clock jumps back, a few expired entries may wait behind a live one, but lookups never return them.
 */
export class ExpiringIndex<V> {
  readonly #entries = new Map<string, { value: V; expiresAt: number }>()

  constructor(private readonly maxSweepPerCall = 256) {}

  set(key: string, value: V, expiresAt: number): void {
    this.#entries.set(key, { value, expiresAt })
  }

  /** The live value for `key` at `now`; an expired one is dropped. */
  get(key: string, now: number): V | undefined {
    const entry = this.#entries.get(key)
    if (entry === undefined) return undefined
    if (now >= entry.expiresAt) {
      this.#entries.delete(key)
      return undefined
    }
    return entry.value
  }

  delete(key: string): boolean {
    return this.#entries.delete(key)
  }

  /** Drops expired entries from the oldest end, at most `maxSweepPerCall` of them. */
  sweep(now: number): void {
    let budget = this.maxSweepPerCall
    for (const [key, entry] of this.#entries) {
      if (budget-- === 0 || now < entry.expiresAt) return
      this.#entries.delete(key)
    }
  }

  /** Live entries at `now`. */
  *values(now: number): IterableIterator<V> {
    for (const entry of this.#entries.values()) if (now < entry.expiresAt) yield entry.value
  }

  get size(): number {
    return this.#entries.size
  }

  clear(): void {
    this.#entries.clear()
  }
}
