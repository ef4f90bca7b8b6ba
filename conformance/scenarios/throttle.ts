/**
 * @module Throttling: with --throttle-probe N, up to N+1 requests as one account should meet a 429; every 429 the run
 * saw carries Retry-After (agreeing with a retryAfter in the body). Against a real server these are observations.
 */
import { pairOf, type Context } from '../context.js'
import type { Accounts } from './accounts.js'

export async function throttleScenario(t: Context, { user, other }: Accounts, probe: number | undefined): Promise<void> {
  if (probe === undefined) t.skip(['throttle-limit-answers-429'], 'no --throttle-probe N given')
  else if (t.wants('throttle-limit-answers-429', 'throttled-answer-has-retry-after')) {
    // The second account, so the first one's budget stays whole for the checks after this one.
    const pair = pairOf(await t.login(other ?? user))
    if (pair === undefined) t.skip(['throttle-limit-answers-429'], 'the password grant failed')
    else {
      let last
      for (let i = 0; i <= probe; i++) {
        last = await t.call(t.probeOperation(), { bearer: pair.access })
        if (last.status === 429) break
      }
      t.check('throttle-limit-answers-429', last?.status === 429, `429 within ${probe + 1} requests`, last!)
    }
  }
  const throttled = t.exchanges.filter((ex) => ex.status === 429)
  if (throttled.length === 0) return t.skip(['throttled-answer-has-retry-after'], 'no 429 in this run')
  const bad = throttled.find((ex) => {
    const header = ex.headers['retry-after']
    if (header === undefined || !/^\d+$/.test(header)) return true
    const inBody = (ex.json as { errors?: { retryAfter?: unknown }[] } | undefined)?.errors?.[0]?.retryAfter
    return inBody !== undefined && inBody !== Number(header)
  })
  t.check(
    'throttled-answer-has-retry-after',
    bad === undefined,
    'Retry-After: <seconds> on every 429 (equal to the body\'s retryAfter)',
    bad === undefined ? '' : `Retry-After: ${bad.headers['retry-after'] ?? '(none)'}`,
    bad,
  )
}
