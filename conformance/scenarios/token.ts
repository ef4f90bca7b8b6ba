/** @module Token endpoint: the password grant, its response, the default grant, and refusals. */
import { is4xx, pairOf, type Context } from '../context.js'
import type { Value } from '../http.js'
import { nonce, spellings, type Accounts } from './accounts.js'

const v = (value: string): Value => ({ value })

export async function tokenScenario(t: Context, { user, unprivileged }: Accounts): Promise<void> {
  const { promises } = t
  const names = spellings(user.username, promises)
  const pw: Value = { value: user.password, placeholder: `$${user.placeholder}` }
  const ok = await t.login(user, names.qualified ?? user.username)
  t.check(
    'password-grant-returns-token',
    ok.status === 200 && pairOf(ok) !== undefined,
    '200 with an access token',
    ok,
  )
  if (ok.status === 200) {
    const body = (ok.json ?? {}) as Record<string, unknown>
    const keys = Object.keys(body).sort().join(', ')
    const want = [...promises.tokenResponse.fields].sort().join(', ')
    const strings = ['access_token', 'refresh_token', 'token_type'].filter((f) => f in body).every((f) => typeof body[f] === 'string' && body[f] !== '')
    t.check(
      'token-response-has-documented-fields',
      keys === want && strings,
      `fields ${want}, tokens non-empty strings`,
      `fields ${keys}`,
      ok,
    )
    const type = body['token_type']
    t.check(
      'token-type-is-bearer',
      typeof type === 'string' && type.toLowerCase() === promises.tokenResponse.tokenType.toLowerCase(),
      `token_type "${promises.tokenResponse.tokenType}" (any case)`,
      `token_type ${JSON.stringify(type)}`,
      ok,
    )
    const expires = body['expires_in']
    t.check(
      'expires-in-is-positive-integer',
      Number.isInteger(expires) && (expires as number) > 0,
      'expires_in a positive integer',
      `expires_in ${JSON.stringify(expires)}`,
      ok,
    )
    const cache = ok.headers['cache-control'] ?? ''
    t.check(
      'token-response-not-cached',
      /no-store/i.test(cache),
      'Cache-Control: no-store',
      `Cache-Control: ${cache || '(none)'}`,
      ok,
    )
  } else {
    t.skip(['token-response-has-documented-fields', 'token-type-is-bearer', 'expires-in-is-positive-integer', 'token-response-not-cached'], 'the password grant failed')
  }

  if (t.wants('bare-username-accepted')) {
    if (promises.usernames.bareAllowed) {
      const bare = await t.login(user, names.bare)
      t.check('bare-username-accepted', bare.status === 200, `200 for the bare user name`, bare)
    } else t.skip(['bare-username-accepted'], 'the profile does not allow bare user names')
  }

  if (t.wants('omitted-grant-type-uses-default')) {
    if (promises.defaultGrant === 'password') {
      const ex = await t.token([['username', v(names.qualified ?? user.username)], ['password', pw]])
      t.check(
        'omitted-grant-type-uses-default',
        ex.status === 200,
        '200 without grant_type (default password)',
        ex,
      )
    } else t.skip(['omitted-grant-type-uses-default'], `the default grant is ${promises.defaultGrant}`)
  }

  if (t.wants('wrong-password-refused', 'wrong-password-is-invalid-grant')) {
    const wrong: Value = { value: `wrong-${nonce()}`, placeholder: '$WRONG_PASSWORD' }
    const ex = await t.token([['grant_type', v('password')], ['username', v(names.qualified ?? user.username)], ['password', wrong]], true)
    t.check('wrong-password-refused', is4xx(ex), '4xx', ex)
    const answer = t.answers(ex, 'invalid-credentials')
    t.check('wrong-password-is-invalid-grant', answer.pass, answer.want, ex)
  }
  if (t.wants('unknown-account-refused', 'unknown-account-is-invalid-grant')) {
    const domain = names.qualified?.split('\\')[0]
    const nobody = `${domain === undefined ? '' : `${domain}\\`}conformance-nobody-${nonce()}`
    const ex = await t.token([['grant_type', v('password')], ['username', v(nobody)], ['password', pw]], true)
    t.check('unknown-account-refused', is4xx(ex), '4xx', ex)
    const answer = t.answers(ex, 'invalid-credentials')
    t.check('unknown-account-is-invalid-grant', answer.pass, answer.want, ex)
  }
  if (t.wants('unknown-grant-is-unsupported-grant-type', 'no-server-error-on-client-mistake')) {
    const ex = await t.token([['grant_type', v('conformance_unknown_grant')]], true)
    const answer = t.answers(ex, 'unsupported-grant')
    t.check('unknown-grant-is-unsupported-grant-type', answer.pass, answer.want, ex)
  }
  if (t.wants('missing-parameter-is-invalid-request', 'no-server-error-on-client-mistake')) {
    const ex = await t.token([['grant_type', v('password')], ['username', v(names.qualified ?? user.username)]], true)
    const answer = t.answers(ex, 'invalid-request')
    t.check('missing-parameter-is-invalid-request', answer.pass, `${answer.want} (no password)`, ex)
  }
  if (t.wants('repeated-parameter-is-invalid-request', 'no-server-error-on-client-mistake')) {
    const name = v(names.qualified ?? user.username)
    const ex = await t.token([['grant_type', v('password')], ['username', name], ['username', name], ['password', pw]], true)
    const answer = t.answers(ex, 'invalid-request')
    t.check('repeated-parameter-is-invalid-request', answer.pass, `${answer.want} (username twice)`, ex)
  }

  const roleIds = ['unprivileged-account-refused', 'unprivileged-account-is-invalid-grant']
  if (unprivileged === undefined) t.skip(roleIds, 'no --unprivileged-username given')
  else if (t.wants(...roleIds)) {
    const ex = await t.login(unprivileged)
    t.check('unprivileged-account-refused', is4xx(ex), '4xx for an account without API rights', ex)
    t.checkAnswer('unprivileged-account-is-invalid-grant', ex, 'account-not-allowed')
  }
}
