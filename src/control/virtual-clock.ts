/** @module A clock tests can move: advance, set or freeze it; reset puts it back on real time. */
import { systemClock, type Clock } from '../clock.js'

const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

/**
 * Milliseconds in `text` such as `16m`, `90s`, `2h`, `1d`, `500ms`, `-5m`; undefined if it is not one.
 *
 * @example
 * ```ts
 * parseDurationMs('16m') // 960000
 * ```
 */
export function parseDurationMs(text: string): number | undefined {
  const match = /^(-?)(\d+)(ms|s|m|h|d)$/.exec(text.trim())
  if (match === null) return undefined
  const ms = Number(match[2]) * UNIT_MS[match[3]!]!
  if (!Number.isSafeInteger(ms)) return undefined
  return match[1] === '-' ? -ms : ms
}

/** The instants the clock may show: 1970 to the end of 9999, so every expiry computed from it stays a valid Date. */
export const CLOCK_RANGE = { min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }

function inRange(ms: number, what: string): number {
  if (ms < CLOCK_RANGE.min || ms > CLOCK_RANGE.max) {
    throw new RangeError(`${what} would put the clock outside 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z; nothing changed.`)
  }
  return ms
}

/** What `GET /__control/clock` shows. */
export interface ClockState {
  /** The mock's time, ISO 8601. */
  now: string
  frozen: boolean
  /** Virtual time less real time, in milliseconds (0 when real). */
  offsetMs: number
}

/**
 * The mock's clock: real time plus an offset, or a frozen instant. Every expiry reads it.
 *
 * @example
 * ```ts
 * const clock = new VirtualClock()
 * clock.advance('16m')      // access tokens issued before now are expired
 * clock.freeze(true)        // time stands still until advanced or unfrozen
 * clock.reset()             // back to real time
 * ```
 */
export class VirtualClock implements Clock {
  #offset = 0
  #frozenAt: number | undefined

  constructor(private readonly base: Clock = systemClock) {}

  now(): number {
    return this.#frozenAt ?? this.base.now() + this.#offset
  }

  /** Moves time forward (or back, with a negative duration) by `duration` (`'16m'`) or milliseconds. */
  advance(duration: string | number): ClockState {
    const ms = typeof duration === 'number' ? duration : parseDurationMs(duration)
    if (ms === undefined || !Number.isFinite(ms)) throw new RangeError(`Not a duration: "${duration}" (use e.g. 16m, 90s, 2h).`)
    inRange(this.now() + ms, `Advancing by ${duration}`)
    if (this.#frozenAt === undefined) this.#offset += ms
    else this.#frozenAt += ms
    return this.state()
  }

  /** Sets the time to `instant` (ISO 8601 or epoch milliseconds); a frozen clock stays frozen there. */
  set(instant: string | number | Date): ClockState {
    const ms = instant instanceof Date ? instant.getTime() : typeof instant === 'number' ? instant : Date.parse(instant)
    if (!Number.isFinite(ms)) throw new RangeError(`Not an instant: "${String(instant)}" (use ISO 8601).`)
    inRange(ms, `Setting ${String(instant)}`)
    if (this.#frozenAt === undefined) this.#offset = ms - this.base.now()
    else this.#frozenAt = ms
    return this.state()
  }

  /** Stops time where it is (`true`) or lets it run on from there (`false`). */
  freeze(frozen = true): ClockState {
    if (frozen && this.#frozenAt === undefined) this.#frozenAt = this.now()
    if (!frozen && this.#frozenAt !== undefined) {
      this.#offset = this.#frozenAt - this.base.now()
      this.#frozenAt = undefined
    }
    return this.state()
  }

  /** Real time again, not frozen. */
  reset(): ClockState {
    this.#offset = 0
    this.#frozenAt = undefined
    return this.state()
  }

  state(): ClockState {
    const real = this.base.now()
    const now = this.#frozenAt ?? real + this.#offset
    return { now: new Date(now).toISOString(), frozen: this.#frozenAt !== undefined, offsetMs: now - real }
  }
}
