/**
 * @module Revoke by name (Veeam ONE's /api/revoke): with `token` the named access token dies and the caller's own lives
 * on; with the user field (UserSid) every session of the caller dies and another user's lives on.
 */
import { pairOf, type Context } from '../context.js'
import type { Accounts } from './accounts.js'

const TOKEN_IDS = ['revoke-named-token-refused', 'revoke-keeps-other-tokens']
const SID_ID = 'revoke-by-user-sid-ends-every-session-of-user'
/** Bounds what is decoded: a JWT far longer than any access token is not one to read. */
const MAX_TOKEN = 16 * 1024

/**
 * The SID claim of a JWT access token: `sid`, or a claim URI ending in `/claims/sid` (.NET's ClaimTypes.Sid, which
 * Veeam ONE's tokens carry); undefined for an opaque token or one without it. The vendor's UserSid is read here.
 */
export function sidClaim(access: string): string | undefined {
  const payload = access.length > MAX_TOKEN ? undefined : access.split('.')[1]
  if (payload === undefined) return undefined
  let claims: unknown
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'))
  } catch {
    return undefined
  }
  if (typeof claims !== 'object' || claims === null) return undefined
  const value = Object.entries(claims).find(([name]) => name === 'sid' || name.endsWith('/claims/sid'))?.[1]
  return typeof value === 'string' && value !== '' ? value : undefined
}

export async function revokeScenario(t: Context, accounts: Accounts): Promise<void> {
  const logout = t.promises.logout
  if (logout?.params === undefined) return t.skip([...TOKEN_IDS, SID_ID], 'the spec names no token to revoke')
  if (t.wants(...TOKEN_IDS)) await byToken(t, accounts)
  if (t.wants(SID_ID)) await bySid(t, accounts)
}

async function byToken(t: Context, { user }: Accounts): Promise<void> {
  const logout = t.promises.logout!
  const a = pairOf(await t.login(user))
  const b = pairOf(await t.login(user))
  if (a === undefined || b === undefined) return t.skip(TOKEN_IDS, 'the password grant failed')
  const form: [string, { value: string; placeholder: string }][] = [[logout.params!.token, { value: a.access, placeholder: '$OTHER_ACCESS_TOKEN' }]]
  const revoked = await t.send({ method: logout.method, path: logout.path, bearer: { value: b.access, placeholder: '$ACCESS_TOKEN' }, form }, 'logout')
  const probe = t.probeOperation()
  const named = await t.call(probe, { bearer: a.access, mistake: true })
  t.check(
    'revoke-named-token-refused',
    revoked.status === logout.status && named.status === 401,
    `${logout.status} from ${logout.path} with ${logout.params!.token}=<token A>, then 401 for token A`,
    revoked.status === logout.status ? named : revoked,
  )
  if (named.status === 401) t.sessions.delete(a.access)
  const caller = await t.call(probe, { bearer: b.access })
  t.check('revoke-keeps-other-tokens', caller.status >= 200 && caller.status < 300, '2xx for the caller\'s own token B after revoking token A', caller)
}

/** Two sessions of the user and one of another; revoke by the user's SID (its token's sid claim) with one of them. */
async function bySid(t: Context, { user, other }: Accounts): Promise<void> {
  const logout = t.promises.logout!
  const field = logout.params!.user
  if (other === undefined) return t.skip([SID_ID], 'no --other-username given')
  const a = pairOf(await t.login(user))
  const b = pairOf(await t.login(user))
  const o = pairOf(await t.login(other))
  if (a === undefined || b === undefined || o === undefined) return t.skip([SID_ID], 'the password grant failed')
  const sid = sidClaim(b.access)
  if (sid === undefined) return t.skip([SID_ID], `the access token carries no SID claim to send as ${field}`)
  const probe = t.probeOperation()
  // The other user's answer before the revoke (2xx, or 403 where its role may not read the probe) must not change.
  const before = await t.call(probe, { bearer: o.access })
  const form: [string, { value: string }][] = [[field, { value: sid }]]
  const revoked = await t.send({ method: logout.method, path: logout.path, bearer: { value: b.access, placeholder: '$ACCESS_TOKEN' }, form }, 'logout')
  const first = await t.call(probe, { bearer: a.access, mistake: true })
  const caller = await t.call(probe, { bearer: b.access, mistake: true })
  const theirs = await t.call(probe, { bearer: o.access })
  for (const [pair, ex] of [[a, first], [b, caller]] as const) if (ex.status === 401) t.sessions.delete(pair.access)
  const failed = revoked.status !== logout.status ? revoked : first.status !== 401 ? first : caller.status !== 401 ? caller : theirs
  t.check(
    SID_ID,
    failed === theirs && before.status !== 401 && theirs.status === before.status,
    `${logout.status} from ${logout.path} with ${field}=<the user's SID>, then 401 for both of the user's tokens, and ${before.status} (as before) for another user's token`,
    failed,
  )
}
