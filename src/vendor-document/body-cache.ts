/** @module Rendered answers kept for repeated requests, bounded: the oldest entry goes first. */
export class BodyCache {
  readonly #entries = new Map<string, string>()
  constructor(readonly limit = 2000) {}

  get(key: string): string | undefined {
    return this.#entries.get(key)
  }

  set(key: string, body: string): string {
    if (this.#entries.size >= this.limit) this.#entries.delete(this.#entries.keys().next().value!)
    this.#entries.set(key, body)
    return body
  }
}
