/** @module The authorization_code grant where the spec offers it: a code from its route, exchanged once. */
import { pairOf, type Context } from '../context.js'
import type { Accounts } from './accounts.js'

const IDS = ['authorization-code-grant-works', 'used-authorization-code-refused']

export async function authorizationCodeScenario(t: Context, { user }: Accounts): Promise<void> {
  const route = t.promises.authorizationCode
  if (route === undefined || !t.promises.grants.includes('authorization_code')) return t.skip(IDS, 'the spec offers no authorization_code grant')
  if (!t.wants(...IDS)) return
  const login = pairOf(await t.login(user))
  if (login === undefined) return t.skip(IDS, 'the password grant failed')
  const issued = await t.send({ method: 'POST', path: route.path, bearer: { value: login.access, placeholder: '$ACCESS_TOKEN' } }, 'CreateAuthorizationCode')
  const code = (issued.json as { code?: unknown } | undefined)?.code
  if (typeof code !== 'string') {
    t.check('authorization-code-grant-works', false, `200 {code} from POST ${route.path}`, issued)
    return t.skip(['used-authorization-code-refused'], 'no authorization code was issued')
  }
  const form = (): [string, { value: string; placeholder: string }][] => [
    ['grant_type', { value: 'authorization_code', placeholder: 'authorization_code' }],
    ['code', { value: code, placeholder: '$AUTHORIZATION_CODE' }],
  ]
  const exchanged = await t.token(form())
  t.check('authorization-code-grant-works', pairOf(exchanged) !== undefined, '200 with an access token for the code', exchanged)
  const again = await t.token(form(), true)
  t.check('used-authorization-code-refused', again.status >= 400 && again.status < 500, '4xx for a code already exchanged', again)
}
