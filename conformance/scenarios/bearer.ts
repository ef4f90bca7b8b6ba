/** @module RFC 6750 protection of a resource: no token, a malformed one, a random one. */
import type { Context } from '../context.js'
import { nonce } from './accounts.js'

export async function bearerScenario(t: Context): Promise<void> {
  const op = t.probeOperation()
  const cases = [
    ['missing-token-is-401', undefined, 'no Authorization header'],
    ['malformed-token-is-401', 'Bearer not a token!', 'Authorization: Bearer not a token!'],
    ['random-token-is-401', `Bearer conformance${nonce()}${nonce()}`, 'a random bearer token'],
  ] as const
  const challenges: string[] = []
  let last
  for (const [id, authorization, what] of cases) {
    if (!t.wants(id, 'unauthorized-has-bearer-challenge')) continue
    const ex = await t.call(op, { ...(authorization !== undefined && { authorization }), mistake: true })
    t.check(id, ex.status === 401, `401 for ${what}`, ex)
    if (ex.status === 401) challenges.push(ex.headers['www-authenticate'] ?? '')
    last = ex
  }
  if (last === undefined) return
  const bad = challenges.find((c) => !/^bearer\b/i.test(c))
  t.check(
    'unauthorized-has-bearer-challenge',
    challenges.length > 0 && bad === undefined,
    'WWW-Authenticate: Bearer on every 401',
    `WWW-Authenticate: ${bad || '(none)'}`,
    last,
  )
}
