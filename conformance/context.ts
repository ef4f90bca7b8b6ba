/** @module What a scenario works with: requests by operationId, the target's promises, check recording, and what to clean up. */
import { CHECKS, effectiveSeverity, type CheckDef, type Severity } from './checks.js'
import { citationsFor } from './citations/resolve.js'
import type { Exchange, Http, RequestSpec, Value } from './http.js'
import { expectedOutcome, judgeOutcome, observedValue, type OutcomeValue, type RefusalValue } from './outcomes.js'
import type { Redactor } from './redact.js'
import { seenOf, type Seen } from './shape.js'
import type { Promises, Spec } from './spec.js'

/** The refusals the suite tells apart, as the mock's error models name them. */
export type Refusal =
  | 'invalid-request'
  | 'invalid-credentials'
  | 'account-not-allowed'
  | 'invalid-refresh-token'
  | 'invalid-code'
  | 'invalid-client'
  | 'unsupported-grant'
  | 'missing-version'
  | 'unsupported-version'

/** RFC 6749 section 5.2, for specs without their own refusal table (the orchestrators). */
const RFC6749: Partial<Record<Refusal, { status: number | number[]; code: string }>> = {
  'invalid-request': { status: 400, code: 'invalid_request' },
  'invalid-credentials': { status: 400, code: 'invalid_grant' },
  'account-not-allowed': { status: 400, code: 'invalid_grant' },
  'invalid-refresh-token': { status: 400, code: 'invalid_grant' },
  'invalid-code': { status: 400, code: 'invalid_grant' },
  'invalid-client': { status: [400, 401], code: 'invalid_client' },
  'unsupported-grant': { status: 400, code: 'unsupported_grant_type' },
}

/** A failed MUST fails the run, a failed SHOULD is a warning, an INFO check that does not hold is an observation. */
export type Outcome = 'passed' | 'failed' | 'warning' | 'observed' | 'skipped'

export interface CheckResult {
  id: string
  scenario: string
  severity: Severity
  cite: string
  outcome: Outcome
  expected?: string
  received?: string
  curl?: string
  note?: string
  /** The exchange the check judged on, as a shape (no values): what --compare compares. */
  seen?: Seen
  /**
   * Checks with `records` of an assumption the spec declares: what the target did, as the spec's outcome would say
   * it (what --record writes); null when the answer is no outcome of it (a 5xx, a 2xx where a refusal was asked).
   */
  recorded?: OutcomeValue | RefusalValue | null
}

export interface Account {
  username: string
  password: string
  /** Environment variable named in curl lines instead of the password. */
  placeholder: string
}

export interface Pair {
  access: string
  refresh: string
}

export interface Recorded extends Exchange {
  operationId?: string
  /** Sent on purpose with a client mistake (wrong secret, unknown grant, ...). */
  mistake: boolean
}

export class Interrupted extends Error {}

/** Whether the check is picked by --only. */
export type Filter = (id: string) => boolean

export class Context {
  readonly results: CheckResult[] = []
  readonly exchanges: Recorded[] = []
  /** Client IDs created, with the account that owns them, until seen deleted. */
  readonly clients = new Map<string, Account>()
  /** Access tokens of sessions the suite opened, until logged out. */
  readonly sessions = new Set<string>()
  /** Things on the target the run changed and could not put back (e.g. the mock's clock). */
  readonly leftBehind: string[] = []
  readonly promises: Promises
  /** Each check's citation in this run: the wording of the profile's seed page where it states the rule. */
  readonly cites: ReadonlyMap<string, string>
  /** Set for the clean-up, which runs even after an interrupt. */
  cleaning = false
  #count = 0

  constructor(
    readonly spec: Spec,
    readonly http: Http,
    readonly redactor: Redactor,
    readonly strict: boolean,
    readonly wanted: Filter,
    readonly signal: AbortSignal,
  ) {
    this.promises = spec.promises
    this.cites = citationsFor(spec.promises)
  }

  get requestCount(): number {
    return this.#count
  }

  async send(spec: RequestSpec, operationId: string | undefined, mistake = false): Promise<Recorded> {
    if (this.signal.aborted && !this.cleaning) throw new Interrupted('interrupted')
    this.#count++
    const exchange = await this.http(spec)
    this.redactor.addFrom(exchange.json)
    const recorded: Recorded = { ...exchange, mistake, ...(operationId !== undefined && { operationId }) }
    this.exchanges.push(recorded)
    return recorded
  }

  /**
   * The form with the antiforgery opt-out added where the spec has antiforgery and the form does not name the field:
   * the suite is a non-browser client, as the public clients that send disable_antiforgery_token=true are.
   */
  #optedOut(form: [string, Value][]): [string, Value][] {
    const field = this.promises.antiforgery?.optOutField
    return field === undefined || form.some(([name]) => name === field) ? form : [...form, [field, { value: 'true' }]]
  }

  /** POST to the token endpoint; a 200 opens a session that the run logs out at the end. */
  async token(form: [string, Value][], mistake = false, headers?: Record<string, string | null>): Promise<Recorded> {
    const spec = { method: 'POST', path: this.promises.tokenPath, form: this.#optedOut(form), ...(headers !== undefined && { headers }) }
    const ex = await this.send(spec, 'issueToken', mistake)
    const access = (ex.json as { access_token?: unknown } | undefined)?.access_token
    if (ex.status === 200 && typeof access === 'string') this.sessions.add(access)
    return ex
  }

  /** A token request with headers changed on purpose (a mistake); a 200 still opens a session to log out. */
  async tokenWith(form: [string, Value][], headers: Record<string, string | null>): Promise<Recorded> {
    const ex = await this.send({ method: 'POST', path: this.promises.tokenPath, form: this.#optedOut(form), headers }, 'issueToken', true)
    const access = (ex.json as { access_token?: unknown } | undefined)?.access_token
    if (ex.status === 200 && typeof access === 'string') this.sessions.add(access)
    return ex
  }

  login(account: Account, username = account.username): Promise<Recorded> {
    return this.token([
      ['grant_type', { value: 'password' }],
      ['username', { value: username }],
      ['password', { value: account.password, placeholder: `$${account.placeholder}` }],
    ])
  }

  /** Calls an operation of the spec by operationId. */
  call(
    operationId: string,
    options: {
      bearer?: string
      authorization?: string
      query?: Record<string, string>
      headers?: Record<string, string | null>
      mistake?: boolean
      /** Values of the path's `{name}` parameters. */
      params?: Record<string, string>
    } = {},
  ) {
    const op = this.spec.operation(operationId)
    if (op === undefined) throw new Error(`the spec has no operation ${operationId}`)
    const path = op.path.replace(/\{(\w+)\}/g, (whole, name: string) => (options.params?.[name] === undefined ? whole : encodeURIComponent(options.params[name])))
    const spec: RequestSpec = { method: op.method, path }
    if (options.bearer !== undefined) spec.bearer = { value: options.bearer, placeholder: '$ACCESS_TOKEN' }
    if (options.authorization !== undefined) spec.authorization = { value: options.authorization }
    if (options.query !== undefined) spec.query = options.query
    if (options.headers !== undefined) spec.headers = options.headers
    return this.send(spec, operationId, options.mistake ?? false)
  }

  /** The caller's userUid, read from the spec's current-user resource (VSPC's GET /users/me); undefined without one. */
  async userUid(access: string): Promise<string | undefined> {
    const resource = this.promises.resources?.find((r) => r.kind === 'current-user' && r.uidField !== undefined)
    if (resource === undefined) return undefined
    const ex = await this.call(resource.operationId, { bearer: access })
    let value: unknown = ex.json
    for (const key of resource.uidField!.split('.')) value = (value as Record<string, unknown> | undefined)?.[key]
    return typeof value === 'string' ? value : undefined
  }

  /** Logout with `access`, filling a `{userUid}` the logout path names (VSPC's revoke) from the current-user resource. */
  async logout(access: string, mistake = false): Promise<Recorded> {
    if (this.promises.logout?.path.includes('{userUid}') !== true) return this.call('logout', { bearer: access, mistake })
    const uid = (await this.userUid(access)) ?? '00000000-0000-4000-8000-000000000000'
    return this.call('logout', { bearer: access, mistake, params: { userUid: uid } })
  }

  /** A cheap protected request: the client list where there is one, else a protected resource clients read after login, else logout. */
  probeOperation(): string {
    if (this.spec.operation('listClients') !== undefined) return 'listClients'
    const resource = this.promises.resources?.find((r) => r.public !== true && this.spec.operation(r.operationId) !== undefined)
    return resource?.operationId ?? 'logout'
  }

  severityOf(def: CheckDef): Severity {
    const declared = def.assumption !== undefined && this.spec.declares(def.assumption)
    const rule = def.rule ?? def.assumption
    return effectiveSeverity(def, declared, this.strict, rule !== undefined && (this.promises.documented ?? []).includes(rule))
  }

  /** Whether `ex` answers `refusal` as the spec's error model says; `want` describes that answer. */
  answers(ex: Exchange, refusal: Refusal, where: 'token' | 'resource' = 'token'): { pass: boolean; want: string } {
    const errors = this.promises.errors
    // The orchestrators answer RFC 6749 unless their profile names the refusal's answer (a recorded server's).
    const expected = errors === undefined || errors.model === 'oauth-message' ? (errors?.refusals?.[refusal] ?? RFC6749[refusal]) : errors.refusals?.[refusal]
    if (expected === undefined) return { pass: is4xx(ex), want: '4xx' }
    const field = errors?.codeField?.[where] ?? (where === 'token' ? 'error' : undefined)
    const code = field === undefined ? undefined : (ex.json as Record<string, unknown> | undefined)?.[field]
    const statuses = Array.isArray(expected.status) ? expected.status : [expected.status]
    const pass = statuses.includes(ex.status) && (expected.code === undefined || code === expected.code)
    return { pass, want: `${statuses.join(' or ')}${expected.code === undefined ? '' : ` ${expected.code}`}` }
  }

  /** Records check `id` (one with `records`): does `ex` answer as the spec's outcome of its assumption says? */
  checkOutcome(id: string, ex: Exchange, what: string): void {
    const assumption = CHECKS.get(id)?.assumption
    const expected = assumption === undefined ? undefined : expectedOutcome(this.promises, assumption)
    if (expected === undefined) throw new Error(`check ${id} has no outcome`)
    const { pass, want } = judgeOutcome(expected, ex.status, what)
    this.check(id, pass, want, ex, undefined, observedValue(typeof expected === 'number' ? 'status' : 'refused', ex.status))
  }

  /** Records check `id`: does `ex` answer `refusal` as the spec's error model says? Records the status and code seen. */
  checkAnswer(id: string, ex: Exchange, refusal: Refusal, where: 'token' | 'resource' = 'token'): void {
    const { pass, want } = this.answers(ex, refusal, where)
    const field = this.promises.errors?.codeField?.[where] ?? (where === 'token' ? 'error' : undefined)
    const code = field === undefined ? undefined : (ex.json as Record<string, unknown> | undefined)?.[field]
    // A code is no secret, but one the redactor would change is not written either.
    const usable = typeof code === 'string' && code.length <= 100 && this.redactor.apply(code) === code
    const recorded = ex.status >= 400 && ex.status < 500 && usable ? { status: ex.status, code } : undefined
    this.check(id, pass, want, ex, undefined, recorded)
  }

  wants(...ids: string[]): boolean {
    return ids.some((id) => this.wanted(id))
  }

  /** Records a check; `received` may be an exchange (its status and redacted body are shown). */
  check(id: string, pass: boolean, expected: string, received: string | Exchange, exchange?: Exchange, recorded?: CheckResult['recorded']): void {
    const def = CHECKS.get(id)
    if (def === undefined) throw new Error(`unknown check ${id}`)
    if (!this.wanted(id)) return
    const severity = this.severityOf(def)
    const ex = typeof received === 'string' ? exchange : received
    const base = {
      id,
      scenario: def.scenario,
      severity,
      cite: this.cites.get(id) ?? def.cite,
      ...(ex !== undefined && { seen: seenOf(ex, this.redactor) }),
      // Only the spec's own assumptions: a documented rule a target breaks is a failure, not a choice to record.
      ...(def.records !== undefined && def.assumption !== undefined && this.spec.declares(def.assumption) && { recorded: recorded ?? null }),
    }
    if (pass) {
      this.results.push({ ...base, outcome: 'passed' })
      return
    }
    this.results.push({
      ...base,
      outcome: severity === 'MUST' ? 'failed' : severity === 'SHOULD' ? 'warning' : 'observed',
      expected,
      received: shorten(this.redactor.apply(typeof received === 'string' ? received : describe(received))),
      ...(ex !== undefined && { curl: this.redactor.apply(ex.curl) }),
    })
  }

  skip(ids: string[], reason: string): void {
    for (const id of ids) {
      const def = CHECKS.get(id)
      if (def === undefined) throw new Error(`unknown check ${id}`)
      if (!this.wanted(id) || this.results.some((r) => r.id === id)) continue
      const severity = this.severityOf(def)
      this.results.push({ id, scenario: def.scenario, severity, cite: this.cites.get(id) ?? def.cite, outcome: 'skipped', note: reason })
    }
  }
}

/** `400 {"error":"invalid_grant"}`; redact before shortening, or a cut secret would slip past. */
export function describe(ex: Exchange): string {
  return `${ex.status}${ex.text === '' ? ' (empty body)' : ` ${ex.text}`}`
}

const shorten = (text: string) => (text.length > 400 ? `${text.slice(0, 400)}...` : text)

export const errorCode = (ex: Exchange): unknown => (ex.json as { error?: unknown } | undefined)?.error

export const is4xx = (ex: Exchange) => ex.status >= 400 && ex.status < 500

export function pairOf(ex: Exchange): Pair | undefined {
  const body = ex.json as { access_token?: unknown; refresh_token?: unknown } | undefined
  if (ex.status !== 200 || typeof body?.access_token !== 'string') return undefined
  return { access: body.access_token, refresh: typeof body.refresh_token === 'string' ? body.refresh_token : '' }
}
