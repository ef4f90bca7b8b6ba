/** @module TokenModel's dates: `.issued` and `.expires` are RFC 3339 date-times with an offset, and `.expires` is `.issued` plus expires_in. */
import { pairOf, type Context } from '../context.js'
import type { Accounts } from './accounts.js'

const IDS = ['token-dates-have-offset', 'token-dates-match-expires-in']
/** RFC 3339 section 5.6: a full date-time ends in Z or a numeric offset. */
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i

export async function tokenDatesScenario(t: Context, { user }: Accounts): Promise<void> {
  const fields = t.promises.tokenResponse.fields
  if (!fields.includes('.issued') || !fields.includes('.expires')) return t.skip(IDS, 'the spec\'s token response has no .issued/.expires')
  if (!t.wants(...IDS)) return
  const ex = await t.login(user)
  if (pairOf(ex) === undefined) return t.skip(IDS, 'the password grant failed')
  const body = ex.json as Record<string, unknown>
  const issued = body['.issued']
  const expires = body['.expires']
  const dated = [issued, expires].every((d) => typeof d === 'string' && DATE_TIME.test(d))
  t.check('token-dates-have-offset', dated, '.issued and .expires as date-times with an offset', `${JSON.stringify(issued)}, ${JSON.stringify(expires)}`, ex)
  // Without an offset Date.parse reads local time; both are read alike, so the difference still tells.
  const span = (Date.parse(String(expires)) - Date.parse(String(issued))) / 1000
  const lifetime = body['expires_in']
  t.check(
    'token-dates-match-expires-in',
    typeof lifetime === 'number' && Math.abs(span - lifetime) <= 1,
    `.expires - .issued = expires_in (${JSON.stringify(lifetime)} s) within 1 s`,
    `${Number.isNaN(span) ? 'unreadable dates' : `${span} s`}`,
    ex,
  )
}
