/** @module Revoke by name (Veeam ONE's /api/revoke with `token`): the named access token dies, the caller's own lives on. */
import { pairOf, type Context } from '../context.js'
import type { Accounts } from './accounts.js'

const IDS = ['revoke-named-token-refused', 'revoke-keeps-other-tokens']

export async function revokeScenario(t: Context, { user }: Accounts): Promise<void> {
  const logout = t.promises.logout
  if (logout?.params === undefined) return t.skip(IDS, 'the spec names no token to revoke')
  if (!t.wants(...IDS)) return
  const a = pairOf(await t.login(user))
  const b = pairOf(await t.login(user))
  if (a === undefined || b === undefined) return t.skip(IDS, 'the password grant failed')
  const form: [string, { value: string; placeholder: string }][] = [[logout.params.token, { value: a.access, placeholder: '$OTHER_ACCESS_TOKEN' }]]
  const revoked = await t.send({ method: logout.method, path: logout.path, bearer: { value: b.access, placeholder: '$ACCESS_TOKEN' }, form }, 'logout')
  const probe = t.probeOperation()
  const named = await t.call(probe, { bearer: a.access, mistake: true })
  t.check(
    'revoke-named-token-refused',
    revoked.status === logout.status && named.status === 401,
    `${logout.status} from ${logout.path} with ${logout.params.token}=<token A>, then 401 for token A`,
    revoked.status === logout.status ? named : revoked,
  )
  if (named.status === 401) t.sessions.delete(a.access)
  const caller = await t.call(probe, { bearer: b.access })
  t.check('revoke-keeps-other-tokens', caller.status >= 200 && caller.status < 300, '2xx for the caller\'s own token B after revoking token A', caller)
}
