/** @module The version header (VBR's x-api-version): required on every API request; an unsupported revision refused in the error model. */
import type { Context } from '../context.js'
import type { Value } from '../http.js'
import type { Accounts } from './accounts.js'

const IDS = ['missing-api-version-refused', 'missing-api-version-error-code', 'missing-optional-api-version-served', 'unsupported-api-version-refused', 'unsupported-api-version-error-code']

export async function apiVersionScenario(t: Context, { user }: Accounts): Promise<void> {
  const rule = t.promises.apiVersion
  if (rule === undefined) return t.skip(IDS, 'the spec has no version header')
  if (!t.wants(...IDS)) return
  // A valid login: the header is the only thing wrong with these requests, so a server that ignores it answers 200.
  const form = (): [string, Value][] => [
    ['grant_type', { value: 'password' }],
    ['username', { value: user.username }],
    ['password', { value: user.password, placeholder: `$${user.placeholder}` }],
  ]
  const missing = await t.tokenWith(form(), { [rule.header]: null })
  if (rule.optional === true) {
    // VSPC's x-client-version: a client that sends none is served as the current version.
    t.check('missing-optional-api-version-served', missing.status === 200, `200 without ${rule.header} (optional)`, missing)
    t.skip(['missing-api-version-refused', 'missing-api-version-error-code'], `${rule.header} is optional`)
  } else {
    t.skip(['missing-optional-api-version-served'], `${rule.header} is required`)
    t.check('missing-api-version-refused', missing.status === 400, `400 without ${rule.header}`, missing)
    const missingAnswer = t.answers(missing, 'missing-version')
    t.check('missing-api-version-error-code', missingAnswer.pass, missingAnswer.want, missing)
  }
  const unsupported = await t.tokenWith(form(), { [rule.header]: '0.9-rev0' })
  t.check('unsupported-api-version-refused', unsupported.status === 400, `400 for ${rule.header}: 0.9-rev0`, unsupported)
  const answer = t.answers(unsupported, 'unsupported-version')
  t.check('unsupported-api-version-error-code', answer.pass, answer.want, unsupported)
}
