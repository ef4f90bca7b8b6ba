/** @module Client accounts: create, authenticate, list, the limits on what a client may do, and deletion. */
import { describe, errorCode, is4xx, pairOf, type Account, type Context, type Recorded } from '../context.js'
import { nonce, type Accounts } from './accounts.js'

const ALL = [
  'user-creates-client', 'client-credentials-grant-works', 'wrong-client-secret-refused', 'wrong-client-secret-is-invalid-client',
  'user-lists-exactly-its-clients', 'client-lists-only-own-id', 'client-cannot-create-client', 'client-create-refused-with-403',
  'client-cannot-delete-sibling', 'client-delete-sibling-refused-with-403', 'user-delete-unknown-client-is-404',
  'delete-without-client-id-is-400', 'client-deletes-itself', 'deleted-client-token-refused', 'deleted-client-credentials-refused',
  'user-deletes-its-client',
]

export interface Created {
  id: string
  secret: string
}

/** The IDs in a list response (lowercased), or undefined when it is not an array of strings. */
export function idsOf(ex: Recorded): Set<string> | undefined {
  if (ex.status !== 200 || !Array.isArray(ex.json) || !ex.json.every((id) => typeof id === 'string')) return undefined
  return new Set((ex.json as string[]).map((id) => id.toLowerCase()))
}

const show = (ids: Set<string> | undefined) => (ids === undefined ? 'not a list of IDs' : `[${[...ids].join(', ')}]`)
const sameSet = (a: Set<string> | undefined, b: Set<string>) => a !== undefined && a.size === b.size && [...b].every((id) => a.has(id))

/** Creates a client as `bearer`; anything that looks like a created ID is tracked for clean-up, whatever the shape. */
export async function createClient(t: Context, bearer: string, owner: Account, mistake = false): Promise<{ ex: Recorded; created?: Created }> {
  const ex = await t.call('createClient', { bearer, mistake })
  const body = (ex.json ?? {}) as Record<string, unknown>
  const anyId = body['client_id'] ?? body['clientId']
  if (ex.status >= 200 && ex.status < 300 && typeof anyId === 'string') t.clients.set(anyId.toLowerCase(), owner)
  const { client_id: id, client_secret: secret } = body
  if (ex.status !== 200 || typeof id !== 'string' || typeof secret !== 'string' || id === '' || secret === '') return { ex }
  return { ex, created: { id: id.toLowerCase(), secret } }
}

export async function deleteClient(t: Context, bearer: string, clientId: string | undefined, mistake = false): Promise<Recorded> {
  const ex = await t.call('deleteClient', { bearer, mistake, ...(clientId !== undefined && { query: { clientId } }) })
  if (ex.status === 204 && clientId !== undefined) t.clients.delete(clientId.toLowerCase())
  return ex
}

const clientLogin = (t: Context, c: Created, secret = c.secret, mistake = false) =>
  t.token(
    [
      ['grant_type', { value: 'client_credentials' }],
      ['client_id', { value: c.id }],
      ['client_secret', { value: secret, placeholder: '$CLIENT_SECRET' }],
    ],
    mistake,
  )

export async function clientsScenario(t: Context, { user }: Accounts): Promise<void> {
  if (t.spec.operation('createClient') === undefined) return t.skip(ALL, 'the spec has no client accounts')
  if (!t.wants(...ALL)) return
  const session = pairOf(await t.login(user))
  if (session === undefined) return t.skip(ALL, 'the password grant failed')
  const u = session.access
  const list = async (bearer: string) => {
    const ex = await t.call('listClients', { bearer })
    return { ex, ids: idsOf(ex) }
  }
  const before = await list(u)
  const first = await createClient(t, u, user)
  t.check(
    'user-creates-client',
    first.created !== undefined,
    '200 with string client_id and client_secret',
    first.ex,
  )
  const second = await createClient(t, u, user)
  const c1 = first.created
  const c2 = second.created
  if (c1 === undefined || c2 === undefined) return t.skip(ALL, 'creating a client failed')

  const cc = await clientLogin(t, c1)
  const c1Token = pairOf(cc)?.access
  t.check('client-credentials-grant-works', c1Token !== undefined, '200 with an access token', cc)
  const wrong = await clientLogin(t, c1, `wrong-${nonce()}`, true)
  t.check('wrong-client-secret-refused', is4xx(wrong), '4xx for a wrong client secret', wrong)
  t.check(
    'wrong-client-secret-is-invalid-client',
    (wrong.status === 400 || wrong.status === 401) && errorCode(wrong) === 'invalid_client',
    '400 or 401 invalid_client',
    wrong,
  )

  const after = await list(u)
  const expected = new Set([...(before.ids ?? []), c1.id, c2.id])
  t.check(
    'user-lists-exactly-its-clients',
    sameSet(after.ids, expected),
    `200 [${[...expected].join(', ')}]`,
    `${after.ex.status} ${show(after.ids)}`,
    after.ex,
  )
  if (c1Token === undefined) return t.skip(ALL, 'the client could not log in')

  const own = await list(c1Token)
  t.check(
    'client-lists-only-own-id',
    sameSet(own.ids, new Set([c1.id])),
    `200 [${c1.id}]`,
    `${own.ex.status} ${show(own.ids)}`,
    own.ex,
  )

  const byClient = await createClient(t, c1Token, user, true)
  const unchanged = await list(u)
  const refused = byClient.ex.status >= 400 && sameSet(unchanged.ids, expected)
  t.check(
    'client-cannot-create-client',
    refused,
    "4xx, and the user's list unchanged",
    `${describe(byClient.ex)}; list ${show(unchanged.ids)}`,
    byClient.ex,
  )
  t.checkOutcome('client-create-refused-with-403', byClient.ex, 'for a client creating a client')

  const sibling = await deleteClient(t, c1Token, c2.id, true)
  const survivors = await list(u)
  const kept = sibling.status >= 400 && survivors.ids?.has(c2.id) === true
  t.check(
    'client-cannot-delete-sibling',
    kept,
    '4xx, and the sibling still listed',
    `${describe(sibling)}; list ${show(survivors.ids)}`,
    sibling,
  )
  t.checkOutcome('client-delete-sibling-refused-with-403', sibling, 'for a client deleting another')

  const unknown = await deleteClient(t, u, crypto.randomUUID(), true)
  t.checkOutcome('user-delete-unknown-client-is-404', unknown, 'for an unknown client ID')
  const missing = await deleteClient(t, u, undefined, true)
  t.checkOutcome('delete-without-client-id-is-400', missing, 'without clientId')

  const self = await deleteClient(t, c1Token, c1.id)
  t.check('client-deletes-itself', self.status === 204, '204', self)
  if (self.status === 204) {
    const dead = await t.call('listClients', { bearer: c1Token, mistake: true })
    t.check(
      'deleted-client-token-refused',
      dead.status === 401,
      "401 for the deleted client's access token",
      dead,
    )
    const again = await clientLogin(t, c1, c1.secret, true)
    t.check(
      'deleted-client-credentials-refused',
      is4xx(again),
      "4xx for the deleted client's credentials",
      again,
    )
  } else t.skip(['deleted-client-token-refused', 'deleted-client-credentials-refused'], 'the client could not delete itself')

  // If a misbehaving target let the sibling be deleted, use a fresh client so this check tests only its own rule.
  const target = survivors.ids?.has(c2.id) === true ? c2 : (await createClient(t, u, user)).created
  if (target === undefined) return t.skip(['user-deletes-its-client'], 'creating a client failed')
  const gone = await deleteClient(t, u, target.id)
  const rest = await list(u)
  t.check(
    'user-deletes-its-client',
    gone.status === 204 && rest.ids !== undefined && !rest.ids.has(target.id),
    '204, and the ID no longer listed',
    `${describe(gone)}; list ${show(rest.ids)}`,
    gone,
  )
}
