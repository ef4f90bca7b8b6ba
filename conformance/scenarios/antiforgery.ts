/**
 * @module Antiforgery (VB365 v7, v8): a session issued without the opt-out needs its cookie + header pair on every
 * later request, refresh included; a session issued with the opt-out needs neither.
 */
import { is4xx, pairOf, type Context, type Pair } from '../context.js'
import type { Value } from '../http.js'
import type { Accounts } from './accounts.js'

const IDS = [
  'antiforgery-cookie-issued',
  'request-without-antiforgery-refused',
  'request-with-antiforgery-served',
  'refresh-without-antiforgery-refused',
  'refresh-with-antiforgery-works',
  'opted-out-session-needs-no-antiforgery',
]

/** The value of `name` in a response's Set-Cookie header(s), which node joins with ", ". */
function cookieOf(setCookie: string | undefined, name: string): string | undefined {
  const match = new RegExp(`(?:^|[,;]\\s*)${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}=([^;,]*)`).exec(setCookie ?? '')
  return match?.[1]
}

export async function antiforgeryScenario(t: Context, { user }: Accounts): Promise<void> {
  const rule = t.promises.antiforgery
  if (rule === undefined) return t.skip(IDS, 'the spec has no antiforgery token')
  if (!t.wants(...IDS)) return
  const optIn: [string, Value] = [rule.optOutField, { value: 'false' }]
  const password: [string, Value][] = [
    ['grant_type', { value: 'password' }],
    ['username', { value: user.username }],
    ['password', { value: user.password, placeholder: `$${user.placeholder}` }],
  ]
  const login = await t.token([...password, optIn])
  const pair = pairOf(login)
  const value = cookieOf(login.headers['set-cookie'], rule.cookie)
  t.check('antiforgery-cookie-issued', pair !== undefined && value !== undefined && value !== '', `200 setting the ${rule.cookie} cookie`, login)
  if (pair === undefined || value === undefined) return t.skip(IDS, 'no antiforgery cookie was issued')
  const withPair = { cookie: `${rule.cookie}=${value}`, [rule.header.toLowerCase()]: value }
  const probe = t.probeOperation()
  const sessions: { pair: Pair; headers: Record<string, string> }[] = [{ pair, headers: withPair }]

  const bare = await t.call(probe, { bearer: pair.access, mistake: true })
  t.check('request-without-antiforgery-refused', is4xx(bare), `4xx without the ${rule.cookie} cookie and ${rule.header} header`, bare)
  const served = await t.call(probe, { bearer: pair.access, headers: withPair })
  t.check('request-with-antiforgery-served', served.status >= 200 && served.status < 300, `2xx with the ${rule.cookie} cookie and ${rule.header} header`, served)

  const refresh: [string, Value][] = [['grant_type', { value: 'refresh_token' }], ['refresh_token', { value: pair.refresh, placeholder: '$REFRESH_TOKEN' }], optIn]
  const refused = await t.token(refresh, true)
  t.check('refresh-without-antiforgery-refused', is4xx(refused), `4xx for a refresh without the ${rule.cookie} cookie and ${rule.header} header`, refused)
  const renewed = await t.token(refresh, false, withPair)
  const next = pairOf(renewed)
  t.check('refresh-with-antiforgery-works', next !== undefined, '200 with a new pair for a refresh with the pair', renewed)
  const nextValue = cookieOf(renewed.headers['set-cookie'], rule.cookie)
  if (next !== undefined && nextValue !== undefined) sessions.push({ pair: next, headers: { cookie: `${rule.cookie}=${nextValue}`, [rule.header.toLowerCase()]: nextValue } })

  // The opted-out session (t.login sends the opt-out): no cookie, and neither a request nor a refresh needs one.
  const free = await t.login(user)
  const freePair = pairOf(free)
  const freeProbe = freePair && (await t.call(probe, { bearer: freePair.access }))
  const freeRefresh = freePair && (await t.token([['grant_type', { value: 'refresh_token' }], ['refresh_token', { value: freePair.refresh, placeholder: '$REFRESH_TOKEN' }]]))
  const noCookie = cookieOf(free.headers['set-cookie'], rule.cookie) === undefined
  t.check(
    'opted-out-session-needs-no-antiforgery',
    freePair !== undefined && noCookie && freeProbe!.status < 300 && freeProbe!.status >= 200 && freeRefresh!.status === 200,
    `with ${rule.optOutField}=true: no cookie, 2xx without the pair, refresh 200 without it`,
    freeRefresh ?? free,
  )
  // Log the antiforgery sessions out here: the clean-up sends no pair.
  if (t.spec.operation('logout') === undefined) return
  for (const { pair: p, headers } of sessions) {
    const ex = await t.call('logout', { bearer: p.access, headers })
    if (ex.status >= 200 && ex.status < 300) t.sessions.delete(p.access)
  }
}
