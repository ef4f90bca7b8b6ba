/**
 * @module Throttling: at most N requests per account in each fixed window of the mock's clock; past that, 429
 * with the seconds until the next window (VSPC's "Maximum number of requests processed during a unit of time").
 */
import { parseUsername } from '../accounts/username.js'
import { ThrottledError } from '../oauth/errors.js'
import type { ThrottleSpec } from '../profiles/profile.js'
import type { Principal } from '../store/types.js'
import type { MockState } from './mock-state.js'

const MAX_ACCOUNTS = 10_000

export class Throttle {
  #window = -1
  // Counts of the current window only: a new window starts them all at zero, so the map stays bounded by one window.
  readonly #counts = new Map<string, number>()

  constructor(readonly spec: ThrottleSpec) {
    if (!Number.isSafeInteger(spec.requests) || spec.requests < 1) throw new RangeError('throttle requests must be a positive integer')
    if (!Number.isSafeInteger(spec.windowSeconds) || spec.windowSeconds < 1) throw new RangeError('throttle window must be a whole number of seconds, at least 1')
  }

  /** Counts a request of `account` (any stable key); throws the 429 refusal when it is over the limit. */
  take(account: string, now: number, retryAfterHeader = true): void {
    const windowMs = this.spec.windowSeconds * 1000
    const window = Math.floor(now / windowMs)
    if (window !== this.#window) {
      this.#window = window
      this.#counts.clear()
    }
    // Past MAX_ACCOUNTS distinct names in one window, new ones share one budget: the map stays bounded.
    const key = this.#counts.has(account) || this.#counts.size < MAX_ACCOUNTS ? account : 'overflow'
    const count = (this.#counts.get(key) ?? 0) + 1
    this.#counts.set(key, count)
    if (count > this.spec.requests) throw new ThrottledError(Math.max(1, Math.ceil(((window + 1) * windowMs - now) / 1000)), retryAfterHeader)
  }

  clear(): void {
    this.#window = -1
    this.#counts.clear()
  }
}

/** `N/WINDOW` as the --throttle flag writes it, e.g. `10/60s`, `100/1m`; the window through `parseSeconds`. */
export function parseThrottle(text: string, parseSeconds: (duration: string) => number): ThrottleSpec {
  const match = /^(\d{1,9})\/(.+)$/.exec(text.trim())
  if (match === null) throw new RangeError(`--throttle takes N/WINDOW, e.g. 10/60s (got "${text}")`)
  return { requests: Number(match[1]), windowSeconds: parseSeconds(match[2]!) }
}

/** The account a token request counts against: the user name it sends, or the account behind its refresh or mfa token. */
export function tokenRequestAccount(state: MockState, params: ReadonlyMap<string, string>): string {
  const username = params.get('username')
  const parsed = username === undefined ? undefined : parseUsername(username, state.profile.usernames)
  if (parsed !== undefined) return `name:${parsed.domain.toLowerCase()}\\${parsed.name.toLowerCase()}`
  if (username !== undefined) return `name:${username.toLowerCase()}`
  const now = state.clock.now()
  const refresh = params.get('refresh_token')
  const session = refresh === undefined ? undefined : state.store.byRefreshToken(refresh, now)
  if (session !== undefined) return principalKey(session.principal, state)
  const mfa = params.get('mfa_token')
  const pending = mfa === undefined ? undefined : state.mfa.peek(mfa, now)
  if (pending !== undefined) return principalKey({ kind: 'user', accountId: pending }, state)
  // Nothing names an account: such requests share one budget.
  return 'anonymous'
}

/** Accounts by their user name, so a login and the requests with its tokens share one budget. */
export function principalKey(principal: Principal, state?: MockState): string {
  if (principal.kind === 'client') return `client:${principal.clientId}`
  const account = state?.store.getAccount(principal.accountId)
  return account === undefined ? `id:${principal.accountId}` : `name:${account.domain.toLowerCase()}\\${account.name.toLowerCase()}`
}
