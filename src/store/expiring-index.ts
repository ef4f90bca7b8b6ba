/** @module A token index whose entries expire; swept from the oldest, so memory stays bounded. */

/**
 * Entries are swept in insertion order. With one lifetime per index that is expiry order; when the
 * clock jumps back, a few expired entries may wait behind a live one, but lookups never return them.
 * Values carry their own expiry (read through `expiresAt`), so an entry costs one Map slot and no
 * wrapper object: every issued token stays indexed until it expires.
 */
export class ExpiringIndex<V> {
  readonly #entries = new Map<string, V>()

  constructor(
    private readonly expiresAt: (value: V) => number,
    private readonly maxSweepPerCall = 256,
  ) {}

  set(key: string, value: V): void {
    this.#entries.set(key, value)
  }

  /** The live value for `key` at `now`; an expired one is dropped. */
  get(key: string, now: number): V | undefined {
    const value = this.#entries.get(key)
    if (value === undefined) return undefined
    if (now >= this.expiresAt(value)) {
      this.#entries.delete(key)
      return undefined
    }
    return value
  }

  delete(key: string): boolean {
    return this.#entries.delete(key)
  }

  /** Drops expired entries from the oldest end, at most `maxSweepPerCall` of them. */
  sweep(now: number): void {
    let budget = this.maxSweepPerCall
    for (const [key, value] of this.#entries) {
      if (budget-- === 0 || now < this.expiresAt(value)) return
      this.#entries.delete(key)
    }
  }

  /** Live entries at `now`. */
  *values(now: number): IterableIterator<V> {
    for (const value of this.#entries.values()) if (now < this.expiresAt(value)) yield value
  }

  get size(): number {
    return this.#entries.size
  }

  clear(): void {
    this.#entries.clear()
  }
}
