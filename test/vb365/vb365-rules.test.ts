/** @module The VB365 rules of issue 16, in-process: token path and bodies, OAuthTokenResponse per version, antiforgery, logout, AuthCode, RESTExceptionInfo, ServiceInstance. */
import { describe, expect, it } from 'vitest'
import { createMock } from '../../src/create-mock.js'

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const JSON_TYPE = { 'content-type': 'application/json' }
const ADMIN = 'grant_type=password&username=administrator&password=Password1'

function vb365(n: 6 | 7 | 8, more: Parameters<typeof createMock>[0] = {}) {
  const mock = createMock({ profile: `vb365-${n}`, ...more })
  const token = (body: string, headers: Record<string, string> = FORM, path = `/v${n}/token`) => mock.app.request(path, { method: 'POST', headers, body })
  const call = (method: string, path: string, access: string, headers: Record<string, string> = {}) =>
    mock.app.request(path, { method, headers: { authorization: `Bearer ${access}`, ...headers } })
  /** A login without antiforgery where the version has it (as the public clients log in). */
  const login = async (optOut = true) => {
    const res = await token(`${ADMIN}${n >= 7 && optOut ? '&disable_antiforgery_token=true' : ''}`)
    expect(res.status).toBe(200)
    return { res, body: (await res.json()) as Record<string, string | number> }
  }
  return { mock, token, call, login }
}

/** The antiforgery cookie's value and the headers that carry the pair. */
function pairOf(res: Response): { value: string; headers: Record<string, string> } {
  const value = /^XSRF-TOKEN=([^;]+); Path=\/; SameSite=Strict$/.exec(res.headers.get('set-cookie') ?? '')?.[1]
  expect(value).toBeDefined()
  return { value: value!, headers: { cookie: `XSRF-TOKEN=${value}`, 'x-xsrf-token': value! } }
}

describe.each([6, 7, 8] as const)('vb365-%i: the token endpoint', (n) => {
  it('matches the path ignoring case (/vN/Token as clients write it) and answers OAuthTokenResponse as application/json; charset=utf-8', async () => {
    const { token } = vb365(n)
    for (const path of [`/v${n}/Token`, `/V${n}/TOKEN`, `/v${n}/token`]) {
      const res = await token(`${ADMIN}&disable_antiforgery_token=true`, FORM, path)
      expect(res.status).toBe(200)
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8')
      expect(res.headers.get('cache-control')).toBe('no-store')
      const body = (await res.json()) as Record<string, unknown>
      expect(Object.keys(body)).toEqual(['access_token', 'refresh_token', 'token_type', 'expires_in', 'userName', '.issued', '.expires'])
      expect(body).toMatchObject({ token_type: 'bearer', expires_in: 3599, userName: 'administrator' })
      const issued = Date.parse(body['.issued'] as string)
      expect(Date.parse(body['.expires'] as string) - issued).toBe(3600_000)
      expect(body['.issued']).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+00:00$/)
    }
  })

  it('reads a JSON object body, booleans and numbers as text; refuses malformed JSON, arrays and nested objects with 400 RESTExceptionInfo', async () => {
    const { token } = vb365(n)
    const ok = await token(JSON.stringify({ grant_type: 'password', username: 'administrator', password: 'Password1', disable_antiforgery_token: true }), JSON_TYPE)
    expect(ok.status).toBe(200)
    expect(ok.headers.get('set-cookie')).toBeNull()
    for (const body of ['{"grant_type":', '[1,2]', '"password"', JSON.stringify({ grant_type: 'password', username: { a: 1 } })]) {
      const res = await token(body, JSON_TYPE)
      expect(res.status).toBe(400)
      expect(typeof ((await res.json()) as { message: unknown }).message).toBe('string')
    }
  })

  it('refuses a wrong password, a listed-only grant and an unprivileged account with 400 and the version\'s RESTExceptionInfo fields', async () => {
    const { token } = vb365(n)
    const extra = n === 6 ? {} : n === 7 ? { errorCode: null } : { errorCode: null, stackTrace: null }
    const wrong = await token('grant_type=password&username=administrator&password=nope')
    expect([wrong.status, await wrong.json()]).toEqual([400, { message: 'Invalid user name or password.', ...extra }])
    const listed = await token('grant_type=operator&client_id=a.b')
    expect([listed.status, await listed.json()]).toEqual([400, { message: 'Unsupported grant type.', ...extra }])
    const restricted = await token('username=restricted&password=Password1')
    expect(restricted.status).toBe(400)
    expect(Object.keys((await restricted.json()) as object)).toEqual(['message', ...Object.keys(extra)])
  })

  it('lists the grants of its version in the document, and a JSON body beside the form', async () => {
    const { mock } = vb365(n)
    const doc = (await (await mock.app.request('/openapi.json')).json()) as {
      info: { title: string }
      paths: Record<string, { post: { requestBody: { content: Record<string, unknown> } } }>
      components: { schemas: { TokenRequest: { properties: { grant_type: { enum: string[] } } & Record<string, unknown> } } }
    }
    const grants = doc.components.schemas.TokenRequest.properties.grant_type.enum
    expect(grants.includes('integration')).toBe(n < 8)
    expect(grants).toEqual(expect.arrayContaining(['password', 'refresh_token', 'urn:ietf:params:oauth:grant-type:jwt-bearer', 'operator']))
    expect('disable_antiforgery_token' in doc.components.schemas.TokenRequest.properties).toBe(n >= 7)
    expect(Object.keys(doc.paths[`/v${n}/token`]!.post.requestBody.content)).toEqual(['application/x-www-form-urlencoded', 'application/json'])
    expect(doc.info.title).toBe(n === 6 ? 'API v6' : 'Veeam Backup for Microsoft 365 REST API')
  })

  it('serves GET /vN/ServiceInstance (any case) to a token, 401 with Authorization has been denied without one', async () => {
    const { mock, call, login } = vb365(n)
    const { body } = await login()
    const res = await call('GET', `/v${n}/serviceinstance`, String(body['access_token']))
    expect(await res.json()).toEqual({ installationId: expect.stringMatching(/^[0-9a-f-]{36}$/), version: expect.stringMatching(new RegExp(`^${n}\\.`)) })
    const anonymous = await mock.app.request(`/v${n}/ServiceInstance`)
    expect(anonymous.status).toBe(401)
    expect(((await anonymous.json()) as { message: string }).message).toBe('Authorization has been denied for this request.')
  })
})

describe('vb365: logout and AuthCode per version', () => {
  it('v6 has neither: both paths are 404', async () => {
    const { call, login } = vb365(6)
    const access = String((await login()).body['access_token'])
    expect((await call('POST', '/v6/token/logout', access)).status).toBe(404)
    expect((await call('POST', '/v6/token/AuthCode', access)).status).toBe(404)
  })

  it.each([[7, 200], [8, 204]] as const)('v%i logs out with %i and an empty body; the access and refresh tokens stop working', async (n, status) => {
    const { token, call, login } = vb365(n)
    const { body } = await login()
    const res = await call('POST', `/v${n}/token/logout`, String(body['access_token']))
    expect([res.status, await res.text()]).toEqual([status, ''])
    expect((await call('GET', `/v${n}/ServiceInstance`, String(body['access_token']))).status).toBe(401)
    const refresh = await token(`grant_type=refresh_token&refresh_token=${encodeURIComponent(String(body['refresh_token']))}&disable_antiforgery_token=true`)
    expect(refresh.status).toBe(400)
  })

  it.each([7, 8] as const)('v%i issues a one-time {authCode} at POST /vN/token/AuthCode for a token', async (n) => {
    const { call, login } = vb365(n)
    const access = String((await login()).body['access_token'])
    const res = await call('POST', `/v${n}/token/AuthCode`, access)
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown>
    expect(Object.keys(body)).toEqual(['authCode'])
    expect(typeof body['authCode']).toBe('string')
    expect((await call('POST', `/v${n}/token/AuthCode`, 'not-a-token')).status).toBe(401)
  })
})

describe.each([7, 8] as const)('vb365-%i: antiforgery', (n) => {
  it('a login without the opt-out sets XSRF-TOKEN; requests need the cookie and the X-XSRF-TOKEN header with its value', async () => {
    const { call, login } = vb365(n)
    const { res, body } = await login(false)
    const { value, headers } = pairOf(res)
    const access = String(body['access_token'])
    const path = `/v${n}/ServiceInstance`
    const refused = await call('GET', path, access)
    expect([refused.status, ((await refused.json()) as { message: string }).message]).toEqual([400, 'The antiforgery token is missing or invalid.'])
    expect((await call('GET', path, access, { 'x-xsrf-token': value })).status).toBe(400)
    expect((await call('GET', path, access, { cookie: `XSRF-TOKEN=${value}` })).status).toBe(400)
    expect((await call('GET', path, access, { cookie: `XSRF-TOKEN=${value}`, 'x-xsrf-token': `${value}x` })).status).toBe(400)
    expect((await call('GET', path, access, { cookie: `other=1; XSRF-TOKEN=${value}`, 'x-xsrf-token': value })).status).toBe(200)
    expect((await call('GET', path, access, headers)).status).toBe(200)
    // Logout is a later request too.
    expect((await call('POST', `/v${n}/token/logout`, access)).status).toBe(400)
    expect((await call('POST', `/v${n}/token/logout`, access, headers)).status).toBe(n === 7 ? 200 : 204)
  })

  it('a refresh without the pair is refused and leaves the refresh token working; with it, it succeeds', async () => {
    const { token, login } = vb365(n)
    const { res, body } = await login(false)
    const { headers } = pairOf(res)
    const form = `grant_type=refresh_token&refresh_token=${encodeURIComponent(String(body['refresh_token']))}`
    const refused = await token(form)
    expect([refused.status, ((await refused.json()) as { message: string }).message]).toEqual([400, 'The antiforgery token is missing or invalid.'])
    const renewed = await token(form, { ...FORM, ...headers })
    expect(renewed.status).toBe(200)
    // The new pair needs its own, new antiforgery token.
    expect(pairOf(renewed).value).not.toBe(headers['x-xsrf-token'])
  })

  it('a token from another session\'s cookie does not count', async () => {
    const { call, login } = vb365(n)
    const first = await login(false)
    const second = await login(false)
    const res = await call('GET', `/v${n}/ServiceInstance`, String(first.body['access_token']), pairOf(second.res).headers)
    expect(res.status).toBe(400)
  })

  it('with disable_antiforgery_token=true (form or JSON true) no cookie is set and nothing is checked, refresh included', async () => {
    const { token, call } = vb365(n)
    const res = await token(JSON.stringify({ username: 'administrator', password: 'Password1', disable_antiforgery_token: true }), JSON_TYPE)
    expect(res.headers.get('set-cookie')).toBeNull()
    const body = (await res.json()) as Record<string, string>
    expect((await call('GET', `/v${n}/ServiceInstance`, body['access_token']!)).status).toBe(200)
    const refresh = await token(`grant_type=refresh_token&refresh_token=${encodeURIComponent(body['refresh_token']!)}&disable_antiforgery_token=true`)
    expect(refresh.status).toBe(200)
  })

  it('the antiforgery-not-required quirk serves a request without the pair', async () => {
    const { call, login } = vb365(n, { quirks: ['antiforgery-not-required'] })
    const { body } = await login(false)
    expect((await call('GET', `/v${n}/ServiceInstance`, String(body['access_token']))).status).toBe(200)
  })
})

describe('vb365: 429 Quota Exceeded on the token endpoint, as a fault rule', () => {
  it('answers the rule once with Retry-After and RESTExceptionInfo, then the real token endpoint again', async () => {
    const { mock, token } = vb365(8, { control: true })
    const rule = { operation: 'issueToken', respond: { status: 429, headers: { 'Retry-After': '60' }, body: { message: 'Quota Exceeded' } } }
    const added = await mock.app.request('/__control/faults', { method: 'POST', headers: JSON_TYPE, body: JSON.stringify(rule) })
    expect(added.status).toBe(201)
    const limited = await token(`${ADMIN}&disable_antiforgery_token=true`)
    expect([limited.status, limited.headers.get('retry-after'), await limited.json()]).toEqual([429, '60', { message: 'Quota Exceeded' }])
    expect((await token(`${ADMIN}&disable_antiforgery_token=true`)).status).toBe(200)
  })
})

describe('vb365: fault rules match a JSON token request by its grant', () => {
  it('a rule for grant_type refresh_token answers a JSON refresh and leaves a JSON password login alone', async () => {
    const { mock, token } = vb365(8, { control: true })
    mock.harness!.faults.add({ operation: 'issueToken', grantType: 'refresh_token', respond: { status: 503 } })
    const login = await token(JSON.stringify({ username: 'administrator', password: 'Password1', disable_antiforgery_token: true }), JSON_TYPE)
    expect(login.status).toBe(200)
    const { refresh_token } = (await login.json()) as { refresh_token: string }
    const refresh = await token(JSON.stringify({ grant_type: 'refresh_token', refresh_token, disable_antiforgery_token: true }), JSON_TYPE)
    expect(refresh.status).toBe(503)
  })
})
