/** @module Assumption outcomes: what the spec says a target answers where the vendor is silent, and what a run saw it answer. */
import { CHECKS } from './checks.js'
import type { CheckResult } from './context.js'
import type { Promises } from './spec.js'

/** A refusal's 4xx status (`records: 'status'`), or whether the token was refused (`records: 'refused'`). */
export type OutcomeValue = number | boolean

/** The mock's choices, for specs written before they carried x-veeam-auth-mock.outcomes (the mock's engine/outcomes.ts). */
const DEFAULTS: Record<string, OutcomeValue> = {
  'client-create-forbidden-403': 403,
  'client-delete-other-403': 403,
  'unknown-client-404': 404,
  'missing-client-id-400': 400,
  'refresh-rotation': true,
  'logout-revokes-refresh': true,
}

export function expectedOutcome(promises: Promises, assumption: string): OutcomeValue | undefined {
  return promises.outcomes?.[assumption] ?? DEFAULTS[assumption]
}

const is4xx = (status: number) => status >= 400 && status < 500
const is2xx = (status: number) => status >= 200 && status < 300

/** Whether `status` is the outcome `expected`, and that outcome in words (`what`: the request, e.g. "for an unknown client ID"). */
export function judgeOutcome(expected: OutcomeValue, status: number, what: string): { pass: boolean; want: string } {
  if (typeof expected === 'number') return { pass: status === expected, want: `${expected} ${what}` }
  if (expected) return { pass: is4xx(status), want: `4xx ${what}` }
  return { pass: is2xx(status), want: `2xx ${what} (the spec's outcome: it keeps working)` }
}

/** What the target's answer says the outcome is; undefined when it is no outcome (a 5xx, or a 2xx where a refusal was asked). */
export function observedValue(kind: 'status' | 'refused', status: number): OutcomeValue | undefined {
  if (kind === 'status') return is4xx(status) ? status : undefined
  return is4xx(status) ? true : is2xx(status) ? false : undefined
}

/** A refusal as a profile's errors.refusals holds it: its status and the model's code. */
export interface RefusalValue {
  status: number
  code: string
}

/** What --record writes over the base profile: `outcomes`, and `errors.refusals` for the refusals it saw. */
export interface ObservedPatch {
  outcomes?: Record<string, OutcomeValue>
  errors?: { refusals: Record<string, RefusalValue> }
}

/** Each assumption's outcome as the run saw it, and how many; `notes` name the checks whose answer could not be recorded. */
export function observedOutcomes(results: readonly CheckResult[]): { patch: ObservedPatch; count: number; notes: string[] } {
  const seen = new Map<string, OutcomeValue | RefusalValue>()
  const notes: string[] = []
  const conflicting = new Set<string>()
  for (const result of results) {
    const def = CHECKS.get(result.id)
    if (def?.records === undefined || def.assumption === undefined || result.seen === undefined || result.recorded === undefined) continue
    const key = def.records === 'refusal' ? `errors.refusals.${def.refusal}` : def.assumption
    const value = result.recorded
    if (value === null) notes.push(`${key} not recorded: ${result.id} answered ${result.seen.status}, which is no outcome of it`)
    else if (seen.has(key) && JSON.stringify(seen.get(key)) !== JSON.stringify(value)) conflicting.add(key)
    else seen.set(key, value)
  }
  for (const key of conflicting) {
    seen.delete(key)
    notes.push(`${key} not recorded: its checks saw different answers`)
  }
  const patch: ObservedPatch = {}
  for (const [key, value] of seen) {
    if (typeof value === 'object') (patch.errors ??= { refusals: {} }).refusals[key.slice('errors.refusals.'.length)] = value
    else (patch.outcomes ??= {})[key] = value
  }
  return { patch, count: seen.size, notes }
}
