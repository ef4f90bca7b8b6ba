/** @module Turns a burst of changes into one write: the first change starts a timer, later ones ride along. */

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms).unref(),
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
}

/**
 * Calls `write` at most once per `delayMs` after a change. Unlike a debounce that restarts on every change,
 * a steady stream of changes cannot postpone the write for ever. `flush()` writes a pending change at once.
 */
export class CoalescingWriter {
  #pending: unknown = undefined

  constructor(
    private readonly write: () => void,
    private readonly delayMs = 200,
    private readonly timers: Timers = realTimers,
  ) {}

  /** A change happened: write within `delayMs` (or `ms`, e.g. a retry after a failed write). */
  schedule(ms = this.delayMs): void {
    if (this.#pending !== undefined) return
    this.#pending = this.timers.setTimeout(() => {
      this.#pending = undefined
      this.write()
    }, ms)
  }

  get pending(): boolean {
    return this.#pending !== undefined
  }

  /** Drops a waiting write. */
  cancel(): void {
    if (this.#pending !== undefined) this.timers.clearTimeout(this.#pending)
    this.#pending = undefined
  }

  /** Writes now if a change is waiting (on exit). */
  flush(): void {
    if (this.#pending === undefined) return
    this.timers.clearTimeout(this.#pending)
    this.#pending = undefined
    this.write()
  }
}
