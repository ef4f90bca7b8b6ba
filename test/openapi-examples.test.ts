/**
 * @module Every response example in the served /openapi.json is what the server answers: for each profile, each
 * documented JSON response must carry its own example, and the test provokes that status for real and compares.
 */
import { describe, expect, it } from 'vitest'
import { defaultFixtures } from '../src/accounts/fixtures.js'
import { createMock } from '../src/create-mock.js'
import { findProfile, PROFILES, type Profile } from '../src/profiles/index.js'
const SAMPLE_CLIENT_ID = '4f82b8c7-4019-416d-9692-3eae94523bdc'

type App = ReturnType<typeof createMock>['app']
interface Operation {
  operationId?: string
  tags?: string[]
  responses: Record<string, { content?: Record<string, { example?: unknown }> }>
}

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

/** The requests a profile's operations need, sent to the app in-process. */
function steps(app: App, profile: Profile) {
  const account = defaultFixtures(profile.id).find((a) => profile.roles.includes(a.role))!
  const token = (form: Record<string, string>, headers: Record<string, string> = {}) =>
    app.request(profile.tokenPath, { method: 'POST', headers: { ...FORM, ...headers }, body: new URLSearchParams(form).toString() })
  // Opted out of antiforgery (VB365) unless `antiforgery`: then the session needs the cookie + header pair.
  const optOut = profile.antiforgery === undefined ? {} : { [profile.antiforgery.optOutField]: 'true' }
  const login = async (antiforgery = false) =>
    ((await (await token({ grant_type: 'password', username: account.username, password: account.password, ...(antiforgery ? {} : optOut) })).json()) as { access_token: string }).access_token
  const bearer = (access: string) => ({ authorization: `Bearer ${access}` })
  const clientsPath = `${profile.clientBases.at(-1)}/Clients`
  const newClient = async (access: string) => (await (await app.request(clientsPath, { method: 'POST', headers: bearer(access) })).json()) as { client_id: string; client_secret: string }
  const clientLogin = async (c: { client_id: string; client_secret: string }) =>
    ((await (await token({ grant_type: 'client_credentials', ...c })).json()) as { access_token: string }).access_token
  /** The caller's userUid, from the profile's current-user resource (VSPC's GET /users/me). */
  const uidOf = async (access: string) => {
    const me = profile.resources?.find((r) => r.kind === 'current-user')
    if (me === undefined) return 'sample'
    return ((await (await app.request(me.path, { headers: bearer(access) })).json()) as { data: { instanceUid: string } }).data.instanceUid
  }
  /** The second account with API rights (an operator or company owner: fewer rights than the first). */
  const otherLogin = async () => {
    const other = defaultFixtures(profile.id).filter((a) => profile.roles.includes(a.role) && a.mfaSecret === undefined)[1]!
    return ((await (await token({ grant_type: 'password', username: other.username, password: other.password })).json()) as { access_token: string }).access_token
  }
  return { account, token, login, bearer, newClient, clientLogin, uidOf, otherLogin }
}

const NOBODY = '00000000-0000-4000-8000-000000000000'

/** A request to a path under /users/{userUid}/ (VSPC): as the first account for its own uid, another's, or nobody's. */
async function userPathCall(app: App, p: Profile, path: string, method: string, as: 'self' | 'other' | 'nobody', more: Record<string, string> = {}) {
  const s = steps(app, p)
  const admin = await s.login()
  const uid = as === 'nobody' ? NOBODY : await s.uidOf(admin)
  let filled = path.replace('{userUid}', uid)
  for (const [name, value] of Object.entries(more)) filled = filled.replace(`{${name}}`, value)
  return app.request(filled, { method, headers: s.bearer(as === 'other' ? await s.otherLogin() : admin) })
}

/** Calls a stub as the kind of caller it answers (`allowed`) or refuses, read from the document's description. */
async function stubCall(app: App, p: Profile, path: string, method: string, want: 'allowed' | 'refused'): Promise<Response> {
  const s = steps(app, p)
  const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, Operation & { description?: string }>> }
  const as = /answers a (user|client) account's access token only/.exec(doc.paths[path]?.[method.toLowerCase()]?.description ?? '')?.[1]
  const user = await s.login()
  const kind = as === undefined ? 'user' : want === 'allowed' ? as : as === 'user' ? 'client' : 'user'
  const caller = kind === 'user' ? user : await s.clientLogin(await s.newClient(user))
  return app.request(path.replace(/\{[^}]+\}/g, 'sample'), { method, headers: s.bearer(caller) })
}

type Provoke = (app: App, profile: Profile, path: string, method: string) => Response | Promise<Response>

/** A bearer route's 200, its 401 without a token, and its 400 for an antiforgery session called without the pair (VB365). */
const bearerRoute: Record<string, Provoke> = {
  200: async (app, p, path, method) => app.request(path, { method, headers: steps(app, p).bearer(await steps(app, p).login()) }),
  400: async (app, p, path, method) => app.request(path, { method, headers: steps(app, p).bearer(await steps(app, p).login(true)) }),
  401: (app, _p, path, method) => app.request(path, { method }),
}

/** How to make each documented status happen, by operation. */
const PROVOKE: Record<string, Record<string, Provoke>> = {
  issueToken: {
    200: (app, p) => steps(app, p).token({ grant_type: 'password', username: steps(app, p).account.username, password: steps(app, p).account.password }),
    // RFC 6749 answers a wrong password 400 invalid_grant; VBR's Error model 401, and 400 a missing field.
    400: (app, p) =>
      steps(app, p).token({ grant_type: 'password', username: steps(app, p).account.username, ...(rfc(p) && { password: 'not-the-password' }) }),
    401: (app, p) =>
      rfc(p)
        ? steps(app, p).token({ grant_type: 'client_credentials' }, { authorization: `Basic ${Buffer.from('no-such-client:wrong').toString('base64')}` })
        : steps(app, p).token({ grant_type: 'password', username: steps(app, p).account.username, password: 'not-the-password' }),
    413: (app, p) => steps(app, p).token({ grant_type: 'password', username: 'x'.repeat(70 * 1024) }),
  },
  logout: {
    ok: async (app, p, path, method) => {
      const s = steps(app, p)
      const access = await s.login()
      return app.request(path.replace('{userUid}', await s.uidOf(access)), { method, headers: s.bearer(access) })
    },
    401: (app, _p, path, method) => app.request(path, { method }),
    403: (app, p, path, method) => userPathCall(app, p, path, method, 'other'),
    404: (app, p, path, method) => userPathCall(app, p, path, method, 'nobody'),
    // Veeam ONE's revoke: a token that is not the caller's; VB365: an antiforgery session without its pair.
    400: async (app, p, path, method) => {
      const field = p.logout?.params?.token
      if (field === undefined) return bearerRoute[400]!(app, p, path, method)
      const s = steps(app, p)
      return app.request(path, { method, headers: { ...FORM, ...s.bearer(await s.login()) }, body: `${field}=not-a-live-token` })
    },
  },
  authCode: bearerRoute,
  ServiceInstance_Get: bearerRoute,
  About_GetAbout: {
    200: bearerRoute[200]!,
    401: bearerRoute[401]!,
    403: async (app, p, path, method) => {
      const s = steps(app, p)
      const reader = defaultFixtures(p.id).filter((a) => p.roles.includes(a.role))[1]!
      const res = await s.token({ grant_type: 'password', username: reader.username, password: reader.password })
      return app.request(path, { method, headers: s.bearer(((await res.json()) as { access_token: string }).access_token) })
    },
  },
  AddApiKeyLogin: {
    200: (app, p, path, method) => userPathCall(app, p, `${path}?description=CI&scopes=%5B%22rest%22%5D`, method, 'self'),
    400: (app, p, path, method) => userPathCall(app, p, path, method, 'self'),
    401: (app, _p, path, method) => app.request(path, { method }),
    403: (app, p, path, method) => userPathCall(app, p, `${path}?description=CI&scopes=rest`, method, 'other'),
    404: (app, p, path, method) => userPathCall(app, p, `${path}?description=CI&scopes=rest`, method, 'nobody'),
  },
  DeleteUserLogin: {
    200: async (app, p, path, method) => {
      const s = steps(app, p)
      const access = await s.login()
      const uid = await s.uidOf(access)
      const created = await app.request(`/api/v3/users/${uid}/logins/apikey?description=CI&scopes=rest`, { method: 'POST', headers: s.bearer(access) })
      const { id } = ((await created.json()) as { data: { id: number } }).data
      return app.request(path.replace('{userUid}', uid).replace('{userLoginId}', String(id)), { method, headers: s.bearer(access) })
    },
    400: (app, p, path, method) => userPathCall(app, p, path, method, 'self', { userLoginId: 'not-a-number' }),
    401: (app, _p, path, method) => app.request(path, { method }),
    403: (app, p, path, method) => userPathCall(app, p, path, method, 'other', { userLoginId: '12' }),
    404: (app, p, path, method) => userPathCall(app, p, path, method, 'nobody', { userLoginId: '12' }),
  },
  createClient: {
    200: async (app, p, path, method) => app.request(path, { method, headers: steps(app, p).bearer(await steps(app, p).login()) }),
    401: (app, _p, path, method) => app.request(path, { method }),
    403: async (app, p, path, method) => {
      const s = steps(app, p)
      const client = await s.clientLogin(await s.newClient(await s.login()))
      return app.request(path, { method, headers: s.bearer(client) })
    },
  },
  listClients: {
    200: async (app, p, path, method) => {
      const s = steps(app, p)
      const user = await s.login()
      await s.newClient(user)
      return app.request(path, { method, headers: s.bearer(user) })
    },
    401: (app, _p, path, method) => app.request(path, { method }),
  },
  deleteClient: {
    400: async (app, p, path, method) => app.request(path, { method, headers: steps(app, p).bearer(await steps(app, p).login()) }),
    401: (app, _p, path, method) => app.request(`${path}?clientId=${SAMPLE_CLIENT_ID}`, { method }),
    403: async (app, p, path, method) => {
      const s = steps(app, p)
      const user = await s.login()
      const [a, b] = [await s.newClient(user), await s.newClient(user)]
      return app.request(`${path}?clientId=${b.client_id}`, { method, headers: s.bearer(await s.clientLogin(a)) })
    },
    404: async (app, p, path, method) => app.request(`${path}?clientId=${SAMPLE_CLIENT_ID}`, { method, headers: steps(app, p).bearer(await steps(app, p).login()) }),
  },
  GetServerInfo: {
    200: async (app, p, path, method) => app.request(path, { method, headers: steps(app, p).bearer(await steps(app, p).login()) }),
    401: (app, _p, path, method) => app.request(path, { method }),
    403: async (app, p, path, method) => {
      const s = steps(app, p)
      const operator = defaultFixtures(p.id).filter((a) => p.roles.includes(a.role))[1]!
      const res = await s.token({ grant_type: 'password', username: operator.username, password: operator.password })
      return app.request(path, { method, headers: s.bearer(((await res.json()) as { access_token: string }).access_token) })
    },
  },
  GetServerTime: { 200: (app, _p, path, method) => app.request(path, { method }) },
  GetCurrentUser: {
    200: async (app, p, path, method) => app.request(path, { method, headers: steps(app, p).bearer(await steps(app, p).login()) }),
    401: (app, _p, path, method) => app.request(path, { method }),
  },
  CreateAuthorizationCode: {
    200: async (app, p, path, method) => app.request(path, { method, headers: steps(app, p).bearer(await steps(app, p).login()) }),
    401: (app, _p, path, method) => app.request(path, { method }),
  },
  stub: {
    ok: (app, p, path, method) => stubCall(app, p, path, method, 'allowed'),
    401: (app, _p, path, method) => app.request(path.replace(/\{[^}]+\}/g, 'sample'), { method }),
    // A stub with `as`: the other kind of caller.
    403: (app, p, path, method) => stubCall(app, p, path, method, 'refused'),
  },
}

// VSPC's About answers as VBR's serverInfo does: administrators only.
PROVOKE['GetAboutInformation'] = PROVOKE['GetServerInfo']!

const kindOf = (op: Operation) => (op.tags?.includes('Stubs') ? 'stub' : (op.operationId ?? '').replace(/V[\d_]+$/, ''))

const rfc = (p: Profile) => p.errors.model === 'oauth-message'

/** The app with the profile's version header (VBR's x-api-version) on every request that does not set it. */
function withVersion(app: App, profile: Profile): App {
  const rule = profile.apiVersion
  if (rule === undefined) return app
  const request = app.request.bind(app)
  const versioned = (input: string, init: RequestInit = {}) =>
    request(input, { ...init, headers: { [rule.header]: rule.default, ...(init.headers as Record<string, string> | undefined) } })
  return Object.assign(Object.create(app) as App, { request: versioned })
}

/** Random values (tokens, IDs, secrets) and readings of the clock are compared by shape; everything else exactly. */
function expectLike(actual: unknown, example: unknown, kind: string, status: string): void {
  if ((kind === 'issueToken' || kind === 'GetServerTime' || kind === 'CreateAuthorizationCode' || kind === 'authCode') && status === '200') {
    const [a, e] = [actual as Record<string, unknown>, example as Record<string, unknown>]
    expect(Object.keys(a)).toEqual(Object.keys(e))
    for (const key of Object.keys(e)) expect(typeof a[key], key).toBe(typeof e[key])
    if (kind === 'issueToken') {
      expect({ token_type: a['token_type'], expires_in: a['expires_in'] }).toEqual({ token_type: e['token_type'], expires_in: e['expires_in'] })
    }
  } else if (kind === 'AddApiKeyLogin' && status === '200') {
    const [a, e] = [(actual as { data: Record<string, unknown> }).data, (example as { data: Record<string, unknown> }).data]
    expect(Object.keys(a)).toEqual(Object.keys(e))
    for (const key of Object.keys(e)) expect(typeof a[key], key).toBe(typeof e[key])
  } else if (kind === 'createClient' && status === '200') {
    expect(Object.keys(actual as object)).toEqual(Object.keys(example as object))
    for (const value of Object.values(actual as object)) expect(typeof value).toBe('string')
  } else if (kind === 'listClients' && status === '200') {
    expect((actual as unknown[]).map((id) => typeof id)).toEqual((example as unknown[]).map((id) => typeof id))
  } else if (typeof example === 'object' && example !== null && 'traceId' in example) {
    // ProblemDetails (Veeam ONE): the traceId names one response, so it is compared by shape.
    const { traceId, ...rest } = actual as Record<string, unknown>
    const { traceId: sample, ...want } = example as Record<string, unknown>
    expect(rest).toEqual(want)
    expect(typeof traceId).toBe(typeof sample)
  } else {
    expect(actual).toEqual(example)
  }
}

/** A response's JSON media: application/json, or the profile's error media type (Veeam ONE: application/problem+json). */
const mediaOf = (response: Operation['responses'][string], profile: Profile) =>
  response.content?.['application/json'] ?? (profile.errors.mediaType === undefined ? undefined : response.content?.[profile.errors.mediaType])

/** Every example in the served document of a mock built with `options`, compared with a real answer; returns how many. */
async function compareAll(options: Parameters<typeof createMock>[0] & { profile: Profile }): Promise<number> {
  const profile = options.profile
  const doc = (await (await createMock(options).app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, Operation>> }
  let compared = 0
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      for (const [status, response] of Object.entries(op.responses)) {
        const example = mediaOf(response, profile)?.example
        if (example === undefined) continue
        const kind = kindOf(op)
        const provoke = PROVOKE[kind]?.[status] ?? (/^2/.test(status) ? PROVOKE[kind]?.['ok'] : undefined)
        expect(provoke, `a way to provoke ${method.toUpperCase()} ${path} ${status} (${kind})`).toBeDefined()
        // A fresh mock for each, so one provocation's clients and sessions do not shape the next answer.
        const app = withVersion(createMock(options).app, profile)
        const res = await provoke!(app, profile, path, method.toUpperCase())
        expect(res.status, `${method.toUpperCase()} ${path}`).toBe(Number(status))
        expectLike(await res.json(), example, kind, status)
        compared++
      }
    }
  }
  return compared
}

describe.each(PROFILES.map((p) => [p.id, p] as const))('%s: the served OpenAPI examples', (_id, profile) => {
  it('give every JSON response an example of its own (none left for Swagger UI to make up from the schema)', async () => {
    const { app } = createMock({ profile })
    const doc = (await (await app.request('/openapi.json')).json()) as { paths: Record<string, Record<string, Operation>> }
    const missing: string[] = []
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        for (const [status, response] of Object.entries(op.responses)) {
          const media = mediaOf(response, profile)
          if (media !== undefined && media.example === undefined) missing.push(`${method.toUpperCase()} ${path} ${status}`)
        }
      }
    }
    expect(missing).toEqual([])
  })

  it('are what the server answers with that status', async () => {
    expect(await compareAll({ profile })).toBeGreaterThanOrEqual(4)
  })
})

describe('stubs in the served document', () => {
  it("are what the server answers too, a user-only stub's 403 included", async () => {
    const stubs = [
      { method: 'GET', path: '/api/v7.1/Plans/{id}', status: 200, body: { id: 'p1', name: 'Tier 1' } },
      { method: 'POST', path: '/api/v7.1/Plans/{id}/Start', status: 200, as: 'user', body: { started: true } },
      { method: 'GET', path: '/api/v7.1/Agents', status: 200, as: 'client', body: [] },
    ] as const
    const withStubs = await compareAll({ profile: findProfile('vro-7.1')!, stubs })
    const without = await compareAll({ profile: findProfile('vro-7.1')! })
    // Each stub: its 200 and 401, and a 403 for the two with `as`.
    expect(withStubs - without).toBe(3 * 2 + 2)
  })
})
