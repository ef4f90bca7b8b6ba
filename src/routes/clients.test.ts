import { describe, expect, it } from 'vitest'
import { createApp } from '../app.js'
import { createMock } from '../create-mock.js'
import { UNAUTHORIZED_TEXT } from '../oauth/errors.js'
import {
  bearer,
  clientLogin,
  CLIENTS_PATH,
  createClient,
  deleteClient,
  listClients,
  login,
  token,
} from '../../test/support/flows.js'

const PLAN_AUTHOR = { username: 'vdro\\planauthor', password: 'Password1' }

describe('POST /api/v7.1/Clients', () => {
  it('gives a user a lowercase GUID and a DPAPI-shaped secret that needs form encoding', async () => {
    const app = createApp()
    const res = await app.request(CLIENTS_PATH, { method: 'POST', headers: bearer((await login(app)).access_token) })
    expect(res.status).toBe(200)
    const body = (await res.json()) as Record<string, string>
    expect(Object.keys(body)).toEqual(['client_id', 'client_secret'])
    expect(body.client_id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
    expect(body.client_secret).toMatch(/^AQAAANCMnd8BFdERjHoAwE\/Cl\+sBAAAA[A-Za-z0-9+/]+={1,2}$/)
    expect(body.client_secret!.length).toBeGreaterThanOrEqual(230)
  })

  it('refuses a client with 403 and creates nothing ("Clients cannot create new client accounts")', async () => {
    const app = createApp()
    const user = await login(app)
    const client = await clientLogin(app, await createClient(app, user.access_token))
    const res = await app.request(CLIENTS_PATH, { method: 'POST', headers: bearer(client.access_token) })
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({ message: 'Clients cannot create new client accounts.' })
    expect((await listClients(app, user.access_token)).body).toHaveLength(1)
  })
})

describe('GET /api/v7.1/Clients', () => {
  it("lists exactly the user's clients, oldest first, as a bare array of IDs", async () => {
    const app = createApp()
    const admin = await login(app)
    const author = await login(app, PLAN_AUTHOR)
    const a = await createClient(app, admin.access_token)
    const b = await createClient(app, admin.access_token)
    await createClient(app, author.access_token)
    expect(await listClients(app, admin.access_token)).toEqual({ status: 200, body: [a.client_id, b.client_id] })
  })

  it('gives an empty array to a user without clients', async () => {
    const app = createApp()
    expect(await listClients(app, (await login(app)).access_token)).toEqual({ status: 200, body: [] })
  })

  it('shows a client only its own ID ("A client can get only its own client ID")', async () => {
    const app = createApp()
    const admin = await login(app)
    const a = await createClient(app, admin.access_token)
    await createClient(app, admin.access_token)
    const session = await clientLogin(app, a)
    expect(await listClients(app, session.access_token)).toEqual({ status: 200, body: [a.client_id] })
  })
})

describe('DELETE /api/v7.1/Clients?clientId=', () => {
  it('lets a user delete its client (204); the client is gone and its token and credentials stop at once', async () => {
    const app = createApp()
    const admin = await login(app)
    const client = await createClient(app, admin.access_token)
    const session = await clientLogin(app, client)
    expect(await deleteClient(app, admin.access_token, client.client_id)).toEqual({ status: 204, text: '' })
    expect((await listClients(app, admin.access_token)).body).toEqual([])
    expect((await listClients(app, session.access_token)).status).toBe(401)
    const relogin = await token(app, { grant_type: 'client_credentials', ...client })
    expect([relogin.res.status, relogin.body.error]).toEqual([400, 'invalid_client'])
    const refresh = await token(app, { grant_type: 'refresh_token', refresh_token: session.refresh_token })
    expect([refresh.res.status, refresh.body.error]).toEqual([400, 'invalid_grant'])
  })

  it('compares IDs case-insensitively', async () => {
    const app = createApp()
    const admin = await login(app)
    const client = await createClient(app, admin.access_token)
    expect((await deleteClient(app, admin.access_token, client.client_id.toUpperCase())).status).toBe(204)
  })

  it('lets a client delete itself (204), after which its token is refused', async () => {
    const app = createApp()
    const admin = await login(app)
    const client = await createClient(app, admin.access_token)
    const session = await clientLogin(app, client)
    expect((await deleteClient(app, session.access_token, client.client_id)).status).toBe(204)
    expect((await listClients(app, session.access_token)).status).toBe(401)
  })

  it('refuses a client deleting a sibling with 403, and the sibling survives', async () => {
    const app = createApp()
    const admin = await login(app)
    const a = await createClient(app, admin.access_token)
    const b = await createClient(app, admin.access_token)
    const session = await clientLogin(app, a)
    const res = await deleteClient(app, session.access_token, b.client_id)
    expect(res).toEqual({ status: 403, text: JSON.stringify({ message: 'A client can delete only its own client account.' }) })
    expect((await listClients(app, admin.access_token)).body).toEqual([a.client_id, b.client_id])
  })

  it("answers 404 for an unknown ID and for another user's client, which survives", async () => {
    const app = createApp()
    const admin = await login(app)
    const author = await login(app, PLAN_AUTHOR)
    const theirs = await createClient(app, author.access_token)
    const unknown = await deleteClient(app, admin.access_token, '00000000-0000-4000-8000-000000000000')
    expect(unknown).toEqual({
      status: 404,
      text: JSON.stringify({ message: 'No client account 00000000-0000-4000-8000-000000000000 belongs to this user.' }),
    })
    expect((await deleteClient(app, admin.access_token, theirs.client_id)).status).toBe(404)
    expect((await listClients(app, author.access_token)).body).toEqual([theirs.client_id])
  })

  it.each([
    ['missing', CLIENTS_PATH],
    ['empty', `${CLIENTS_PATH}?clientId=`],
  ])('answers 400 when clientId is %s', async (_, path) => {
    const app = createApp()
    const res = await app.request(path, { method: 'DELETE', headers: bearer((await login(app)).access_token) })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ message: 'The clientId query parameter is required.' })
  })
})

describe('clients inherit their user’s rights', () => {
  it('stops a client when its user loses the API role, and lets it work again when the role returns', async () => {
    const { app, state } = createMock()
    const admin = await login(app)
    const client = await createClient(app, admin.access_token)
    const session = await clientLogin(app, client)
    const account = state.store.findAccount('vdro', 'administrator')!
    account.role = 'Viewer'
    expect((await listClients(app, session.access_token)).status).toBe(401)
    const relogin = await token(app, { grant_type: 'client_credentials', ...client })
    expect([relogin.res.status, relogin.body.error]).toEqual([400, 'invalid_grant'])
    account.role = 'Plan Author'
    expect((await listClients(app, session.access_token)).status).toBe(200)
  })

  it('removes the clients of a removed user', async () => {
    const { app, state } = createMock()
    const admin = await login(app)
    const client = await createClient(app, admin.access_token)
    state.store.removeAccount(state.store.findAccount('vdro', 'administrator')!.id)
    const relogin = await token(app, { grant_type: 'client_credentials', ...client })
    expect(relogin.body.error).toBe('invalid_client')
  })
})

describe('bearer protection (RFC 6750)', () => {
  const documented = { message: UNAUTHORIZED_TEXT }
  it.each([
    ['no Authorization header', {}, 'Bearer'],
    ['a Basic header', { authorization: 'Basic dXNlcjpwYXNz' }, 'Bearer'],
    ['an empty bearer', { authorization: 'Bearer ' }, 'Bearer'],
    ['a random token', { authorization: 'Bearer 0G072fREAFX3G2hIOQYiCLxvx' }, 'Bearer error="invalid_token", error_description="The access token is unknown, expired or revoked."'],
    ['a token with spaces and quotes', { authorization: 'Bearer "a b"' }, 'Bearer error="invalid_token", error_description="The access token is unknown, expired or revoked."'],
  ])('answers 401 to %s with the documented text and the right challenge', async (_, headers, challenge) => {
    for (const method of ['GET', 'POST', 'DELETE']) {
      const res = await createApp().request(`${CLIENTS_PATH}?clientId=x`, { method, headers })
      expect(res.status).toBe(401)
      expect(res.headers.get('www-authenticate')).toBe(challenge)
      expect(await res.json()).toEqual(documented)
    }
  })

  it('accepts the scheme name in any case', async () => {
    const app = createApp()
    const { access_token } = await login(app)
    expect((await app.request(CLIENTS_PATH, { headers: { authorization: `bearer ${access_token}` } })).status).toBe(200)
  })
})
