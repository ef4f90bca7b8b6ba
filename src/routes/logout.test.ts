import { describe, expect, it } from 'vitest'
import { createApp } from '../app.js'
import { bearer, clientLogin, CLIENTS_PATH, createClient, listClients, login, token, TOKEN_PATH } from '../../test/support/flows.js'

const logout = (app: ReturnType<typeof createApp>, headers: Record<string, string>) =>
  app.request(TOKEN_PATH, { method: 'DELETE', headers })

describe('DELETE /api/token (logout)', () => {
  it('answers 204 with no body; the access token is refused from then on', async () => {
    const app = createApp()
    const session = await login(app)
    const res = await logout(app, bearer(session.access_token))
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')
    expect((await listClients(app, session.access_token)).status).toBe(401)
    expect((await logout(app, bearer(session.access_token))).status).toBe(401)
  })

  it('revokes the refresh token issued with it', async () => {
    const app = createApp()
    const session = await login(app)
    await logout(app, bearer(session.access_token))
    const { res, body } = await token(app, { grant_type: 'refresh_token', refresh_token: session.refresh_token })
    expect([res.status, body.error]).toEqual([400, 'invalid_grant'])
  })

  it('leaves the other sessions of the same account valid', async () => {
    const app = createApp()
    const first = await login(app)
    const second = await login(app)
    await logout(app, bearer(first.access_token))
    expect((await listClients(app, second.access_token)).status).toBe(200)
    expect((await token(app, { grant_type: 'refresh_token', refresh_token: second.refresh_token })).res.status).toBe(200)
  })

  it('logs a client out without touching its account', async () => {
    const app = createApp()
    const user = await login(app)
    const client = await createClient(app, user.access_token)
    const session = await clientLogin(app, client)
    expect((await logout(app, bearer(session.access_token))).status).toBe(204)
    expect((await listClients(app, session.access_token)).status).toBe(401)
    expect((await listClients(app, user.access_token)).body).toEqual([client.client_id])
  })

  it('answers 401 without a valid token', async () => {
    const app = createApp()
    expect((await logout(app, {})).status).toBe(401)
    expect((await logout(app, bearer('nope'))).status).toBe(401)
  })
})

describe('paths and methods nobody serves', () => {
  it('answers 405 with Allow for a known path', async () => {
    const res = await createApp().request(CLIENTS_PATH, { method: 'PUT' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('POST, GET, DELETE')
  })

  it('answers 404 JSON for an unknown path', async () => {
    const res = await createApp().request('/api/v7.1/Plans')
    expect(res.status).toBe(404)
    expect(await res.json()).toEqual({ message: 'No resource at /api/v7.1/Plans.' })
  })
})
