/** @module Durations as people write them on a command line: `90s`, `15m`, `2h`. */
import { UsageError } from './usage-error.js'

const UNIT_SECONDS: Record<string, number> = { s: 1, m: 60, h: 3600, d: 86400 }

/** Whole seconds in `text`; a bare number means seconds. */
export function parseDuration(text: string, flag: string): number {
  const match = /^(\d+)([smhd]?)$/.exec(text.trim())
  const seconds = match === null ? NaN : Number(match[1]) * UNIT_SECONDS[match[2] || 's']!
  if (!Number.isSafeInteger(seconds) || seconds < 2) {
    throw new UsageError(`${flag} takes a duration of at least 2 seconds such as 90s, 15m or 2h (got "${text}").`)
  }
  return seconds
}

/** `900` as `15m`, `7200` as `2h`, `90` as `90s`. */
export function formatDuration(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600}h`
  if (seconds % 60 === 0) return `${seconds / 60}m`
  return `${seconds}s`
}
