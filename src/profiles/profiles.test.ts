import { describe, expect, it } from 'vitest'
import { createApp } from '../app.js'
import { defaultFixtures } from '../accounts/fixtures.js'
import { ERROR_MODELS } from '../errors/index.js'
import { REFUSALS, type Refusal } from '../oauth/errors.js'
import { PROFILES } from './index.js'
import type { Profile } from './profile.js'

const form = { 'content-type': 'application/x-www-form-urlencoded' }
const post = (app: ReturnType<typeof createApp>, path: string, body: string, headers: Record<string, string> = form) =>
  app.request(path, { method: 'POST', headers, body })

/** What a refusal answers under the profile's error model: RFC 6749 for the orchestrators, the refusals table otherwise. */
function refusalOf(profile: Profile, refusal: Refusal, rfcCode: string): { status: number; code: unknown } {
  if (profile.errors.model === 'oauth-message') return { status: 400, code: rfcCode }
  const answer = profile.errors.refusals![refusal]!
  return { status: answer.status, code: answer.code }
}

describe.each(PROFILES.map((p) => [p.id, p] as const))('profile %s', (_, profile) => {
  const admin = defaultFixtures(profile.id)[0]!
  // The version header the profile requires (VBR's x-api-version), with its default revision.
  const version: Record<string, string> = profile.apiVersion === undefined ? {} : { [profile.apiVersion.header]: profile.apiVersion.default }
  const headers = { ...form, ...version }
  const login = async (app: ReturnType<typeof createApp>) => {
    const optOut = profile.antiforgery === undefined ? {} : { [profile.antiforgery.optOutField]: 'true' }
    const res = await post(app, profile.tokenPath, new URLSearchParams({ username: admin.username, password: admin.password, ...optOut }).toString(), headers)
    expect(res.status).toBe(200)
    return (await res.json()) as { access_token: string; refresh_token: string; expires_in: number }
  }
  // The model's code field; a null code (VB365's errorCode) is no code.
  const codeOf = (body: Record<string, unknown>) => body[ERROR_MODELS[profile.errors.model].codeField.token ?? ''] ?? undefined

  it('logs in its first default account at its token path, with expires_in as its samples write the lifetime', async () => {
    const lifetime = profile.lifetimes.accessSeconds
    expect((await login(createApp({ profile }))).expires_in).toBe(profile.tokenResponse.expiresIn === 'lifetime' ? lifetime : lifetime - 1)
  })

  it('has a default account without API rights that is refused as its error model says', async () => {
    const unprivileged = defaultFixtures(profile.id).find((a) => !profile.roles.includes(a.role))!
    const body = new URLSearchParams({ username: unprivileged.username, password: unprivileged.password }).toString()
    const res = await post(createApp({ profile }), profile.tokenPath, body, headers)
    const want = refusalOf(profile, 'account-not-allowed', 'invalid_grant')
    expect([res.status, codeOf((await res.json()) as Record<string, unknown>)]).toEqual([want.status, want.code])
  })

  it('applies its user name rule to a bare USERNAME', async () => {
    const bare = admin.username.split('\\').at(-1)!
    const res = await post(createApp({ profile }), profile.tokenPath, `username=${bare}&password=${admin.password}`, headers)
    expect(res.status).toBe(profile.usernames.bareAllowed ? 200 : 400)
  })

  const logout = profile.logout
  if (logout === undefined) {
    it('documents no logout operation (its vendor document has none)', async () => {
      const doc = (await (await createApp({ profile }).request('/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId: string }>> }
      expect(Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId))).not.toContain('logout')
    })
  } else {
    it('logs out in its own style, after which the token is refused', async () => {
      const app = createApp({ profile })
      const { access_token } = await login(app)
      const auth = { authorization: `Bearer ${access_token}`, ...version }
      // Antiforgery (VB365) is opted out of here: the cookie + header pair is tested in test/vb365/.
      // A logout that names the user (VSPC's DELETE /users/{userUid}/tokens) takes the uid from the current-user resource.
      const me = profile.resources?.find((r) => r.kind === 'current-user')
      const uid = me === undefined ? '' : ((await (await app.request(me.path, { headers: auth })).json()) as { data: { instanceUid: string } }).data.instanceUid
      const path = logout.path.replace('{userUid}', uid)
      const res = await app.request(path, { method: logout.method, headers: auth })
      expect(res.status).toBe(logout.status)
      const body = logout.objectBody ?? logout.message
      expect(await res.text()).toBe(body === undefined ? '' : JSON.stringify(body))
      expect((await app.request(path, { method: logout.method, headers: auth })).status).toBe(401)
    })
  }

  it.each(profile.clientBases)('serves the Clients resource under %s', async (base) => {
    const app = createApp({ profile })
    const { access_token } = await login(app)
    const auth = { authorization: `Bearer ${access_token}` }
    const created = await app.request(`${base}/Clients`, { method: 'POST', headers: auth })
    expect(created.status).toBe(200)
    const { client_id } = (await created.json()) as { client_id: string }
    expect(await (await app.request(`${base}/Clients`, { headers: auth })).json()).toEqual([client_id])
  })

  it('answers every refusal of its error model with a status and, where the model has codes, a code', () => {
    if (profile.errors.model === 'oauth-message') return expect(profile.errors.refusals).toBeUndefined()
    for (const refusal of REFUSALS) {
      const answer = profile.errors.refusals?.[refusal]
      expect(answer, refusal).toBeDefined()
      expect(answer!.status >= 400 && answer!.status < 600, refusal).toBe(true)
      // VBR's Error requires an errorCode; RESTExceptionInfo's is null where its enum has no fitting value, ProblemDetails has
      // none; VSPC's resource code is the HTTP status, a number.
      if (profile.errors.model === 'vbr-error') expect(typeof answer!.code, refusal).toBe('string')
      else if (answer!.code !== undefined) expect(['string', 'number'], refusal).toContain(typeof answer!.code)
    }
  })
})

describe('profile differences the seeds and vendor pages state', () => {
  const vac = PROFILES.find((p) => p.id === 'vac-2')!
  const vao = PROFILES.find((p) => p.id === 'vao-3')!

  it('vac-2 answers the vendor example verbatim: a form body under Content-Type application/json and an empty bearer', async () => {
    const res = await post(createApp({ profile: vac }), '/token', 'grant_type=password&username=vac\\administrator&password=Password1', {
      'content-type': 'application/json',
      authorization: 'Bearer',
    })
    expect(res.status).toBe(200)
    expect(((await res.json()) as { expires_in: number }).expires_in).toBe(3599)
  })

  it('vac-2 refuses a real JSON object body with invalid_request saying the body must be a form', async () => {
    const res = await post(createApp({ profile: vac }), '/token', JSON.stringify({ grant_type: 'password', username: 'vac\\administrator', password: 'Password1' }), { 'content-type': 'application/json' })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ error: 'invalid_request', error_description: 'The body must be a form (grant_type=password&username=...&password=...), not JSON, whatever the Content-Type.' })
  })

  it('vac-2 has no client_credentials grant and no Clients resource', async () => {
    const app = createApp({ profile: vac })
    const res = await post(app, '/token', 'grant_type=client_credentials&client_id=a&client_secret=b')
    expect(await res.json()).toEqual({ error: 'unsupported_grant_type', error_description: 'grant_type=client_credentials is not supported; use password, refresh_token.' })
    expect((await app.request('/api/v2/Clients')).status).toBe(404)
  })

  it('vac-2 logout without a token is 401', async () => {
    expect((await createApp({ profile: vac }).request('/accounts/logout', { method: 'POST' })).status).toBe(401)
  })

  it('vao-3 refuses a bare USERNAME with the DOMAIN\\USERNAME rule in the description', async () => {
    const res = await post(createApp({ profile: vao }), '/token', 'username=administrator&password=Password1')
    expect(await res.json()).toEqual({ error: 'invalid_grant', error_description: 'The user name must be in the DOMAIN\\USERNAME format.' })
  })

  it('vro-7.21 lists mfa in the grant drop-down but answers it unsupported_grant_type', async () => {
    const profile = PROFILES.find((p) => p.id === 'vro-7.21')!
    const app = createApp({ profile })
    const doc = (await (await app.request('/openapi.json')).json()) as { components: { schemas: { TokenRequest: { properties: { grant_type: { enum: string[] } } } } } }
    expect(doc.components.schemas.TokenRequest.properties.grant_type.enum).toContain('mfa')
    expect(((await (await post(app, '/api/token', 'grant_type=mfa')).json()) as { error: string }).error).toBe('unsupported_grant_type')
  })

  it('a multi-version release documents every mounted version with distinct operation IDs', async () => {
    const profile = PROFILES.find((p) => p.id === 'vro-7.21')!
    const doc = (await (await createApp({ profile }).request('/openapi.json')).json()) as { paths: Record<string, Record<string, { operationId: string }>> }
    expect(doc.paths['/api/v7.1/Clients']?.get?.operationId).toBe('listClientsV7_1')
    expect(doc.paths['/api/v7.2/Clients']?.get?.operationId).toBe('listClientsV7_2')
    expect(doc.paths['/api/v7.21/Clients']?.get?.operationId).toBe('listClients')
  })

  it('every profile has a fixtures file and records why for each assumption', () => {
    for (const profile of PROFILES) {
      expect(defaultFixtures(profile.id).length).toBeGreaterThan(0)
      for (const a of profile.assumptions) expect(a.reason.length).toBeGreaterThan(20)
      expect(new Set(profile.assumptions.map((a) => a.id)).size).toBe(profile.assumptions.length)
    }
  })
})
