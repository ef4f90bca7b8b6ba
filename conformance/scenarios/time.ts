/** @module Token lifetimes, checked without waiting by moving the mock's clock through its control API; skipped on a real server. */
import { findControl, type ControlOptions } from '../control.js'
import { is4xx, pairOf, type Context } from '../context.js'
import type { HttpOptions, Value } from '../http.js'
import type { Promises } from '../spec.js'
import type { Accounts } from './accounts.js'

export const TIME_CHECKS = [
  'expires-in-matches-lifetime',
  'access-token-valid-before-lifetime',
  'access-token-expires-after-lifetime',
  'refresh-token-expires-after-lifetime',
]

const is2xx = (status: number) => status >= 200 && status < 300

type Lifetimes = NonNullable<Promises['lifetimes']>

/** Runs last, on sessions of its own; the clock is frozen while it works and set back to where it was, whatever happens. */
export async function timeScenario(t: Context, { user }: Accounts, target: string, control: ControlOptions, http: HttpOptions): Promise<void> {
  if (!t.wants(...TIME_CHECKS)) return
  const lifetimes = t.promises.lifetimes
  if (lifetimes === undefined) return t.skip(TIME_CHECKS, 'the spec declares no lifetimes (x-veeam-auth-mock.lifetimes)')
  const found = await findControl(target, control, http)
  if ('reason' in found) return t.skip(TIME_CHECKS, found.reason)
  if (control.token !== undefined) t.redactor.add(control.token, '$CONTROL_TOKEN')
  const before = await found.clock()
  let revive: Value | undefined
  try {
    // Frozen, "just under the lifetime" is exact: no real time passes between the logins and the probes.
    await found.change({ freeze: true })
    revive = await lifetimeChecks(t, user, lifetimes, (seconds) => found.change({ advance: `${seconds}s` }))
  } finally {
    try {
      await found.restore(before)
    } catch (error) {
      t.leftBehind.push(`the target's clock, not set back (${t.redactor.apply((error as Error).message)}); was ${JSON.stringify(before)}`)
    }
  }
  // Back in time, the session whose access token was refused is live again by its refresh token and cannot
  // be logged out with the dropped access token: refresh it, and the clean-up logs the new pair out.
  if (revive !== undefined) await t.token(refreshForm(revive))
}

type Advance = (seconds: number) => Promise<unknown>

const refreshForm = (token: Value): [string, Value][] => [['grant_type', { value: 'refresh_token' }], ['refresh_token', token]]

/**
 * Every login happens at the start instant, so the target issues nothing while its clock is ahead (issuing
 * sweeps expired tokens, which would end the run's other sessions). Returns the refresh token to revive.
 */
async function lifetimeChecks(t: Context, user: Accounts['user'], lifetimes: Lifetimes, advance: Advance): Promise<Value | undefined> {
  const accessIds = ['expires-in-matches-lifetime', 'access-token-valid-before-lifetime', 'access-token-expires-after-lifetime']
  const refreshId = 'refresh-token-expires-after-lifetime'
  const { accessSeconds: access, refreshSeconds: refresh } = lifetimes
  // Two sessions for the access checks: where the probe is logout, probing the first ends it.
  const first = t.wants(...accessIds) ? await t.login(user) : undefined
  const early = first && pairOf(first)
  const late = first && pairOf(await t.login(user))
  const third = t.wants(refreshId) ? pairOf(await t.login(user)) : undefined
  let elapsed = 0
  const until = async (seconds: number) => {
    await advance(seconds - elapsed)
    elapsed = seconds
  }
  if (first !== undefined) {
    if (early === undefined || late === undefined) t.skip(accessIds, 'the password grant failed')
    else {
      const expiresIn = (first.json as { expires_in?: unknown }).expires_in
      t.check(
        'expires-in-matches-lifetime',
        typeof expiresIn === 'number' && expiresIn <= access && expiresIn >= access - 60,
        `expires_in between ${access - 60} and ${access} (the spec's access lifetime)`,
        `expires_in ${JSON.stringify(expiresIn)}`,
        first,
      )
      const op = t.probeOperation()
      await until(access - 1)
      const valid = await t.call(op, { bearer: early.access })
      t.check('access-token-valid-before-lifetime', is2xx(valid.status), `2xx ${access - 1} s after the login`, valid)
      await until(access + 1)
      const expired = await t.call(op, { bearer: late.access })
      t.check('access-token-expires-after-lifetime', expired.status === 401, `401 ${access + 1} s after the login`, expired)
    }
  }
  if (t.wants(refreshId)) {
    if (third === undefined) t.skip([refreshId], 'the password grant failed')
    else {
      await until(Math.max(refresh + 1, elapsed))
      const ex = await t.token(refreshForm({ value: third.refresh, placeholder: '$REFRESH_TOKEN' }), true)
      t.check(refreshId, is4xx(ex), `4xx for a refresh token ${refresh + 1} s old`, ex)
    }
  }
  return late && { value: late.refresh, placeholder: '$REFRESH_TOKEN' }
}
