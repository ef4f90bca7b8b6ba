/** @module Dates from a fixed reference, never from today, so answers are identical on every day. */
import type { Rng } from './random.js'

/** 2026-01-01T00:00:00Z; generated instants fall within a year either side. */
export const referenceTime = Date.UTC(2026, 0, 1)
const year = 365 * 24 * 3600

export function instant(rng: Rng): Date {
  return new Date(referenceTime + rng.int(-year, year) * 1000)
}

export function dateTime(rng: Rng): string {
  return instant(rng).toISOString().replace(/\.\d{3}Z$/, 'Z')
}

export function date(rng: Rng): string {
  return instant(rng).toISOString().slice(0, 10)
}

/** RFC 3339 full-time (with an offset), which is what JSON Schema's `time` means. */
export function time(rng: Rng): string {
  return `${instant(rng).toISOString().slice(11, 19)}Z`
}
