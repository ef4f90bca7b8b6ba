/** @module The Veeam ONE rules of issue 16, in-process: /api/token, the HS256 JWT, /api/revoke by token, by UserSid and by bearer, ProblemDetails, About. */
import { describe, expect, it } from 'vitest'
import { createMock } from '../../src/create-mock.js'
import { SID_CLAIM } from '../../src/oauth/token-formats/hs256-jwt.js'

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const ADMIN = 'grant_type=password&username=one-srv%5Cadministrator&password=Password1'

function vone(more: Parameters<typeof createMock>[0] = {}) {
  const mock = createMock({ profile: 'vone-12', ...more })
  const token = (body: string, headers: Record<string, string> = FORM) => mock.app.request('/api/token', { method: 'POST', headers, body })
  const login = async (body = ADMIN) => {
    const res = await token(body)
    expect(res.status).toBe(200)
    return (await res.json()) as Record<string, string | number>
  }
  const about = (access: string, version = '2.2') => mock.app.request(`/api/v${version}/about`, { headers: { authorization: `Bearer ${access}` } })
  const revoke = (body: string, authorization?: string) =>
    mock.app.request('/api/revoke', { method: 'POST', headers: { ...FORM, ...(authorization !== undefined && { authorization }) }, body })
  return { mock, token, login, about, revoke }
}

const part = (jwt: string, i: number) => JSON.parse(Buffer.from(jwt.split('.')[i]!, 'base64url').toString()) as Record<string, unknown>

describe('vone-12: the documented token example', () => {
  it('answers one-srv\\administrator / Password1 with the TokenResponse fields, Bearer, 899, user and user_role', async () => {
    const { login } = vone()
    const body = await login()
    expect(Object.keys(body)).toEqual(['access_token', 'refresh_token', 'token_type', 'expires_in', 'user', 'user_role'])
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 899, user: 'one-srv\\administrator', user_role: 'Admin' })
    expect(body['refresh_token']).toMatch(/^[0-9a-f]{32}$/)
  })

  it('issues an HS256 JWT with kid WebApiSecurityKey and the documented claims, exp - iat = 900', async () => {
    const { login } = vone()
    const access = String((await login())['access_token'])
    expect(part(access, 0)).toEqual({ alg: 'HS256', kid: 'WebApiSecurityKey', typ: 'JWT' })
    const claims = part(access, 1)
    expect(Object.keys(claims)).toEqual(['unique_name', 'role', SID_CLAIM, 'AccessTokenId', 'UserId', 'nbf', 'exp', 'iat'])
    expect(claims).toMatchObject({ unique_name: 'one-srv\\administrator', role: 'Admin', UserId: '1' })
    expect(claims[SID_CLAIM]).toMatch(/^S-1-5-21-\d+-\d+-\d+-500$/)
    expect((claims['exp'] as number) - (claims['iat'] as number)).toBe(900)
  })

  it('reads multipart/form-data too, and refreshes once with the 32-hex refresh token', async () => {
    const { token } = vone()
    const form = new FormData()
    for (const [name, value] of new URLSearchParams(ADMIN)) form.append(name, value)
    const multipart = new Request('http://x/api/token', { method: 'POST', body: form })
    const res = await token(await multipart.text(), { 'content-type': multipart.headers.get('content-type')! })
    expect(res.status).toBe(200)
    const refresh = `grant_type=refresh_token&refresh_token=${((await res.json()) as { refresh_token: string }).refresh_token}`
    expect((await token(refresh)).status).toBe(200)
    const again = await token(refresh)
    expect(again.status).toBe(400)
    expect(again.headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
  })

  it('refuses a wrong password with 400 ProblemDetails "Invalid username or password." as application/problem+json', async () => {
    const { token } = vone()
    const res = await token('grant_type=password&username=one-srv%5Cadministrator&password=nope')
    expect(res.status).toBe(400)
    expect(res.headers.get('content-type')).toBe('application/problem+json; charset=utf-8')
    expect(await res.json()).toEqual({
      type: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
      title: 'Invalid username or password.',
      status: 400,
      traceId: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/),
    })
  })

  it('refuses an account in no Veeam ONE group with 400; lets a Read-Only user log in but answers 403 on About', async () => {
    const { token, login, about } = vone()
    expect((await token('username=one-srv%5Crestricted&password=Password1')).status).toBe(400)
    const reader = await login('username=one-srv%5Creader&password=Password1')
    expect(reader['user_role']).toBe('ReadonlyUser')
    const res = await about(String(reader['access_token']))
    expect([res.status, ((await res.json()) as { title: string }).title]).toEqual([403, 'Forbidden'])
  })

  it('serves About under /api/v2.1 and /api/v2.2 to an Admin, and not under /api/v2.3 (Veeam ONE 13)', async () => {
    const { login, about } = vone()
    const access = String((await login())['access_token'])
    for (const version of ['2.1', '2.2']) {
      expect(await (await about(access, version)).json()).toEqual({
        name: 'Veeam ONE Reporting Service',
        version: '12.3.0.4670',
        machine: 'one-srv',
        logPath: 'C:\\ProgramData\\Veeam\\Veeam ONE\\Logs\\Reporter',
      })
    }
    expect((await about(access, '2.3')).status).toBe(404)
  })
})

describe('vone-12: POST /api/revoke', () => {
  it('with token=<A> and a bearer B: 200 empty, A and its refresh token refused, B still works', async () => {
    const { token, login, about, revoke } = vone()
    const a = await login()
    const b = await login()
    const res = await revoke(`token=${a['access_token']}`, `Bearer ${b['access_token']}`)
    expect([res.status, await res.text()]).toEqual([200, ''])
    expect((await about(String(a['access_token']))).status).toBe(401)
    expect((await token(`grant_type=refresh_token&refresh_token=${a['refresh_token']}`)).status).toBe(400)
    expect((await about(String(b['access_token']))).status).toBe(200)
  })

  it('as the vendor example sends it: an empty "Authorization: Bearer" and the token in the body', async () => {
    const { login, about, revoke } = vone()
    const a = await login()
    expect((await revoke(`token=${a['access_token']}`, 'Bearer')).status).toBe(200)
    expect((await about(String(a['access_token']))).status).toBe(401)
  })

  it('with UserSid (the sid claim) revokes every session of the user; another user\'s SID is 400', async () => {
    const { login, about, revoke } = vone()
    const a = await login()
    const b = await login()
    const reader = await login('username=one-srv%5Creader&password=Password1')
    const sid = String(part(String(a['access_token']), 1)[SID_CLAIM])
    const readerSid = String(part(String(reader['access_token']), 1)[SID_CLAIM])
    expect((await revoke(`UserSid=${readerSid}`, `Bearer ${a['access_token']}`)).status).toBe(400)
    expect((await revoke(`UserSid=${sid}`, `Bearer ${a['access_token']}`)).status).toBe(200)
    expect((await about(String(a['access_token']))).status).toBe(401)
    expect((await about(String(b['access_token']))).status).toBe(401)
    // The reader's session is another user's: untouched (it gets 403 from About, not 401).
    expect((await about(String(reader['access_token']))).status).toBe(403)
  })

  it('without a field revokes the bearer\'s own session; without any token it is 401; another user\'s token is 400', async () => {
    const { mock, login, about, revoke } = vone()
    const a = await login()
    const reader = await login('username=one-srv%5Creader&password=Password1')
    expect((await revoke(`token=${reader['access_token']}`, `Bearer ${a['access_token']}`)).status).toBe(400)
    expect((await mock.app.request('/api/revoke', { method: 'POST' })).status).toBe(401)
    expect((await revoke('token=not-a-token')).status).toBe(401)
    expect((await mock.app.request('/api/revoke', { method: 'POST', headers: { authorization: `Bearer ${a['access_token']}` } })).status).toBe(200)
    expect((await about(String(a['access_token']))).status).toBe(401)
  })

  it('the revoke-ignores-token-parameter quirk ends the caller\'s session instead of the named one', async () => {
    const { login, about, revoke } = vone({ quirks: ['revoke-ignores-token-parameter'] })
    const a = await login()
    const b = await login()
    expect((await revoke(`token=${a['access_token']}`, `Bearer ${b['access_token']}`)).status).toBe(200)
    expect((await about(String(a['access_token']))).status).toBe(200)
    expect((await about(String(b['access_token']))).status).toBe(401)
  })

  it('the revoke-sid-ends-only-own-session quirk ends only the caller\'s session when revoking by UserSid', async () => {
    const { login, about, revoke } = vone({ quirks: ['revoke-sid-ends-only-own-session'] })
    const a = await login()
    const b = await login()
    const sid = String(part(String(b['access_token']), 1)[SID_CLAIM])
    expect((await revoke(`UserSid=${sid}`, `Bearer ${b['access_token']}`)).status).toBe(200)
    expect((await about(String(b['access_token']))).status).toBe(401)
    expect((await about(String(a['access_token']))).status).toBe(200)
  })
})
