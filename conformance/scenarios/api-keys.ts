/** @module API keys (VSPC): one created for the user works as a bearer token and stops working when its login is deleted. */
import { patiently } from '../cleanup.js'
import { pairOf, type Context } from '../context.js'
import { nonce, type Accounts } from './accounts.js'

const IDS = ['api-key-created', 'api-key-works-as-bearer', 'deleted-api-key-refused']

export async function apiKeysScenario(t: Context, { user }: Accounts): Promise<void> {
  const create = t.spec.operation('AddApiKeyLogin')
  const remove = t.spec.operation('DeleteUserLogin')
  if (t.promises.apiKeys === undefined || create === undefined || remove === undefined) return t.skip(IDS, 'the spec has no API keys')
  if (!t.wants(...IDS)) return
  const pair = pairOf(await t.login(user))
  if (pair === undefined) return t.skip(IDS, 'the password grant failed')
  const userUid = await t.userUid(pair.access)
  if (userUid === undefined) return t.skip(IDS, 'the current-user resource gave no userUid')
  const created = await t.call('AddApiKeyLogin', {
    bearer: pair.access,
    params: { userUid },
    query: { description: `conformance-${nonce()}`, scopes: '["rest"]' },
  })
  const data = (created.json as { data?: { id?: unknown; parameters?: unknown } } | undefined)?.data
  const key = typeof data?.parameters === 'string' && data.parameters !== '' ? data.parameters : undefined
  if (key !== undefined) t.redactor.add(key, 'api_key')
  const id = typeof data?.id === 'number' ? String(data.id) : undefined
  t.check('api-key-created', created.status === 200 && key !== undefined && id !== undefined, '200 with data.id and the key in data.parameters', created)
  if (key === undefined || id === undefined) return t.skip(['api-key-works-as-bearer', 'deleted-api-key-refused'], 'no API key was created')
  const used = await t.call(t.probeOperation(), { bearer: key })
  t.check('api-key-works-as-bearer', used.status >= 200 && used.status < 300, '2xx with Authorization: Bearer <key>', used)
  // A throttling server may ask to wait: the key must not be left behind.
  const deleted = await patiently(() => t.call('DeleteUserLogin', { bearer: pair.access, params: { userUid, userLoginId: id } }))
  if (deleted.status !== 200) t.leftBehind.push(`API key login ${id} of ${user.username} (delete answered ${deleted.status})`)
  const after = await t.call(t.probeOperation(), { bearer: key, mistake: true })
  t.check('deleted-api-key-refused', deleted.status === 200 && after.status === 401, 'delete 200, then 401 for the key', after)
}
