/** @module Two users: each sees and deletes only its own clients. */
import { describe, pairOf, type Context } from '../context.js'
import type { Accounts } from './accounts.js'
import { createClient, deleteClient, idsOf } from './clients.js'

const IDS = ['users-see-only-own-clients', 'user-cannot-delete-other-users-client', 'other-users-client-is-404']

export async function crossUserScenario(t: Context, { user, other }: Accounts): Promise<void> {
  if (other === undefined) return t.skip(IDS, 'no --other-username given')
  if (t.spec.operation('createClient') === undefined) return t.skip(IDS, 'the spec has no client accounts')
  if (!t.wants(...IDS)) return
  const u = pairOf(await t.login(user))?.access
  const o = pairOf(await t.login(other))?.access
  if (u === undefined || o === undefined) return t.skip(IDS, 'a password grant failed')
  const mine = (await createClient(t, u, user)).created
  const theirs = (await createClient(t, o, other)).created
  if (mine === undefined || theirs === undefined) return t.skip(IDS, 'creating a client failed')
  const lu = await t.call('listClients', { bearer: u })
  const lo = await t.call('listClients', { bearer: o })
  const [iu, io] = [idsOf(lu), idsOf(lo)]
  const separate = iu?.has(mine.id) === true && iu.has(theirs.id) === false && io?.has(theirs.id) === true && io.has(mine.id) === false
  t.check(
    'users-see-only-own-clients',
    separate,
    'each list holds its own new client and not the other',
    `user ${lu.status} ${lu.text}; other ${lo.status} ${lo.text}`,
    lu,
  )
  const attempt = await deleteClient(t, u, theirs.id, true)
  const still = idsOf(await t.call('listClients', { bearer: o }))
  t.check(
    'user-cannot-delete-other-users-client',
    attempt.status >= 400 && still?.has(theirs.id) === true,
    "4xx, and the other user's client survives",
    `${describe(attempt)}`,
    attempt,
  )
  t.checkOutcome('other-users-client-is-404', attempt, "for another user's client")
  await deleteClient(t, o, theirs.id)
  await deleteClient(t, u, mine.id)
}
