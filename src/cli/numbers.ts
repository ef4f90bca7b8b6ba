/** @module Whole-number flags, checked. */
import { UsageError } from './usage-error.js'

export function parseInteger(text: string, flag: string, min: number, max: number): number {
  const value = /^\d+$/.test(text.trim()) ? Number(text) : NaN
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw new UsageError(`${flag} takes a whole number from ${min} to ${max} (got "${text}").`)
  }
  return value
}
