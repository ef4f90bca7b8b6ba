/** @module Every VBR rule of issue 14, in-process: version header, TokenModel, JWTs, grants, logout, errors, resources, discovery. */
import { describe, expect, it } from 'vitest'
import { createMock } from '../../src/create-mock.js'
import { VBR_ERROR_CODES } from '../../src/errors/vbr-error.js'
import { PROFILES, type ProfileId } from '../../src/profiles/index.js'

const VBR = PROFILES.filter((p) => p.product === 'Veeam Backup & Replication')
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

function vbr(profile: ProfileId = 'vbr-12', more: Parameters<typeof createMock>[0] = {}) {
  const mock = createMock({ profile, control: true, ...more })
  const revision = mock.state.profile.apiVersion!.default
  const headers = { ...FORM, 'x-api-version': revision }
  const token = (body: string, extra: Record<string, string> = {}) =>
    mock.app.request('/api/oauth2/token', { method: 'POST', headers: { ...headers, ...extra }, body })
  const login = async (username = 'administrator') => {
    const res = await token(`grant_type=password&username=${encodeURIComponent(username)}&password=Password1`)
    expect(res.status).toBe(200)
    return (await res.json()) as Record<string, string | number>
  }
  const get = (path: string, access?: string, extra: Record<string, string> = {}) =>
    mock.app.request(path, { headers: { 'x-api-version': revision, ...(access && { authorization: `Bearer ${access}` }), ...extra } })
  const post = (path: string, access?: string) =>
    mock.app.request(path, { method: 'POST', headers: { 'x-api-version': revision, ...(access && { authorization: `Bearer ${access}` }) } })
  return { mock, revision, token, login, get, post, clock: mock.harness!.clock }
}

const claims = (jwt: string, part = 1) => JSON.parse(Buffer.from(jwt.split('.')[part]!, 'base64url').toString()) as Record<string, unknown>

describe('vbr-12: the vendor example and the TokenModel', () => {
  it('answers the documented example verbatim: POST /api/oauth2/token, x-api-version: 1.1-rev0, administrator / Password1', async () => {
    const { mock } = vbr()
    const res = await mock.app.request('/api/oauth2/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-api-version': '1.1-rev0' },
      body: 'grant_type=password&username=administrator&password=Password1',
    })
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, unknown>
    expect(Object.keys(body)).toEqual(['access_token', 'token_type', 'refresh_token', 'expires_in', '.issued', '.expires'])
    expect([body['token_type'], body['expires_in']]).toEqual(['bearer', 900])
    expect(res.headers.get('cache-control')).toBe('no-store')
  })

  it('writes .issued and .expires with an offset, from the virtual clock, 900 s apart', async () => {
    const { login, clock } = vbr()
    clock.set('2030-05-06T07:08:09.500Z')
    const body = await login()
    expect(body['.issued']).toBe('2030-05-06T07:08:09+00:00')
    expect(body['.expires']).toBe('2030-05-06T07:23:09+00:00')
  })

  it('issues RS512 JWTs shaped like the samples, with truthful exp', async () => {
    const { login, clock } = vbr()
    clock.set('2030-01-01T00:00:00Z')
    const body = await login()
    const header = claims(String(body['access_token']), 0)
    expect(header['alg']).toBe('RS512')
    expect(header['typ']).toBe('JWT')
    expect(String(header['kid'])).toMatch(/^[0-9A-F]{40}$/)
    const at = Date.parse('2030-01-01T00:00:00Z') / 1000
    const access = claims(String(body['access_token']))
    expect(access).toMatchObject({ unique_name: 'administrator', nbf: at, iat: at, exp: at + 900, aud: 'access' })
    const refresh = claims(String(body['refresh_token']))
    expect(refresh).toMatchObject({ unique_name: 'administrator', short_term_expiration: 'False', nbf: at, iat: at, exp: at + 14 * 86400, aud: 'refresh' })
    expect(String(refresh['token_id'])).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('two logins within one second are two sessions: logging one out leaves the other', async () => {
    const { login, post, get, clock } = vbr()
    clock.freeze(true)
    const a = await login()
    const b = await login()
    expect(a['access_token']).not.toBe(b['access_token'])
    expect((await post('/api/oauth2/logout', String(a['access_token']))).status).toBe(200)
    expect((await get('/api/v1/serverInfo', String(b['access_token']))).status).toBe(200)
  })

  it('the store, not the signature, decides: an expired JWT is refused under the virtual clock', async () => {
    const { login, get, clock } = vbr()
    const body = await login()
    await clock.advance('16m')
    const res = await get('/api/v1/serverInfo', String(body['access_token']))
    expect([res.status, await res.json()]).toEqual([401, { errorCode: 'AccessDenied', message: expect.stringMatching(/^Unauthorized/) }])
  })
})

describe('vbr-12: x-api-version', () => {
  it('refuses a request without it, token endpoint included, with 400 NotImplemented listing the accepted revisions', async () => {
    const { mock } = vbr()
    const res = await mock.app.request('/api/oauth2/token', { method: 'POST', headers: FORM, body: 'username=administrator&password=Password1' })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      errorCode: 'NotImplemented',
      message: 'Unsupported RESTAPI version. The following versions are supported: v1.0-rev1, v1.0-rev2, v1.1-rev0.',
    })
  })

  it('refuses an unsupported revision and changes nothing', async () => {
    const { token, mock } = vbr()
    const res = await token('username=administrator&password=Password1', { 'x-api-version': '1.3-rev2' })
    expect([res.status, ((await res.json()) as { errorCode: string }).errorCode]).toEqual([400, 'NotImplemented'])
    expect(mock.harness!.sessions.list()).toEqual([])
  })

  it('accepts every revision the release accepts', async () => {
    const { token, mock } = vbr()
    for (const revision of mock.state.profile.apiVersion!.accepted) {
      expect((await token('username=administrator&password=Password1', { 'x-api-version': revision })).status, revision).toBe(200)
    }
  })

  it('is not asked of the documents, Swagger UI or the control API', async () => {
    const { mock } = vbr()
    for (const path of ['/openapi.json', '/swagger', '/swagger/ui/index.html', '/swagger/v1.1-rev0/swagger.json', '/__control/clock']) {
      expect((await mock.app.request(path)).status, path).toBe(200)
    }
  })

  it('vbr-13.1 refuses with the 1.3-rev2 wording, and no longer accepts 1.0 revisions', async () => {
    const { token } = vbr('vbr-13.1')
    const res = await token('username=administrator&password=Password1', { 'x-api-version': '1.0-rev2' })
    expect(await res.json()).toEqual({ errorCode: 'NotImplemented', message: 'The specified API version is not supported.' })
  })
})

describe('vbr grants', () => {
  it('matches grant_type ignoring case: Password and Refresh_token as 1.3-rev1 documents them, password as earlier ones', async () => {
    const { token } = vbr('vbr-13.0.1')
    const first = await token('grant_type=Password&username=administrator&password=Password1')
    expect(first.status).toBe(200)
    const { refresh_token } = (await first.json()) as { refresh_token: string }
    expect((await token(`grant_type=Refresh_token&refresh_token=${encodeURIComponent(refresh_token)}`)).status).toBe(200)
    expect((await token('grant_type=PASSWORD&username=administrator&password=Password1')).status).toBe(200)
  })

  it('documents the capitalised enum from 1.3-rev1 and the lowercase one before', async () => {
    const enumOf = async (id: ProfileId) => {
      const doc = (await (await vbr(id).mock.app.request('/openapi.json')).json()) as { components: { schemas: { TokenRequest: { properties: { grant_type: { enum: string[]; default: string } } } } } }
      return doc.components.schemas.TokenRequest.properties.grant_type
    }
    expect(await enumOf('vbr-13.0.1')).toMatchObject({ enum: ['Password', 'Refresh_token', 'Vbr_token'], default: 'Password' })
    expect(await enumOf('vbr-12')).toMatchObject({ enum: ['password', 'refresh_token', 'authorization_code', 'vbr_token'], default: 'password' })
  })

  it('a refresh token works once (documented single use)', async () => {
    const { token, login } = vbr()
    const body = `grant_type=refresh_token&refresh_token=${encodeURIComponent(String((await login())['refresh_token']))}`
    expect((await token(body)).status).toBe(200)
    const again = await token(body)
    expect([again.status, ((await again.json()) as { errorCode: string }).errorCode]).toEqual([401, 'AccessDenied'])
  })

  it('use_short_term_refresh=true makes the refresh token live the access lifetime plus 15 minutes', async () => {
    const { token, clock } = vbr()
    clock.set('2030-01-01T00:00:00Z')
    const res = await token('grant_type=password&username=administrator&password=Password1&use_short_term_refresh=true')
    const { refresh_token } = (await res.json()) as { refresh_token: string }
    const refresh = claims(refresh_token)
    expect([refresh['short_term_expiration'], Number(refresh['exp']) - Number(refresh['iat'])]).toEqual(['True', 30 * 60])
    await clock.advance('31m')
    expect((await token(`grant_type=refresh_token&refresh_token=${encodeURIComponent(refresh_token)}`)).status).toBe(401)
  })

  it('authorization_code (vbr-12): a code for the bearer, exchanged once, dead after 60 s', async () => {
    const { token, login, post, clock } = vbr()
    const access = String((await login())['access_token'])
    const code = async () => ((await (await post('/api/oauth2/authorization_code', access)).json()) as { code: string }).code
    const first = await code()
    const exchange = (c: string) => token(`grant_type=authorization_code&code=${encodeURIComponent(c)}`)
    expect((await exchange(first)).status).toBe(200)
    expect((await exchange(first)).status).toBe(401)
    const late = await code()
    await clock.advance('61s')
    expect((await exchange(late)).status).toBe(401)
    expect((await post('/api/oauth2/authorization_code')).status).toBe(401)
  })

  it('vbr-13 has no authorization_code path (gone from 1.3-rev0) and refuses the grant', async () => {
    const { token, login, post } = vbr('vbr-13')
    const access = String((await login())['access_token'])
    expect((await post('/api/oauth2/authorization_code', access)).status).toBe(404)
    expect((await token('grant_type=authorization_code&code=x')).status).toBe(400)
  })

  it('vbr_token is listed but not emulated: 400 UnexpectedContent', async () => {
    const res = await vbr().token('grant_type=vbr_token&vbr_token=x')
    expect([res.status, ((await res.json()) as { errorCode: string }).errorCode]).toEqual([400, 'UnexpectedContent'])
  })

  it('accepts administrator, .\\administrator and a domain account, and refuses an account without a role', async () => {
    const { token } = vbr()
    for (const name of ['administrator', '.\\administrator', 'TECH\\sheila.d.cory']) {
      expect((await token(`username=${encodeURIComponent(name)}&password=Password1`)).status, name).toBe(200)
    }
    const refused = await token('username=.%5Crestricted&password=Password1')
    expect([refused.status, await refused.json()]).toEqual([401, { errorCode: 'AccessDenied', message: 'Authentication failed' }])
  })
})

describe('vbr logout and errors', () => {
  it('logout answers 200 {} and both tokens are dead afterwards', async () => {
    const { login, post, get, token } = vbr()
    const body = await login()
    const res = await post('/api/oauth2/logout', String(body['access_token']))
    expect([res.status, await res.json()]).toEqual([200, {}])
    expect((await get('/api/v1/serverInfo', String(body['access_token']))).status).toBe(401)
    expect((await token(`grant_type=refresh_token&refresh_token=${encodeURIComponent(String(body['refresh_token']))}`)).status).toBe(401)
  })

  it('a wrong password is 401 AccessDenied "Authentication failed", as a real server logs it', async () => {
    const res = await vbr().token('grant_type=password&username=administrator&password=wrong')
    expect([res.status, await res.json()]).toEqual([401, { errorCode: 'AccessDenied', message: 'Authentication failed' }])
  })

  it('unknown paths, wrong methods and resources without a token answer in the Error model, with codes from its enum', async () => {
    const { get, post, mock } = vbr()
    const cases = [await get('/api/v1/nothing'), await post('/api/v1/serverInfo'), await get('/api/v1/serverInfo')]
    const bodies = (await Promise.all(cases.map((r) => r.json()))) as { errorCode: string }[]
    expect(cases.map((r) => r.status)).toEqual([404, 405, 401])
    expect(bodies.map((b) => b.errorCode)).toEqual(['NotFound', 'MethodNotAllowed', 'AccessDenied'])
    for (const refusal of Object.values(mock.state.profile.errors.refusals!)) expect(VBR_ERROR_CODES).toContain(refusal.code)
  })

  it('the empty-401-body quirk answers every 401 with an empty body', async () => {
    const { get, token } = vbr('vbr-12', { quirks: ['empty-401-body'] })
    const resource = await get('/api/v1/serverInfo')
    const login = await token('grant_type=password&username=administrator&password=wrong')
    expect([resource.status, await resource.text(), login.status, await login.text()]).toEqual([401, '', 401, ''])
  })
})

describe('vbr resources read right after login', () => {
  it.each(VBR.map((p) => p.id as ProfileId))('%s: serverInfo behind the token, with the release build; serverTime without one', async (id) => {
    const { login, get, clock, mock } = vbr(id)
    const body = await login()
    const info = await get('/api/v1/serverInfo', String(body['access_token']))
    const resource = mock.state.profile.resources!.find((r) => r.kind === 'static')!
    expect([info.status, await info.json()]).toEqual([200, resource.kind === 'static' && resource.body])
    clock.freeze(true)
    clock.set('2031-02-03T04:05:06.789Z')
    const time = (await (await get('/api/v1/serverTime')).json()) as { serverTime: string }
    expect(time.serverTime).toBe('2031-02-03T04:05:06.7890000+00:00')
  })

  it('serverInfo answers only a Backup Administrator: an operator gets 403 AccessDenied "Forbidden"', async () => {
    const { login, get } = vbr()
    const res = await get('/api/v1/serverInfo', String((await login('TECH\\sheila.d.cory'))['access_token']))
    expect([res.status, await res.json()]).toEqual([403, { errorCode: 'AccessDenied', message: 'Forbidden' }])
  })

  it('the buildVersion differs per release line', () => {
    const builds = VBR.map((p) => (p.resources!.find((r) => r.kind === 'static') as unknown as { body: { buildVersion: string } }).body.buildVersion)
    expect(new Set(builds).size).toBe(VBR.length)
  })
})

describe('vbr documents', () => {
  it('every operation declares x-api-version with the default revision pre-filled', async () => {
    const { mock, revision } = vbr('vbr-12.3')
    const doc = (await (await mock.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: { $ref: string }[] }>>
      components: { parameters: Record<string, { name: string; schema: { default: string } }> }
    }
    expect(doc.components.parameters['apiVersionParam']).toMatchObject({ name: 'x-api-version', in: 'header', required: true, schema: { default: revision } })
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) expect(op.parameters?.[0], `${method} ${path}`).toEqual({ $ref: '#/components/parameters/apiVersionParam' })
    }
    expect(revision).toBe('1.2-rev1')
  })

  it('serves the same document at /swagger/v<revision>/swagger.json for each accepted revision, and Swagger UI at the vendor paths', async () => {
    const { mock } = vbr('vbr-13')
    const own = await (await mock.app.request('/openapi.json')).text()
    for (const revision of mock.state.profile.apiVersion!.accepted) {
      expect(await (await mock.app.request(`/swagger/v${revision}/swagger.json`)).text()).toBe(own)
    }
    expect((await mock.app.request('/swagger/v9.9-rev0/swagger.json')).status).toBe(404)
    for (const path of ['/swagger/index.html', '/swagger/ui/index.html']) expect(await (await mock.app.request(path)).text()).toContain('swagger-ui')
  })
})

describe('vbr with a vendor document (--openapi)', () => {
  it('declares x-api-version once per operation: document operations keep their own declaration, the rest get the profile\'s', async () => {
    const { exampleDocument } = await import('../support/vendor-documents.js')
    const mock = createMock({ profile: 'vbr-12', openapi: [exampleDocument()] })
    const doc = (await (await mock.app.request('/openapi.json')).json()) as {
      paths: Record<string, Record<string, { parameters?: ({ $ref: string } | { name: string; in: string })[] }>>
      components: { parameters: Record<string, { name: string; in: string }> }
    }
    const headerOf = (p: { $ref: string } | { name: string; in: string }) => {
      const resolved = '$ref' in p ? doc.components.parameters[p.$ref.split('/').at(-1)!]! : p
      return resolved.in === 'header' && resolved.name.toLowerCase() === 'x-api-version'
    }
    let documentOps = 0
    for (const [path, { parameters: inherited = [], ...item }] of Object.entries(doc.paths) as [string, Record<string, { parameters?: [] }> & { parameters?: [] }][]) {
      for (const [method, op] of Object.entries(item)) {
        const all = [...(inherited as []), ...(op.parameters ?? [])] as ({ $ref: string } | { name: string; in: string })[]
        expect(all.filter(headerOf).length, `${method} ${path}`).toBe(1)
        if (!all.some((p) => '$ref' in p && p.$ref === '#/components/parameters/apiVersionParam')) documentOps++
      }
    }
    expect(documentOps).toBeGreaterThan(0)
  })
})
