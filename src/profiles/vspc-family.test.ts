/** @module Service Provider Console profiles: OAuth2Result, MFA with TOTP, API keys, revoke, throttling, version header, errors. */
import { describe, expect, it } from 'vitest'
import { createMock } from '../create-mock.js'
import { base32Decode, hotp, totpStep } from '../security/totp.js'

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const SECRET = base32Decode('DDXOLTJQ2SBJERMSVVTY5UZ4OTBBZ7SA')!
const START = Date.parse('2026-03-01T10:00:05Z')

function vspc(more: Parameters<typeof createMock>[0] = {}) {
  const mock = createMock({ profile: 'vspc-9', control: true, ...more })
  mock.harness!.clock.freeze(true)
  mock.harness!.clock.set(new Date(START).toISOString())
  const token = async (fields: Record<string, string>, headers: Record<string, string> = {}) => {
    const res = await mock.app.request('/api/v3/token', { method: 'POST', headers: { ...FORM, ...headers }, body: new URLSearchParams(fields).toString() })
    return { status: res.status, headers: res.headers, body: (await res.json()) as Record<string, unknown> }
  }
  const login = async (username = 'vspc\\administrator') => {
    const { body } = await token({ grant_type: 'password', username, password: 'Password1' })
    return body as { access_token: string; refresh_token: string }
  }
  const get = async (path: string, bearer: string, init: RequestInit = {}) => {
    const res = await mock.app.request(path, { ...init, headers: { authorization: `Bearer ${bearer}`, ...(init.headers as Record<string, string>) } })
    return { status: res.status, headers: res.headers, body: (await res.json().catch(() => undefined)) as Record<string, unknown> }
  }
  const me = async (bearer: string) => (await get('/api/v3/users/me', bearer)).body as { data: { instanceUid: string; userName: string } }
  const code = (offsetSteps = 0) => hotp(SECRET, totpStep(mock.harness!.clock.now()) + offsetSteps)
  return { mock, token, login, get, me, code, clock: mock.harness!.clock }
}

describe('vspc-9 token endpoint', () => {
  it('answers OAuth2Result with all six fields, mfa_token and encrypted_code null, expires_in 3600', async () => {
    const { token } = vspc()
    const { status, body } = await token({ grant_type: 'password', username: 'vspc\\administrator', password: 'Password1' })
    expect(status).toBe(200)
    expect(Object.keys(body)).toEqual(['access_token', 'token_type', 'refresh_token', 'mfa_token', 'encrypted_code', 'expires_in'])
    expect(body).toMatchObject({ token_type: 'bearer', mfa_token: null, encrypted_code: null, expires_in: 3600 })
  })

  it('refuses a wrong password with 400 OAuth2Error invalid_request and an account without API rights with unauthorized_client', async () => {
    const { token } = vspc()
    const wrong = await token({ grant_type: 'password', username: 'vspc\\administrator', password: 'nope' })
    expect([wrong.status, wrong.body]).toEqual([400, { error: 'invalid_request', error_description: 'The user name or password is incorrect.', error_uri: null }])
    const reader = await token({ grant_type: 'password', username: 'vspc\\readonly', password: 'Password1' })
    expect([reader.status, reader.body['error']]).toEqual([400, 'unauthorized_client'])
  })

  it('answers public_key and authorization_code (listed, not emulated) with unsupported_grant_type', async () => {
    const { token } = vspc()
    for (const grant of ['public_key', 'authorization_code']) {
      expect((await token({ grant_type: grant })).body['error']).toBe('unsupported_grant_type')
    }
  })

  it('serves without x-client-version, with an accepted one, and refuses an unsupported one in the ErrorResponse envelope', async () => {
    const { token, login, get } = vspc()
    const { access_token } = await login()
    expect((await get('/api/v3/users/me', access_token)).status).toBe(200)
    expect((await get('/api/v3/users/me', access_token, { headers: { 'x-client-version': '3.5.1' } })).status).toBe(200)
    const old = await get('/api/v3/users/me', access_token, { headers: { 'x-client-version': '3.3' } })
    expect(old.status).toBe(400)
    expect(old.body).toEqual({ errors: [{ message: 'Unsupported client version. Supported versions: 3.4, 3.5, 3.5.1, 3.6.', type: 'logical', code: 400 }] })
    const onToken = await token({ grant_type: 'password', username: 'vspc\\administrator', password: 'Password1' }, { 'x-client-version': '2' })
    expect([onToken.status, onToken.body['error']]).toEqual([400, 'invalid_request'])
  })

  it('readOnly=true gives a token that may GET but not DELETE', async () => {
    const { token, get, me } = vspc()
    const { body } = await token({ grant_type: 'password', username: 'vspc\\administrator', password: 'Password1', readOnly: 'true' })
    const access = body['access_token'] as string
    const uid = (await me(access)).data.instanceUid
    const denied = await get(`/api/v3/users/${uid}/tokens`, access, { method: 'DELETE' })
    expect([denied.status, (denied.body['errors'] as { type: string }[])[0]!.type]).toEqual([403, 'security'])
  })

  it('grant_type=as lets an administrator act as another user, and refuses a company owner', async () => {
    const { token, login, me } = vspc()
    const admin = await login()
    const owner = await login('vspc\\alphauser')
    const ownerUid = (await me(owner.access_token)).data.instanceUid
    const as = await token({ grant_type: 'as', refresh_token: admin.refresh_token, userUid: ownerUid })
    expect(as.status).toBe(200)
    expect((await me(as.body['access_token'] as string)).data.userName).toBe('vspc\\alphauser')
    const adminUid = (await me(admin.access_token)).data.instanceUid
    const refused = await token({ grant_type: 'as', refresh_token: owner.refresh_token, userUid: adminUid })
    expect([refused.status, refused.body['error']]).toEqual([400, 'unauthorized_client'])
  })

  it('a server fault answers 520 with the ErrorResponse envelope', async () => {
    const mock = createMock({ profile: 'vspc-9', quirks: ['server-error-on-bad-grant'] })
    const res = await mock.app.request('/api/v3/token', { method: 'POST', headers: FORM, body: 'grant_type=nonsense' })
    expect(res.status).toBe(520)
    expect(await res.json()).toEqual({ errors: [{ message: 'Unspecified cause of error.', type: 'unspecified', code: 500 }] })
  })
})

describe('vspc-9 MFA (RFC 6238 TOTP)', () => {
  it('a password login of the MFA account gives mfa_token and no access token; grant_type=mfa with the code completes it', async () => {
    const { token, code, me } = vspc()
    const first = await token({ grant_type: 'password', username: 'vspc\\mfauser', password: 'Password1' })
    expect(first.status).toBe(200)
    expect(first.body).toMatchObject({ access_token: null, refresh_token: null, expires_in: null })
    expect(typeof first.body['mfa_token']).toBe('string')
    const second = await token({ grant_type: 'mfa', mfa_token: first.body['mfa_token'] as string, mfa_code: code() })
    expect(second.status).toBe(200)
    expect(second.body['mfa_token']).toBeNull()
    expect((await me(second.body['access_token'] as string)).data).toMatchObject({ userName: 'vspc\\mfauser' })
  })

  it('refuses a wrong code, a reused code, and an expired mfa_token, each with invalid_grant', async () => {
    const { token, code, clock } = vspc()
    const step1 = async () => (await token({ grant_type: 'password', username: 'vspc\\mfauser', password: 'Password1' })).body['mfa_token'] as string
    const mfa = (mfaToken: string, mfaCode: string) => token({ grant_type: 'mfa', mfa_token: mfaToken, mfa_code: mfaCode })
    const pending = await step1()
    const wrong = String((Number(code()) + 1) % 1_000_000).padStart(6, '0')
    expect((await mfa(pending, wrong)).body['error']).toBe('invalid_grant')
    expect((await mfa(pending, code())).status).toBe(200)
    // The same code again, on a fresh mfa_token: its time step already logged the account in.
    expect((await mfa(await step1(), code())).body['error']).toBe('invalid_grant')
    clock.advance('30s')
    const late = await step1()
    clock.advance('301s')
    const expired = await mfa(late, code())
    expect([expired.status, expired.body['error']]).toEqual([400, 'invalid_grant'])
    expect(String(expired.body['error_description'])).toContain('1208')
  })

  it('an mfa_token is used up by the login and dropped after five wrong codes', async () => {
    const { token, code } = vspc()
    const pending = (await token({ grant_type: 'password', username: 'vspc\\mfauser', password: 'Password1' })).body['mfa_token'] as string
    for (let i = 0; i < 5; i++) await token({ grant_type: 'mfa', mfa_token: pending, mfa_code: '000000' === code() ? '111111' : '000000' })
    expect((await token({ grant_type: 'mfa', mfa_token: pending, mfa_code: code() })).body['error_description']).toContain('1208')
  })

  it('the control API reads the current code and how long it stays valid', async () => {
    const { mock, code } = vspc()
    const res = await mock.app.request('/__control/accounts/vspc%5Cmfauser/totp')
    expect(await res.json()).toEqual({ code: code(), validForSeconds: 25 })
    expect((await mock.app.request('/__control/accounts/vspc%5Cadministrator/totp')).status).toBe(404)
  })
})

describe('vspc-9 API keys and revoke', () => {
  it('creates a key (data.parameters) that works as Bearer, never expires, and stops working when the login is deleted', async () => {
    const { login, me, get, clock, mock } = vspc()
    const { access_token } = await login()
    const uid = (await me(access_token)).data.instanceUid
    const created = await mock.app.request(`/api/v3/users/${uid}/logins/apikey?description=CI&scopes=${encodeURIComponent('["rest"]')}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}` },
    })
    expect(created.status).toBe(200)
    const { data } = (await created.json()) as { data: { id: number; parameters: string; identityProviderName: string; status: string } }
    expect(data).toMatchObject({ identityProviderName: 'AK', status: 'enabled' })
    clock.advance('400d')
    expect((await get('/api/v3/users/me', data.parameters)).status).toBe(200)
    expect((await get('/api/v3/users/me', access_token)).status).toBe(401)
    const deleted = await get(`/api/v3/users/${uid}/logins/${data.id}`, data.parameters, { method: 'DELETE' })
    expect([deleted.status, deleted.body]).toEqual([200, { data: true }])
    expect((await get('/api/v3/users/me', data.parameters)).status).toBe(401)
  })

  it('refuses bad query input with 400 and changes nothing', async () => {
    const { login, me, mock } = vspc()
    const { access_token } = await login()
    const uid = (await me(access_token)).data.instanceUid
    for (const query of ['description=x', 'description=x&scopes=["root"]', 'scopes=["rest"]', 'description=x&scopes=["rest"]&isReadAccessOnly=maybe']) {
      const res = await mock.app.request(`/api/v3/users/${uid}/logins/apikey?${query}`, { method: 'POST', headers: { authorization: `Bearer ${access_token}` } })
      expect(res.status).toBe(400)
    }
    expect(mock.state.apiKeys.size).toBe(0)
  })

  it('revoke ends every token of the user and answers {"data": true}; another user is untouched', async () => {
    const { login, me, get, token } = vspc()
    const a = await login()
    const b = await login()
    const other = await login('vspc\\alphauser')
    const uid = (await me(a.access_token)).data.instanceUid
    const res = await get(`/api/v3/users/${uid}/tokens`, a.access_token, { method: 'DELETE' })
    expect([res.status, res.body]).toEqual([200, { data: true }])
    expect((await get('/api/v3/users/me', b.access_token)).status).toBe(401)
    expect((await token({ grant_type: 'refresh_token', refresh_token: b.refresh_token })).body['error']).toBe('invalid_grant')
    expect((await get('/api/v3/users/me', other.access_token)).status).toBe(200)
  })

  it('a company owner may not revoke an administrator\'s tokens (403), an unknown user is 404', async () => {
    const { login, me, get } = vspc()
    const admin = await login()
    const owner = await login('vspc\\alphauser')
    const adminUid = (await me(admin.access_token)).data.instanceUid
    expect((await get(`/api/v3/users/${adminUid}/tokens`, owner.access_token, { method: 'DELETE' })).status).toBe(403)
    expect((await get('/api/v3/users/00000000-0000-4000-8000-000000000000/tokens', admin.access_token, { method: 'DELETE' })).status).toBe(404)
  })
})

describe('vspc-9 throttling and identity', () => {
  it('over N requests per window an account gets 429 with retryAfter and Retry-After; another account and the next window are served', async () => {
    const { login, get, clock } = vspc({ throttle: { requests: 3, windowSeconds: 60 } })
    const { access_token } = await login()
    expect((await get('/api/v3/users/me', access_token)).status).toBe(200)
    expect((await get('/api/v3/users/me', access_token)).status).toBe(200)
    const over = await get('/api/v3/users/me', access_token)
    expect(over.status).toBe(429)
    expect(over.body).toEqual({ errors: [{ type: 'transport', code: 429, retryAfter: 55 }] })
    expect(over.headers.get('retry-after')).toBe('55')
    expect((await login('vspc\\alphauser')).access_token).toEqual(expect.any(String))
    clock.advance('55s')
    expect((await get('/api/v3/users/me', access_token)).status).toBe(200)
  })

  it('a fault can answer the documented 429 body and header', async () => {
    const { mock, token } = vspc()
    mock.harness!.faults.add({ operation: 'issueToken', respond: { status: 429, headers: { 'retry-after': '25' }, body: { errors: [{ type: 'transport', code: 429, retryAfter: 25 }] } } })
    const res = await token({ grant_type: 'password', username: 'vspc\\administrator', password: 'Password1' })
    expect([res.status, res.headers.get('retry-after'), res.body]).toEqual([429, '25', { errors: [{ type: 'transport', code: 429, retryAfter: 25 }] }])
  })

  it('GET /api/v3/about answers administrators and refuses a company owner with 403', async () => {
    const { login, get } = vspc()
    const about = await get('/api/v3/about', (await login()).access_token)
    expect((about.body['data'] as { serverVersion: string }).serverVersion).toMatch(/^9\.0\./)
    expect((await get('/api/v3/about', (await login('vspc\\alphauser')).access_token)).status).toBe(403)
  })
})

describe('vspc-9 secrets stay out of logs', () => {
  it('the request log and the journal hold no TOTP secret or code, mfa_token or API key', async () => {
    const lines: string[] = []
    const { token, code, me, mock } = vspc({ onRequest: (entry) => lines.push(JSON.stringify(entry)) })
    const pending = (await token({ grant_type: 'password', username: 'vspc\\mfauser', password: 'Password1' })).body['mfa_token'] as string
    const mfaCode = code()
    const { body } = await token({ grant_type: 'mfa', mfa_token: pending, mfa_code: mfaCode })
    const access = body['access_token'] as string
    const uid = (await me(access)).data.instanceUid
    const created = await mock.app.request(`/api/v3/users/${uid}/logins/apikey?description=CI&scopes=rest`, { method: 'POST', headers: { authorization: `Bearer ${access}` } })
    const key = ((await created.json()) as { data: { parameters: string } }).data.parameters
    const journal = JSON.stringify(await (await mock.app.request('/__control/requests')).json())
    for (const text of [lines.join('\n'), journal]) {
      expect(text.length).toBeGreaterThan(0)
      for (const secret of ['DDXOLTJQ2SBJERMSVVTY5UZ4OTBBZ7SA', pending, mfaCode, key, access]) expect(text).not.toContain(secret)
    }
  })
})
