/** @module Fault rules: what to match, what to do instead of (or before) the real handling, and how often. */
import { describeIssue } from '../stubs/stub-schema.js'
import { jsonDepth, MAX_JSON_DEPTH } from './json-depth.js'
import { FaultRule as FaultRuleSchema } from './schemas.js'

/** Which requests a rule applies to; every given field must match. */
export interface FaultMatch {
  /** operationId, e.g. `issueToken`. */
  operation?: string
  /** e.g. `refresh_token` (token requests only). */
  grantType?: string
  /** Exact request path, e.g. `/api/token`. */
  path?: string
  /** The user name (case-insensitive) or client id the request names. */
  account?: string
}

export interface FaultResponse {
  status: number
  headers?: Record<string, string>
  /** An object or array is sent as JSON, a string as text; none means an empty body. */
  body?: unknown
}

/**
 * A rule for `mock.faults.add()` and `POST /__control/faults`. With `respond` or `drop` the handler
 * does not run and no state changes; `delayMs` alone waits, then the real handling runs.
 */
export interface FaultRule extends FaultMatch {
  respond?: FaultResponse
  delayMs?: number
  /** Cut the connection without an answer (in-process `app.request()` rejects, as fetch would). */
  drop?: boolean
  /** How many matching requests it affects (default 1), then real behaviour resumes. */
  times?: number
}

export interface Fault extends FaultRule {
  id: number
  /** Matching requests it will still affect. */
  remaining: number
}

/** The names a rule may match on: the app's operationIds and the grant types the profile knows. */
export interface FaultNames {
  operations: readonly string[]
  grants: readonly string[]
}

/** A rule that cannot be used; nothing was added. */
export class FaultError extends RangeError {}

function unknownName(field: string, given: string, known: readonly string[]): FaultError {
  return new FaultError(`${field}: unknown ${field} "${given}"; known: ${known.join(', ')}.`)
}

/** Throws FaultError unless `rule` is complete, well formed and names only what exists. */
function checkRule(rule: FaultRule, names: FaultNames | undefined): void {
  const parsed = FaultRuleSchema.safeParse(rule)
  if (!parsed.success) throw new FaultError(describeIssue(parsed.error))
  if (rule.respond?.body !== undefined && jsonDepth(rule.respond.body) > MAX_JSON_DEPTH) {
    throw new FaultError(`respond.body: nested deeper than ${MAX_JSON_DEPTH} levels`)
  }
  if (names === undefined) return
  if (rule.operation !== undefined && !names.operations.includes(rule.operation)) throw unknownName('operation', rule.operation, names.operations)
  if (rule.grantType !== undefined && !names.grants.includes(rule.grantType)) throw unknownName('grantType', rule.grantType, names.grants)
}

/** What a request says about itself, for matching. */
export interface FaultSubject {
  operation: string | undefined
  path: string
  grantType: string | undefined
  account: string | undefined
}

function matches(fault: Fault, s: FaultSubject): boolean {
  return (
    (fault.operation === undefined || fault.operation === s.operation) &&
    (fault.path === undefined || fault.path === s.path) &&
    (fault.grantType === undefined || fault.grantType === s.grantType) &&
    (fault.account === undefined || fault.account.toLowerCase() === s.account?.toLowerCase())
  )
}

/**
 * The active rules, in the order added; the first live match takes effect.
 *
 * @example
 * ```ts
 * faults.add({ operation: 'issueToken', grantType: 'refresh_token', respond: { status: 503 } })
 * ```
 */
export class Faults {
  #rules: Fault[] = []
  #nextId = 1

  /** `names` (read when a rule is added, once every route is mounted) lets add() refuse a name that never matches. */
  constructor(private readonly names?: () => FaultNames) {}

  /** Adds a rule; throws FaultError (nothing added) for a malformed rule or an unknown operation or grant. */
  add(rule: FaultRule): Fault {
    checkRule(rule, this.names?.())
    const times = rule.times ?? 1
    const fault: Fault = { ...rule, times, id: this.#nextId++, remaining: times }
    this.#rules.push(fault)
    return { ...fault }
  }

  list(): Fault[] {
    return this.#rules.map((f) => ({ ...f }))
  }

  clear(): void {
    this.#rules = []
  }

  get size(): number {
    return this.#rules.length
  }

  /** The first rule matching `subject`, used up by one; undefined if none. */
  take(subject: FaultSubject): Fault | undefined {
    const index = this.#rules.findIndex((f) => matches(f, subject))
    if (index === -1) return undefined
    const fault = this.#rules[index]!
    fault.remaining -= 1
    if (fault.remaining === 0) this.#rules.splice(index, 1)
    return { ...fault }
  }
}
