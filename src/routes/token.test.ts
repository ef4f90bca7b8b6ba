import { describe, expect, it } from 'vitest'
import { createApp } from '../app.js'
import { createMock } from '../create-mock.js'
import { ADMIN, bearer, CLIENTS_PATH, createClient, formPost, login, manualClock, token, TOKEN_PATH } from '../../test/support/flows.js'

const NO_STORE = { 'cache-control': 'no-store', pragma: 'no-cache' }

describe('POST /api/token, grant_type=password', () => {
  it('answers the vendor documented example request verbatim with exactly four fields', async () => {
    const app = createApp({ clock: manualClock() })
    const res = await app.request(TOKEN_PATH, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=password&username=vdro\\administrator&password=Password1',
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('pragma')).toBe('no-cache')
    const body = (await res.json()) as Record<string, unknown>
    expect(Object.keys(body)).toEqual(['access_token', 'token_type', 'expires_in', 'refresh_token'])
    expect(body).toEqual({
      access_token: expect.stringMatching(/^[A-Za-z0-9_-]{43}$/),
      token_type: 'bearer',
      expires_in: 899,
      refresh_token: expect.stringMatching(/^[A-Za-z0-9+/]{43}=$/),
    })
  })

  it.each([
    ['a charset parameter', { 'content-type': 'application/x-www-form-urlencoded; charset=UTF-8' }],
    ['an upper-case media type', { 'content-type': 'Application/X-WWW-Form-Urlencoded' }],
  ])('accepts the urlencoded content type with %s', async (_, headers) => {
    const app = createApp()
    const res = await app.request(TOKEN_PATH, { method: 'POST', headers, body: new URLSearchParams(ADMIN).toString() })
    expect(res.status).toBe(200)
  })

  it('accepts multipart/form-data, as the vendor reference declares', async () => {
    const form = new FormData()
    form.set('grant_type', 'password')
    form.set('username', ADMIN.username)
    form.set('password', ADMIN.password)
    const res = await createApp().request(TOKEN_PATH, { method: 'POST', body: form })
    expect(res.status).toBe(200)
  })

  it('defaults grant_type to password when it is absent or empty', async () => {
    const app = createApp()
    expect((await token(app, ADMIN)).res.status).toBe(200)
    expect((await token(app, { grant_type: '', ...ADMIN })).res.status).toBe(200)
  })

  it.each([
    ['a bare USERNAME (default domain vdro)', 'administrator'],
    ['another case for domain and user', 'VDRO\\Administrator'],
    ['the Plan Author role', 'vdro\\planauthor'],
  ])('accepts %s', async (_, username) => {
    expect((await token(createApp(), { grant_type: 'password', username, password: 'Password1' })).res.status).toBe(200)
  })

  it('ignores client fields and HTTP Basic that generic OAuth libraries send with a password grant', async () => {
    const basic = { authorization: `Basic ${Buffer.from('swagger:').toString('base64')}` }
    const { res } = await token(createApp(), { ...ADMIN, client_id: 'x', client_secret: 'y' }, basic)
    expect(res.status).toBe(200)
  })

  it('uses the configured access lifetime for expires_in', async () => {
    const app = createApp({ lifetimes: { accessSeconds: 60 } })
    expect((await login(app)).expires_in).toBe(59)
  })
})

describe('POST /api/token errors (RFC 6749 section 5.2)', () => {
  const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`
  const cases: [string, RequestInit, number, object, Record<string, string>?][] = [
    ['a wrong password', formPost({ ...ADMIN, password: 'nope' }), 400,
      { error: 'invalid_grant', error_description: 'The user name or password is incorrect.' }],
    ['an unknown account', formPost({ username: 'vdro\\nobody', password: 'Password1' }), 400,
      { error: 'invalid_grant', error_description: 'The user name or password is incorrect.' }],
    ['an account of another domain', formPost({ username: 'other\\administrator', password: 'Password1' }), 400,
      { error: 'invalid_grant', error_description: 'The user name or password is incorrect.' }],
    ['a user name with two backslashes', formPost({ username: 'a\\b\\c', password: 'Password1' }), 400,
      { error: 'invalid_grant', error_description: 'The user name must be in the DOMAIN\\USERNAME or USERNAME format.' }],
    ['a Plan Operator (no REST API access on 7.1)', formPost({ username: 'vdro\\planoperator', password: 'Password1' }), 400,
      { error: 'invalid_grant', error_description: 'The account may not use the REST API; it needs the role Orchestrator Administrator or Plan Author.' }],
    ['a Viewer', formPost({ username: 'vdro\\viewer', password: 'Password1' }), 400,
      { error: 'invalid_grant', error_description: 'The account may not use the REST API; it needs the role Orchestrator Administrator or Plan Author.' }],
    ['no username', formPost({ password: 'Password1' }), 400,
      { error: 'invalid_request', error_description: 'Parameter "username" is required for grant_type=password.' }],
    ['an empty password', formPost({ username: ADMIN.username, password: '' }), 400,
      { error: 'invalid_request', error_description: 'Parameter "password" is required for grant_type=password.' }],
    ['a repeated parameter', formPost('username=a&username=b&password=x'), 400,
      { error: 'invalid_request', error_description: 'Parameter "username" is repeated.' }],
    ['an unknown grant', formPost({ grant_type: 'mfa' }), 400,
      { error: 'unsupported_grant_type', error_description: 'grant_type=mfa is not supported; use password, client_credentials, refresh_token.' }],
    ['a JSON body', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(ADMIN) }, 400,
      { error: 'invalid_request', error_description: 'Content-Type application/json is not accepted; send application/x-www-form-urlencoded or multipart/form-data.' }],
    ['no content type', { method: 'POST' }, 400,
      { error: 'invalid_request', error_description: 'The request needs a Content-Type of application/x-www-form-urlencoded or multipart/form-data.' }],
    ['a malformed multipart body', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=x' }, body: 'garbage' }, 400,
      { error: 'invalid_request', error_description: 'The multipart/form-data body is malformed.' }],
    ['client_credentials without client_id', formPost({ grant_type: 'client_credentials', client_secret: 's' }), 400,
      { error: 'invalid_request', error_description: 'Parameter "client_id" is required for grant_type=client_credentials.' }],
    ['client_credentials without client_secret', formPost({ grant_type: 'client_credentials', client_id: 'c' }), 400,
      { error: 'invalid_request', error_description: 'Parameter "client_secret" is required for grant_type=client_credentials.' }],
    ['an unknown client in the body', formPost({ grant_type: 'client_credentials', client_id: 'c', client_secret: 's' }), 400,
      { error: 'invalid_client', error_description: 'Client authentication failed: unknown client or wrong secret.' }],
    ['an unknown client in HTTP Basic', formPost({ grant_type: 'client_credentials' }, { authorization: basic('c', 's') }), 401,
      { error: 'invalid_client', error_description: 'Client authentication failed: unknown client or wrong secret.' },
      { 'www-authenticate': 'Basic realm="token"' }],
    ['client credentials in both the body and HTTP Basic', formPost({ grant_type: 'client_credentials', client_id: 'c' }, { authorization: basic('c', 's') }), 400,
      { error: 'invalid_request', error_description: 'Client credentials were sent both in the body and in HTTP Basic; use one.' }],
    ['HTTP Basic that is not base64', formPost({ grant_type: 'client_credentials' }, { authorization: 'Basic %%%' }), 400,
      { error: 'invalid_request', error_description: 'The Basic credentials are not valid base64.' }],
    ['HTTP Basic without a colon', formPost({ grant_type: 'client_credentials' }, { authorization: `Basic ${Buffer.from('abc').toString('base64')}` }), 400,
      { error: 'invalid_request', error_description: 'The Basic credentials need the form client_id:client_secret.' }],
    ['refresh_token grant without the token', formPost({ grant_type: 'refresh_token' }), 400,
      { error: 'invalid_request', error_description: 'Parameter "refresh_token" is required for grant_type=refresh_token.' }],
    ['a garbage refresh token', formPost({ grant_type: 'refresh_token', refresh_token: 'garbage' }), 400,
      { error: 'invalid_grant', error_description: 'The refresh token is unknown, expired, revoked or already used.' }],
    ['a body over 64 KiB', formPost(`username=${'a'.repeat(65 * 1024)}`), 413,
      { error: 'invalid_request', error_description: 'The request body exceeds 64 KiB.' }],
  ]
  it.each(cases)('refuses %s', async (_, init, status, body, headers = {}) => {
    const res = await createApp().request(TOKEN_PATH, init)
    expect(res.status).toBe(status)
    expect(await res.json()).toEqual(body)
    expect(Object.fromEntries(res.headers)).toMatchObject({ ...NO_STORE, ...headers })
  })
})

describe('POST /api/token, grant_type=client_credentials', () => {
  it('accepts a client secret full of + / = sent in HTTP Basic, form-encoded as RFC 6749 section 2.3.1 says', async () => {
    const app = createApp()
    const client = await createClient(app, (await login(app)).access_token)
    const encode = (s: string) => encodeURIComponent(s).replace(/%20/g, '+')
    const authorization = `Basic ${Buffer.from(`${encode(client.client_id)}:${encode(client.client_secret)}`).toString('base64')}`
    const { res } = await token(app, { grant_type: 'client_credentials' }, { authorization })
    expect(res.status).toBe(200)
  })

  it('refuses a wrong secret with invalid_client', async () => {
    const app = createApp()
    const client = await createClient(app, (await login(app)).access_token)
    const { res, body } = await token(app, { grant_type: 'client_credentials', client_id: client.client_id, client_secret: `${client.client_secret}x` })
    expect([res.status, body.error]).toEqual([400, 'invalid_client'])
  })

  it('accepts the client ID in upper case (GUID case varies in the vendor samples)', async () => {
    const app = createApp()
    const client = await createClient(app, (await login(app)).access_token)
    const { res } = await token(app, { grant_type: 'client_credentials', client_id: client.client_id.toUpperCase(), client_secret: client.client_secret })
    expect(res.status).toBe(200)
  })
})

describe('POST /api/token, grant_type=refresh_token', () => {
  it('returns a new, different pair and the used refresh token is dead at once', async () => {
    const app = createApp()
    const first = await login(app)
    const { res, body } = await token(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token })
    expect(res.status).toBe(200)
    expect(body.access_token).not.toBe(first.access_token)
    expect(body.refresh_token).not.toBe(first.refresh_token)
    const again = await token(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token })
    expect([again.res.status, again.body.error]).toEqual([400, 'invalid_grant'])
    const reuseNew = await token(app, { grant_type: 'refresh_token', refresh_token: String(body.refresh_token) })
    expect(reuseNew.res.status).toBe(200)
  })

  it('keeps the old access token valid until it expires', async () => {
    const app = createApp()
    const first = await login(app)
    await token(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token })
    expect((await app.request(CLIENTS_PATH, { headers: bearer(first.access_token) })).status).toBe(200)
  })

  it('lets exactly one of several concurrent refreshes of one token succeed', async () => {
    const app = createApp()
    const { refresh_token } = await login(app)
    const results = await Promise.all(
      Array.from({ length: 8 }, () => token(app, { grant_type: 'refresh_token', refresh_token })),
    )
    expect(results.map((r) => r.res.status).sort()).toEqual([200, 400, 400, 400, 400, 400, 400, 400])
  })

  it('works for a client session too', async () => {
    const app = createApp()
    const client = await createClient(app, (await login(app)).access_token)
    const { refresh_token } = (await token(app, { grant_type: 'client_credentials', ...client })).body
    const { res } = await token(app, { grant_type: 'refresh_token', refresh_token: String(refresh_token) })
    expect(res.status).toBe(200)
  })
})

describe('token lifetimes under the injected clock', () => {
  it('refuses the access token after 15 minutes and the refresh token after 120', async () => {
    const clock = manualClock()
    const app = createApp({ clock })
    const tokens = await login(app)
    clock.advance(15 * 60 - 1)
    expect((await app.request(CLIENTS_PATH, { headers: bearer(tokens.access_token) })).status).toBe(200)
    clock.advance(1)
    expect((await app.request(CLIENTS_PATH, { headers: bearer(tokens.access_token) })).status).toBe(401)
    clock.advance(105 * 60)
    const dead = await token(app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token })
    expect([dead.res.status, dead.body.error]).toEqual([400, 'invalid_grant'])
  })

  it('still refreshes one second before the refresh lifetime ends', async () => {
    const clock = manualClock()
    const app = createApp({ clock })
    const tokens = await login(app)
    clock.advance(120 * 60 - 1)
    expect((await token(app, { grant_type: 'refresh_token', refresh_token: tokens.refresh_token })).res.status).toBe(200)
  })

  it('sweeps expired tokens as new ones are issued, so memory stays bounded', async () => {
    const clock = manualClock()
    const { app, state } = createMock({ clock })
    for (let i = 0; i < 5; i++) await login(app)
    clock.advance(121 * 60)
    await login(app)
    expect(state.store.tokenCounts).toEqual({ access: 1, refresh: 1 })
  })
})
