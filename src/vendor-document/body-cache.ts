/**
 * @module Rendered answers kept for repeated requests, bounded: the oldest entry goes first. Kept as UTF-8
 * bytes: a 20 KB page is encoded once, not on every request.
 */
export class BodyCache {
  readonly #entries = new Map<string, Uint8Array>()
  constructor(readonly limit = 2000) {}

  get(key: string): Uint8Array | undefined {
    return this.#entries.get(key)
  }

  set(key: string, body: string): Uint8Array {
    if (this.#entries.size >= this.limit) this.#entries.delete(this.#entries.keys().next().value!)
    const bytes = Buffer.from(body, 'utf8')
    this.#entries.set(key, bytes)
    return bytes
  }
}
