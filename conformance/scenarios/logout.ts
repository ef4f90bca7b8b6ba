/** @module Logout: the documented answer; the access and refresh token dead afterwards; other sessions alive (or, for a revoke of the user, dead too). */
import { pairOf, type Context } from '../context.js'
import type { Accounts } from './accounts.js'

export async function logoutScenario(t: Context, { user }: Accounts): Promise<void> {
  const { logout } = t.promises
  const ids = ['logout-returns-documented-status', 'logged-out-access-token-refused', 'logged-out-refresh-token-refused', 'logout-keeps-other-sessions', 'revoke-ends-every-session-of-user']
  if (logout === undefined) return t.skip([...ids, 'logout-without-token-refused'], 'the spec has no logout')
  const userScope = logout.scope === 'user'
  t.skip([userScope ? 'logout-keeps-other-sessions' : 'revoke-ends-every-session-of-user'], userScope ? 'the logout revokes every session of the user' : 'the logout ends one session')
  if (t.wants(...ids)) {
    const a = pairOf(await t.login(user))
    const b = pairOf(await t.login(user))
    if (a === undefined || b === undefined) return t.skip(ids, 'the password grant failed')
    const ex = await t.logout(a.access)
    const body = logout.objectBody ?? logout.message
    const messageOk = body === undefined || JSON.stringify(ex.json) === JSON.stringify(body)
    const want = `${logout.status}${body === undefined ? '' : ` with ${JSON.stringify(body)}`}`
    t.check('logout-returns-documented-status', ex.status === logout.status && messageOk, want, ex)
    if (ex.status >= 200 && ex.status < 300) t.sessions.delete(a.access)
    const probe = await t.call(t.probeOperation(), { bearer: a.access, mistake: true })
    t.check(
      'logged-out-access-token-refused',
      probe.status === 401,
      '401 for the logged-out access token',
      probe,
    )
    const refresh = await t.token([['grant_type', { value: 'refresh_token' }], ['refresh_token', { value: a.refresh, placeholder: '$REFRESH_TOKEN' }]], true)
    t.checkOutcome('logged-out-refresh-token-refused', refresh, "for the logged-out session's refresh token")
    const other = await t.call(t.probeOperation(), { bearer: b.access, mistake: userScope })
    if (userScope) {
      t.check('revoke-ends-every-session-of-user', other.status === 401, '401 for another session of the same user', other)
      if (other.status === 401) t.sessions.delete(b.access)
    } else {
      t.check('logout-keeps-other-sessions', other.status >= 200 && other.status < 300, '2xx for another session of the same account', other)
    }
  }
  if (t.wants('logout-without-token-refused')) {
    const ex = await t.call('logout', { mistake: true, params: { userUid: '00000000-0000-4000-8000-000000000000' } })
    t.check('logout-without-token-refused', ex.status === 401, '401 without a token', ex)
  }
}
