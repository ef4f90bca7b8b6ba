/**
 * @module The second factor (VSPC): a password login of an MFA account answers an mfa_token and no access token;
 * grant_type=mfa with the current TOTP code completes it; a wrong code and a code used before are refused.
 */
import { is4xx, pairOf, type Context } from '../context.js'
import { findControl, type ControlOptions } from '../control.js'
import { createHttp, type HttpOptions, type Value } from '../http.js'
import { decodeBase32, totpCode } from '../totp.js'
import type { Accounts } from './accounts.js'

const IDS = ['mfa-password-step-gives-mfa-token', 'mfa-wrong-code-refused', 'mfa-code-completes-login', 'mfa-reused-code-refused']

type CodeSource = () => Promise<{ now: string; previous?: string }>

/** Codes from the secret (the suite's own TOTP), or from the mock's control API; undefined when neither is at hand. */
async function codeSource(mfa: NonNullable<Accounts['mfa']>, target: string, control: ControlOptions, http: HttpOptions): Promise<CodeSource | undefined> {
  const secret = mfa.secret === undefined ? undefined : decodeBase32(mfa.secret)
  if (secret !== undefined) return async () => ({ now: totpCode(secret, Date.now()), previous: totpCode(secret, Date.now(), -1) })
  const found = await findControl(target, control, http)
  if ('reason' in found) return undefined
  const send = createHttp(found.url, http)
  const bearer = control.token === undefined ? {} : { bearer: { value: control.token, placeholder: '$CONTROL_TOKEN' } }
  return async () => {
    const ex = await send({ method: 'GET', path: `/accounts/${encodeURIComponent(mfa.username)}/totp`, ...bearer })
    const code = (ex.json as { code?: unknown } | undefined)?.code
    return { now: typeof code === 'string' ? code : '' }
  }
}

export async function mfaScenario(t: Context, { mfa }: Accounts, target: string, control: ControlOptions, http: HttpOptions): Promise<void> {
  if (t.promises.mfa === undefined || !t.promises.grants.includes('mfa')) return t.skip(IDS, 'the spec has no second factor')
  if (mfa === undefined) return t.skip(IDS, 'no --mfa-username given')
  if (!t.wants(...IDS)) return
  const codes = await codeSource(mfa, target, control, http)
  if (codes === undefined) return t.skip(IDS, 'no --mfa-secret given and no control API to read codes from')
  const stepOne = async () => {
    const ex = await t.login(mfa)
    const body = (ex.json ?? {}) as { mfa_token?: unknown }
    return { ex, token: typeof body.mfa_token === 'string' ? body.mfa_token : undefined }
  }
  const stepTwo = (mfaToken: string, code: string, mistake: boolean) =>
    t.token(
      [
        ['grant_type', { value: 'mfa' }],
        ['mfa_token', { value: mfaToken, placeholder: '$MFA_TOKEN' } satisfies Value],
        ['mfa_code', { value: code, placeholder: '$MFA_CODE' } satisfies Value],
      ],
      mistake,
    )

  const login = await stepOne()
  const access = (login.ex.json as { access_token?: unknown } | undefined)?.access_token
  t.check(
    'mfa-password-step-gives-mfa-token',
    login.ex.status === 200 && login.token !== undefined && (access === null || access === undefined),
    '200 with an mfa_token and no access token',
    login.ex,
  )
  if (login.token === undefined) return t.skip(IDS, 'the password step gave no mfa_token')
  t.redactor.add(login.token, 'mfa_token')

  const first = await codes()
  let now = first.now
  const previous = first.previous
  // A code that is neither this step's nor the previous one's, so no drift window can accept it.
  let wrong = String((Number(now) + 500_000) % 1_000_000).padStart(6, '0')
  if (wrong === previous) wrong = String((Number(wrong) + 1) % 1_000_000).padStart(6, '0')
  const refused = await stepTwo(login.token, wrong, true)
  t.check('mfa-wrong-code-refused', is4xx(refused), '4xx for a wrong TOTP code', refused)

  // A fresh mfa_token: a server may drop one after a wrong code.
  const second = await stepOne()
  if (second.token === undefined) return t.skip(['mfa-code-completes-login', 'mfa-reused-code-refused'], 'the password step gave no mfa_token')
  t.redactor.add(second.token, 'mfa_token')
  let done = await stepTwo(second.token, now, false)
  if (pairOf(done) === undefined && done.status !== 429) {
    // This step's code may have logged the account in already (an earlier run): wait for the next step, once.
    await new Promise((resolve) => setTimeout(resolve, 30_000 - (Date.now() % 30_000) + 250))
    ;({ now } = await codes())
    const again = await stepOne()
    if (again.token !== undefined) {
      t.redactor.add(again.token, 'mfa_token')
      done = await stepTwo(again.token, now, false)
    }
  }
  t.check('mfa-code-completes-login', pairOf(done) !== undefined, '200 with an access token for the current code', done)

  const third = await stepOne()
  if (third.token === undefined) return t.skip(['mfa-reused-code-refused'], 'the password step gave no mfa_token')
  t.redactor.add(third.token, 'mfa_token')
  const reused = await stepTwo(third.token, now, true)
  t.check('mfa-reused-code-refused', is4xx(reused), '4xx for a code that already logged the account in (RFC 6238 §5.2)', reused)
}
