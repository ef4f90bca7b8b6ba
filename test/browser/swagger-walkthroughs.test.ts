/** @module The seeds' Swagger UI procedures, done in chromium against the mock; no request leaves 127.0.0.1. */
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultFixtures } from '../../src/accounts/fixtures.js'
import { createApp, type AppOptions } from '../../src/app.js'
import { exampleDocument } from '../support/vendor-documents.js'
import { findProfile, type ProfileId } from '../../src/profiles/index.js'
import { listen } from '../../src/server/listen.js'
import { BROWSER_MISSING, BROWSER_REQUIRED, launchChromium } from './support/chromium.js'
import { guardOffline, type OfflineGuard, type SeenRequest } from './support/offline-guard.js'
import { SwaggerPage } from './support/swagger-page.js'

const ARTIFACTS = 'artifacts/browser'
const TIMEOUT = 90_000
const SKIP = BROWSER_MISSING !== undefined && !BROWSER_REQUIRED
if (SKIP) console.warn(`Swagger UI walkthroughs skipped: ${BROWSER_MISSING}.`)
const TITLE = SKIP ? `Swagger UI walkthroughs (skipped: ${BROWSER_MISSING})` : 'Swagger UI walkthroughs in chromium, offline'

const PASSWORD = 'Password1'
const VRO_ADMIN = { username: 'vdro\\administrator', password: PASSWORD }
const VAO_ADMIN = { username: 'vao\\administrator', password: PASSWORD }
const VAC_ADMIN = { username: 'vac\\administrator', password: PASSWORD }
const VSPC_ADMIN = { username: 'vspc\\administrator', password: PASSWORD }
const VB365_ADMIN = { username: 'administrator', password: PASSWORD }
const VONE_ADMIN = { username: 'one-srv\\administrator', password: PASSWORD }

interface Walk {
  ui: SwaggerPage
  guard: OfflineGuard
}

/** The last request the page sent to `path` with `method`. */
function sent(guard: OfflineGuard, method: string, path: string): SeenRequest {
  const found = guard.seen.filter((r) => r.method === method && new URL(r.url).pathname === path).at(-1)
  if (found === undefined) throw new Error(`the page sent no ${method} ${path}`)
  return found
}

/** A form body as an object: the exact fields sent, so an empty field or a "string" placeholder shows up. */
const form = (request: SeenRequest) => Object.fromEntries(new URLSearchParams(request.body ?? ''))

interface TokenBody {
  access_token: string
  refresh_token: string
  token_type: string
  expires_in: number
}

/**
 * Logs in through Try it out on `tokenPath` with password as the page's preselected grant: exactly the account's
 * fields are sent, the answer is 200 and the page applies the token. Returns the parsed body and the request sent.
 */
async function passwordLogin<T extends TokenBody = TokenBody>({ ui, guard }: Walk, tokenPath: string, account: { username: string; password: string }) {
  const token = await ui.tryItOut('POST', tokenPath)
  expect(await ui.selectedGrant(token)).toBe('password')
  await ui.fillForm(token, account)
  const login = await ui.execute(token)
  expect(login.status).toBe(200)
  const request = sent(guard, 'POST', tokenPath)
  expect(form(request)).toEqual({ grant_type: 'password', ...account })
  expect(await ui.authorized()).toBe(true)
  return { body: JSON.parse(login.body) as T, request }
}

/** What a person reads before typing: the product, its version and the default accounts with passwords. */
async function expectIntroduction(ui: SwaggerPage, id: string): Promise<void> {
  const profile = findProfile(id)!
  const info = await ui.info()
  expect(info).toContain(profile.title)
  expect(info).toContain(`${profile.product} ${profile.version} REST API`)
  for (const account of defaultFixtures(id)) {
    expect(info).toContain(`${account.username}\t${account.password}\t${account.role}`)
  }
}

describe.skipIf(SKIP)(TITLE, () => {
  let browser: Browser | undefined

  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true })
    browser = await launchChromium()
  }, TIMEOUT)

  afterAll(async () => {
    await browser?.close()
  })

  /** Serves `profile` on an ephemeral port, opens /swagger in a fresh context, runs `steps`, saves a screenshot. */
  async function walk(profile: ProfileId, name: string, steps: (walk: Walk & { url: string }) => Promise<void>, more: AppOptions = {}, base = ''): Promise<void> {
    const server = await listen(createApp({ ...more, profile }).fetch, { port: 0 })
    const context = await browser!.newContext({ viewport: { width: 1200, height: 900 } })
    try {
      const guard = await guardOffline(context)
      const ui = new SwaggerPage(await context.newPage())
      try {
        await ui.open(`${server.url}${base}`)
        await steps({ ui, guard, url: server.url })
      } finally {
        await ui.screenshot(join(ARTIFACTS, `${name}.png`))
      }
      expect(guard.foreign).toEqual([])
      expect(guard.seen.filter((r) => !r.url.startsWith(`${server.url}/`))).toEqual([])
    } finally {
      await context.close()
      await server.close()
    }
  }

  it('vro-7.1: accounts shown; password, create client, client_credentials, list, refresh, delete 204, logout 204', async () => {
    await walk('vro-7.1', 'vro-7.1-walkthrough', async ({ ui, guard }) => {
      await expectIntroduction(ui, 'vro-7.1')
      // Obtaining authorization tokens: POST /api/token, Try it out, select password, fill, Execute.
      const token = await ui.tryItOut('POST', '/api/token')
      await ui.fillForm(token, { grant_type: 'password', ...VRO_ADMIN })
      const login = await ui.execute(token)
      expect(login.status).toBe(200)
      expect(form(sent(guard, 'POST', '/api/token'))).toEqual({ grant_type: 'password', ...VRO_ADMIN })
      const user = JSON.parse(login.body) as TokenBody
      expect(user).toMatchObject({ token_type: 'bearer', expires_in: 899 })
      expect(await ui.authorized()).toBe(true)

      // Creating clients: the token from the step above is applied without typing it anywhere.
      const create = await ui.tryItOut('POST', '/api/v7.1/Clients')
      const created = await ui.execute(create)
      expect(created.status).toBe(200)
      expect(sent(guard, 'POST', '/api/v7.1/Clients').headers.authorization).toBe(`Bearer ${user.access_token}`)
      const client = JSON.parse(created.body) as { client_id: string; client_secret: string }
      expect(Object.keys(client)).toEqual(['client_id', 'client_secret'])

      // Tokens under the client account, with the ID and secret read off the page.
      await ui.fillForm(token, { grant_type: 'client_credentials', ...client })
      const clientLogin = await ui.execute(token)
      expect(clientLogin.status).toBe(200)
      expect(form(sent(guard, 'POST', '/api/token'))).toEqual({ grant_type: 'client_credentials', ...client })
      const clientTokens = JSON.parse(clientLogin.body) as TokenBody

      // Getting the list of clients: now as the client, which sees only its own ID.
      const list = await ui.tryItOut('GET', '/api/v7.1/Clients')
      const listed = await ui.execute(list)
      expect(listed.status).toBe(200)
      expect(sent(guard, 'GET', '/api/v7.1/Clients').headers.authorization).toBe(`Bearer ${clientTokens.access_token}`)
      expect(JSON.parse(listed.body)).toEqual([client.client_id])

      // Using the refresh token saved at the first step.
      await ui.fillForm(token, { grant_type: 'refresh_token', refresh_token: user.refresh_token })
      const refresh = await ui.execute(token)
      expect(refresh.status).toBe(200)
      expect(form(sent(guard, 'POST', '/api/token'))).toEqual({ grant_type: 'refresh_token', refresh_token: user.refresh_token })
      const renewed = JSON.parse(refresh.body) as TokenBody
      expect(renewed.access_token).not.toBe(user.access_token)

      // Deleting the client via the clientId field.
      const remove = await ui.tryItOut('DELETE', '/api/v7.1/Clients')
      await ui.fillParameter(remove, 'clientId', client.client_id)
      expect(await ui.execute(remove)).toEqual({ status: 204, body: '' })
      const deletion = sent(guard, 'DELETE', '/api/v7.1/Clients')
      expect(new URL(deletion.url).searchParams.get('clientId')).toBe(client.client_id)
      expect(deletion.headers.authorization).toBe(`Bearer ${renewed.access_token}`)

      // Logging out: DELETE /api/token answers 204 and the page forgets the token.
      const logout = await ui.tryItOut('DELETE', '/api/token')
      expect(await ui.execute(logout)).toEqual({ status: 204, body: '' })
      expect(sent(guard, 'DELETE', '/api/token').headers.authorization).toBe(`Bearer ${renewed.access_token}`)
      expect(await ui.authorized()).toBe(false)
    })
  }, TIMEOUT)

  it('vao-3: accounts shown; password as DOMAIN\\USERNAME, create client, client_credentials token', async () => {
    await walk('vao-3', 'vao-3-walkthrough', async ({ ui, guard }) => {
      await expectIntroduction(ui, 'vao-3')
      const token = await ui.tryItOut('POST', '/token')
      await ui.fillForm(token, { grant_type: 'password', ...VAO_ADMIN })
      const login = await ui.execute(token)
      expect(login.status).toBe(200)
      expect(form(sent(guard, 'POST', '/token'))).toEqual({ grant_type: 'password', ...VAO_ADMIN })
      const user = JSON.parse(login.body) as TokenBody

      const create = await ui.tryItOut('POST', '/api/v3/Clients')
      const created = await ui.execute(create)
      expect(created.status).toBe(200)
      expect(sent(guard, 'POST', '/api/v3/Clients').headers.authorization).toBe(`Bearer ${user.access_token}`)
      const client = JSON.parse(created.body) as { client_id: string; client_secret: string }

      await ui.fillForm(token, { grant_type: 'client_credentials', ...client })
      const clientLogin = await ui.execute(token)
      expect(clientLogin.status).toBe(200)
      expect(form(sent(guard, 'POST', '/token'))).toEqual({ grant_type: 'client_credentials', ...client })
      expect(JSON.parse(clientLogin.body)).toMatchObject({ token_type: 'bearer', expires_in: expect.any(Number) })
    })
  }, TIMEOUT)

  it('vac-2: accounts shown; password (default grant), refresh, GET /v2/tenants validates the token, POST /accounts/logout shows 200 and the message', async () => {
    await walk('vac-2', 'vac-2-walkthrough', async ({ ui, guard }) => {
      await expectIntroduction(ui, 'vac-2')
      const token = await ui.tryItOut('POST', '/token')
      expect(await ui.selectedGrant(token)).toBe('password')
      await ui.fillForm(token, VAC_ADMIN)
      const login = await ui.execute(token)
      expect(login.status).toBe(200)
      expect(form(sent(guard, 'POST', '/token'))).toEqual({ grant_type: 'password', ...VAC_ADMIN })
      const user = JSON.parse(login.body) as TokenBody

      await ui.fillForm(token, { grant_type: 'refresh_token', refresh_token: user.refresh_token })
      const refresh = await ui.execute(token)
      expect(refresh.status).toBe(200)
      expect(form(sent(guard, 'POST', '/token'))).toEqual({ grant_type: 'refresh_token', refresh_token: user.refresh_token })
      const renewed = JSON.parse(refresh.body) as TokenBody

      // "To validate the access token": vac-2's default stub, listed under Stubs, called with the token.
      const tenants = await ui.tryItOut('GET', '/v2/tenants')
      const validated = await ui.execute(tenants)
      expect([validated.status, JSON.parse(validated.body)]).toEqual([200, []])
      expect(sent(guard, 'GET', '/v2/tenants').headers.authorization).toBe(`Bearer ${renewed.access_token}`)

      const logout = await ui.tryItOut('POST', '/accounts/logout')
      const out = await ui.execute(logout)
      expect(out.status).toBe(200)
      expect(JSON.parse(out.body)).toBe('You have been logged out.')
      expect(sent(guard, 'POST', '/accounts/logout').headers.authorization).toBe(`Bearer ${renewed.access_token}`)
      expect(await ui.authorized()).toBe(false)
    })
  }, TIMEOUT)

  it('vbr-12: x-api-version pre-filled with 1.1-rev0 on every operation; password, serverInfo with the token, logout 200 {}', async () => {
    await walk('vbr-12', 'vbr-12-walkthrough', async ({ ui, guard }) => {
      await expectIntroduction(ui, 'vbr-12')
      const token = await ui.tryItOut('POST', '/api/oauth2/token')
      expect(await ui.parameterValue(token, 'x-api-version')).toBe('1.1-rev0')
      expect(await ui.selectedGrant(token)).toBe('password')
      await ui.fillForm(token, { username: 'administrator', password: PASSWORD })
      const login = await ui.execute(token)
      expect(login.status).toBe(200)
      const tokenRequest = sent(guard, 'POST', '/api/oauth2/token')
      expect(tokenRequest.headers['x-api-version']).toBe('1.1-rev0')
      expect(form(tokenRequest)).toEqual({ grant_type: 'password', username: 'administrator', password: PASSWORD })
      const user = JSON.parse(login.body) as TokenBody & Record<string, string>
      expect(Object.keys(user)).toEqual(['access_token', 'token_type', 'refresh_token', 'expires_in', '.issued', '.expires'])

      const info = await ui.tryItOut('GET', '/api/v1/serverInfo')
      expect(await ui.parameterValue(info, 'x-api-version')).toBe('1.1-rev0')
      const read = await ui.execute(info)
      expect([read.status, (JSON.parse(read.body) as { buildVersion: string }).buildVersion]).toEqual([200, '12.0.0.1420'])
      expect(sent(guard, 'GET', '/api/v1/serverInfo').headers.authorization).toBe(`Bearer ${user.access_token}`)

      const logout = await ui.tryItOut('POST', '/api/oauth2/logout')
      const out = await ui.execute(logout)
      expect([out.status, JSON.parse(out.body)]).toEqual([200, {}])
      expect(await ui.authorized()).toBe(false)
    })
  }, TIMEOUT)

  it("vro-7.1 with a vendor document (--openapi): the document's operations are listed beside the profile's and answer with the token applied", async () => {
    await walk(
      'vro-7.1',
      'vro-7.1-vendor-document',
      async ({ ui, guard }) => {
        const token = await ui.tryItOut('POST', '/api/token')
        await ui.fillForm(token, { grant_type: 'password', ...VRO_ADMIN })
        const user = JSON.parse((await ui.execute(token)).body) as TokenBody
        expect(await ui.authorized()).toBe(true)
        const jobs = await ui.tryItOut('GET', '/api/v1/jobs')
        const listed = await ui.execute(jobs)
        expect(listed.status).toBe(200)
        const body = JSON.parse(listed.body) as { data: unknown[]; pagination: { total: number } }
        expect(body.data.length).toBeGreaterThan(0)
        const request = sent(guard, 'GET', '/api/v1/jobs')
        expect([request.headers.authorization, request.headers['x-api-version']]).toEqual([`Bearer ${user.access_token}`, '1.0-rev0'])
      },
      { openapi: [exampleDocument()] },
    )
  }, TIMEOUT)

  it("vro-7.1 in a tenant (--tenants): /t/ui-1/swagger logs in, calls Clients and logs out in that tenant, whose token the default tenant refuses", async () => {
    await walk(
      'vro-7.1',
      'vro-7.1-tenant',
      async ({ ui, guard, url }) => {
        const token = await ui.tryItOut('POST', '/api/token')
        await ui.fillForm(token, { grant_type: 'password', ...VRO_ADMIN })
        const login = await ui.execute(token)
        expect(login.status).toBe(200)
        expect(form(sent(guard, 'POST', '/t/ui-1/api/token'))).toEqual({ grant_type: 'password', ...VRO_ADMIN })
        const user = JSON.parse(login.body) as TokenBody
        expect(await ui.authorized()).toBe(true)
        const list = await ui.tryItOut('GET', '/api/v7.1/Clients')
        expect((await ui.execute(list)).status).toBe(200)
        expect(sent(guard, 'GET', '/t/ui-1/api/v7.1/Clients').headers.authorization).toBe(`Bearer ${user.access_token}`)
        const elsewhere = await fetch(`${url}/api/v7.1/Clients`, { headers: { authorization: `Bearer ${user.access_token}` } })
        expect(elsewhere.status).toBe(401)
        const logout = await ui.tryItOut('DELETE', '/api/token')
        expect(await ui.execute(logout)).toEqual({ status: 204, body: '' })
        expect(await ui.authorized()).toBe(false)
      },
      { tenants: true },
      '/t/ui-1',
    )
  }, TIMEOUT)

  it('vspc-9.2: x-client-version 3.6.2 pre-filled; password, GET /api/v3/users/me shows the caller, DELETE /api/v3/users/{userUid}/tokens 200 {"data":true} forgets the token', async () => {
    await walk('vspc-9.2', 'vspc-9.2-walkthrough', async ({ ui, guard, url }) => {
      await expectIntroduction(ui, 'vspc-9.2')
      const { body: user, request } = await passwordLogin<TokenBody & { mfa_token: null }>({ ui, guard }, '/api/v3/token', VSPC_ADMIN)
      expect(request.headers['x-client-version']).toBe('3.6.2')
      expect(user).toMatchObject({ token_type: 'bearer', expires_in: 3600, mfa_token: null })

      // The current user, with the token applied: the record carries the caller's name and the userUid to revoke.
      const me = await ui.tryItOut('GET', '/api/v3/users/me')
      const read = await ui.execute(me)
      expect(read.status).toBe(200)
      const record = (JSON.parse(read.body) as { data: { instanceUid: string; userName: string; role: string } }).data
      expect([record.userName, record.role]).toEqual([VSPC_ADMIN.username, 'PortalAdministrator'])
      expect(sent(guard, 'GET', '/api/v3/users/me').headers.authorization).toBe(`Bearer ${user.access_token}`)

      // Revoking the user's tokens: the userUid read off the page goes into the path.
      const revokePath = `/api/v3/users/${record.instanceUid}/tokens`
      const revoke = await ui.tryItOut('DELETE', '/api/v3/users/{userUid}/tokens')
      await ui.fillParameter(revoke, 'userUid', record.instanceUid)
      const revoked = await ui.execute(revoke)
      expect([revoked.status, JSON.parse(revoked.body)]).toEqual([200, { data: true }])
      expect(sent(guard, 'DELETE', revokePath).headers.authorization).toBe(`Bearer ${user.access_token}`)
      expect(await ui.authorized()).toBe(false)
      const after = await fetch(`${url}/api/v3/users/me`, { headers: { authorization: `Bearer ${user.access_token}` } })
      expect(after.status).toBe(401)
    })
  }, TIMEOUT)

  it('vb365-8: password; the page copies the XSRF-TOKEN cookie into X-XSRF-TOKEN, so ServiceInstance answers 200; logout 204 forgets the token', async () => {
    await walk('vb365-8', 'vb365-8-walkthrough', async ({ ui, guard, url }) => {
      await expectIntroduction(ui, 'vb365-8')
      const user = (await passwordLogin({ ui, guard }, '/v8/token', VB365_ADMIN)).body
      expect(user).toMatchObject({ token_type: 'bearer', expires_in: 3599 })
      const cookie = (await ui.page.context().cookies(url)).find((c) => c.name === 'XSRF-TOKEN')
      expect(cookie?.value).toMatch(/.{16,}/)
      const xsrf = cookie!.value

      const instance = await ui.tryItOut('GET', '/v8/ServiceInstance')
      const read = await ui.execute(instance)
      expect([read.status, (JSON.parse(read.body) as { version: string }).version]).toEqual([200, '8.1.0.305'])
      const request = sent(guard, 'GET', '/v8/ServiceInstance')
      expect([request.headers.authorization, request.headers['x-xsrf-token']]).toEqual([`Bearer ${user.access_token}`, xsrf])
      // The header is what made it work: the same bearer and cookie without it are refused.
      const bare = await fetch(`${url}/v8/ServiceInstance`, { headers: { authorization: `Bearer ${user.access_token}`, cookie: `XSRF-TOKEN=${xsrf}` } })
      expect(bare.status).toBe(400)

      const logout = await ui.tryItOut('POST', '/v8/token/logout')
      expect(await ui.execute(logout)).toEqual({ status: 204, body: '' })
      const out = sent(guard, 'POST', '/v8/token/logout')
      expect([out.headers.authorization, out.headers['x-xsrf-token']]).toEqual([`Bearer ${user.access_token}`, xsrf])
      expect(await ui.authorized()).toBe(false)
      const after = await fetch(`${url}/v8/ServiceInstance`, {
        headers: { authorization: `Bearer ${user.access_token}`, cookie: `XSRF-TOKEN=${xsrf}`, 'x-xsrf-token': xsrf },
      })
      expect(after.status).toBe(401)
    })
  }, TIMEOUT)

  it('vone-13: password gives an HS256 JWT; GET /api/v2.3/about with the token answers 200; POST /api/revoke with the token 200 forgets it', async () => {
    await walk('vone-13', 'vone-13-walkthrough', async ({ ui, guard, url }) => {
      await expectIntroduction(ui, 'vone-13')
      const user = (await passwordLogin<TokenBody & { user_role: string }>({ ui, guard }, '/api/token', VONE_ADMIN)).body
      expect(user).toMatchObject({ token_type: 'Bearer', expires_in: 899, user_role: 'Admin' })
      const header = JSON.parse(Buffer.from(user.access_token.split('.')[0]!, 'base64url').toString('utf8')) as { alg: string }
      expect(header.alg).toBe('HS256')

      const about = await ui.tryItOut('GET', '/api/v2.3/about')
      const read = await ui.execute(about)
      expect([read.status, (JSON.parse(read.body) as { version: string }).version]).toEqual([200, '13.0.1.5848'])
      expect(sent(guard, 'GET', '/api/v2.3/about').headers.authorization).toBe(`Bearer ${user.access_token}`)

      // Logging out as the vendor's page does: the access token in the token field; only it is revoked.
      const revoke = await ui.tryItOut('POST', '/api/revoke')
      await ui.fillForm(revoke, { token: user.access_token })
      expect(await ui.execute(revoke)).toEqual({ status: 200, body: '' })
      const out = sent(guard, 'POST', '/api/revoke')
      expect([form(out), out.headers.authorization]).toEqual([{ token: user.access_token }, `Bearer ${user.access_token}`])
      expect(await ui.authorized()).toBe(false)
      const after = await fetch(`${url}/api/v2.3/about`, { headers: { authorization: `Bearer ${user.access_token}` } })
      expect(after.status).toBe(401)
    })
  }, TIMEOUT)
})
