/**
 * @module The second factor (VSPC): a password login of an account with a TOTP secret yields a single-use
 * mfa_token; grant_type=mfa trades it with a current code for a session. A code's time step is used only once.
 */
import { timingSafeEqual } from 'node:crypto'
import { hashSecret } from '../security/secret.js'
import { hotp, totpStep } from '../security/totp.js'
import type { Account } from '../store/types.js'
import type { MockState } from './mock-state.js'

/** Wrong codes one mfa_token takes before it is dropped (a 6-digit code must not be guessable in its lifetime). */
export const MFA_ATTEMPTS = 5
/** Pending logins kept at most; the oldest goes first (each is bounded by its lifetime anyway). */
const MAX_PENDING = 10_000

interface Pending {
  accountId: string
  expiresAt: number
  attempts: number
}

export class MfaLogins {
  // By the SHA-256 of the mfa_token: the token itself is never kept.
  readonly #pending = new Map<string, Pending>()
  /** The last time step whose code logged each account in (RFC 6238 section 5.2: never accept it twice). */
  readonly #lastStep = new Map<string, number>()

  /** A new mfa_token for `account`, valid the profile's lifetime. */
  start(state: MockState, account: Account): string {
    const now = state.clock.now()
    const token = state.random.string(48, 'base64url')
    if (this.#pending.size >= MAX_PENDING) this.#pending.delete(this.#pending.keys().next().value!)
    const lifetime = (state.profile.mfa?.tokenLifetimeSeconds ?? 300) * 1000
    this.#pending.set(key(token), { accountId: account.id, expiresAt: now + lifetime, attempts: 0 })
    return token
  }

  /**
   * The account id behind `token` if `code` is the account's current code (or the previous step's, for clock
   * drift) and that step was not used before; the token is used up on success. Undefined with the reason otherwise.
   */
  complete(state: MockState, token: string, code: string): { accountId: string } | { refused: 'token' | 'code' } {
    const now = state.clock.now()
    const id = key(token)
    const pending = this.#pending.get(id)
    if (pending === undefined || now >= pending.expiresAt) {
      this.#pending.delete(id)
      return { refused: 'token' }
    }
    const secret = state.store.getAccount(pending.accountId)?.mfaSecret
    const step = secret === undefined ? undefined : matchingStep(secret, code, now)
    const last = this.#lastStep.get(pending.accountId) ?? -1
    if (step === undefined || (step <= last && !state.quirks.has('mfa-code-reusable'))) {
      if (++pending.attempts >= MFA_ATTEMPTS) this.#pending.delete(id)
      return { refused: 'code' }
    }
    this.#pending.delete(id)
    this.#lastStep.set(pending.accountId, step)
    return { accountId: pending.accountId }
  }

  /** Whose login `token` would complete (for throttling), without using it. */
  peek(token: string, now: number): string | undefined {
    const pending = this.#pending.get(key(token))
    return pending !== undefined && now < pending.expiresAt ? pending.accountId : undefined
  }

  clear(): void {
    this.#pending.clear()
    this.#lastStep.clear()
  }
}

const key = (token: string) => hashSecret(token).toString('hex')

/** The time step (now or one before) whose code is `code`, compared in constant time. */
function matchingStep(secret: Buffer, code: string, now: number): number | undefined {
  if (!/^\d{6}$/.test(code)) return undefined
  const current = totpStep(now)
  let found: number | undefined
  for (const step of [current, current - 1]) {
    if (timingSafeEqual(Buffer.from(hotp(secret, step)), Buffer.from(code)) && found === undefined) found = step
  }
  return found
}
