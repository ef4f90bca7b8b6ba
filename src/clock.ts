/** @module Time as the engine sees it: injected, so tests and the control API can move it. */

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number
}

export const systemClock: Clock = { now: () => Date.now() }
