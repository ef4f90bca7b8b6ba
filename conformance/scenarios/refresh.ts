/** @module Refresh: a new, different, usable pair; the used and a garbage refresh token refused. */
import { is4xx, pairOf, type Context } from '../context.js'
import type { Value } from '../http.js'
import { nonce, type Accounts } from './accounts.js'

export const refreshForm = (token: Value): [string, Value][] => [['grant_type', { value: 'refresh_token' }], ['refresh_token', token]]

export async function refreshScenario(t: Context, { user }: Accounts): Promise<void> {
  const ids = ['refresh-returns-new-pair', 'refresh-returns-different-tokens', 'refreshed-access-token-works', 'used-refresh-token-refused']
  if (t.wants(...ids)) {
    const first = pairOf(await t.login(user))
    if (first === undefined) return t.skip(ids, 'the password grant failed')
    const old: Value = { value: first.refresh, placeholder: '$REFRESH_TOKEN' }
    const ex = await t.token(refreshForm(old))
    const next = pairOf(ex)
    t.check(
      'refresh-returns-new-pair',
      next !== undefined && next.refresh !== '',
      '200 with access_token and refresh_token',
      ex,
    )
    if (next === undefined) return t.skip(ids, 'refresh failed')
    t.check(
      'refresh-returns-different-tokens',
      next.access !== first.access && next.refresh !== first.refresh,
      'both tokens new',
      next.access === first.access ? 'the same access token' : 'the same refresh token',
      ex,
    )
    const probe = await t.call(t.probeOperation(), { bearer: next.access })
    t.check(
      'refreshed-access-token-works',
      probe.status >= 200 && probe.status < 300,
      '2xx with the new access token',
      probe,
    )
    const again = await t.token(refreshForm(old), true)
    t.checkOutcome('used-refresh-token-refused', again, 'for a refresh token already used')
  }
  if (t.wants('garbage-refresh-token-refused', 'garbage-refresh-token-is-invalid-grant')) {
    const ex = await t.token(refreshForm({ value: `conformance-garbage-${nonce()}` }), true)
    t.check('garbage-refresh-token-refused', is4xx(ex), '4xx', ex)
    const answer = t.answers(ex, 'invalid-refresh-token')
    t.check('garbage-refresh-token-is-invalid-grant', answer.pass, answer.want, ex)
  }
}
