/** @module Assumption outcomes as profile data: a profile file that changes one changes the mock's answer and its document; defaults are today's answers; quirks change them; bad values are refused. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createMock } from '../create-mock.js'
import { openApiDocument } from '../docs/openapi-document.js'
import { PROFILES } from '../profiles/index.js'
import { parseProfileFile } from '../profiles/profile-file.js'
import { bearer, clientLogin, CLIENTS_PATH, createClient, login, token } from '../../test/support/flows.js'
import { DEFAULT_OUTCOMES, outcomesOf, QUIRK_OUTCOMES } from './outcomes.js'
import { QUIRKS, type QuirkName } from './quirks.js'

const CHANGED = {
  'client-create-forbidden-403': 409,
  'client-delete-other-403': 404,
  'unknown-client-404': 410,
  'missing-client-id-400': 422,
  'refresh-rotation': false,
  'logout-revokes-refresh': false,
} as const

function mockWith(outcomes: Record<string, unknown>, quirks: QuirkName[] = []) {
  const { profile, accounts } = parseProfileFile({ extends: 'vro-7.1', outcomes }, 'test.json')
  return createMock({ profile, accounts, quirks })
}

describe('outcomes in a profile file', () => {
  it('change every answer they name: client refusals, refresh rotation, what logout revokes', async () => {
    const { app } = mockWith(CHANGED)
    const user = await login(app)
    const client = await clientLogin(app, await createClient(app, user.access_token))
    const sibling = await createClient(app, user.access_token)
    const asClient = { headers: bearer(client.access_token) }
    expect((await app.request(CLIENTS_PATH, { method: 'POST', ...asClient })).status).toBe(409)
    expect((await app.request(`${CLIENTS_PATH}?clientId=${sibling.client_id}`, { method: 'DELETE', ...asClient })).status).toBe(404)
    const asUser = { method: 'DELETE', headers: bearer(user.access_token) }
    const unknown = await app.request(`${CLIENTS_PATH}?clientId=${crypto.randomUUID()}`, asUser)
    expect(unknown.status).toBe(410)
    // The body is still the error model's.
    expect(Object.keys((await unknown.json()) as object)).toEqual(['message'])
    expect((await app.request(CLIENTS_PATH, asUser)).status).toBe(422)

    const refresh = (refreshToken: string) => token(app, { grant_type: 'refresh_token', refresh_token: refreshToken })
    const first = await login(app)
    expect((await refresh(first.refresh_token)).res.status).toBe(200)
    expect((await refresh(first.refresh_token)).res.status).toBe(200)

    const session = await login(app)
    expect((await app.request('/api/token', { method: 'DELETE', headers: bearer(session.access_token) })).status).toBe(204)
    expect((await app.request(CLIENTS_PATH, { headers: bearer(session.access_token) })).status).toBe(401)
    expect((await refresh(session.refresh_token)).res.status).toBe(200)
  })

  it('the defaults answer as before: 403, 404, 400, a used or logged-out refresh token refused', async () => {
    const { app } = mockWith({})
    const user = await login(app)
    const client = await clientLogin(app, await createClient(app, user.access_token))
    expect((await app.request(CLIENTS_PATH, { method: 'POST', headers: bearer(client.access_token) })).status).toBe(403)
    const asUser = { method: 'DELETE', headers: bearer(user.access_token) }
    expect((await app.request(`${CLIENTS_PATH}?clientId=${crypto.randomUUID()}`, asUser)).status).toBe(404)
    expect((await app.request(CLIENTS_PATH, asUser)).status).toBe(400)
    const first = await login(app)
    expect((await token(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token })).res.status).toBe(200)
    expect((await token(app, { grant_type: 'refresh_token', refresh_token: first.refresh_token })).res.status).toBe(400)
    const session = await login(app)
    await app.request('/api/token', { method: 'DELETE', headers: bearer(session.access_token) })
    expect((await token(app, { grant_type: 'refresh_token', refresh_token: session.refresh_token })).res.status).toBe(400)
  })

  it('the document promises them: resolved in x-veeam-auth-mock.outcomes, and each status documented on its route', () => {
    const mock = mockWith({ 'unknown-client-404': 400, 'client-create-forbidden-403': 409 })
    const doc = openApiDocument(mock.app, mock.state, { accounts: [], showPasswords: false }) as unknown as {
      paths: Record<string, Record<string, { responses: Record<string, { description: string }> }>>
      'x-veeam-auth-mock': { outcomes: unknown }
    }
    expect(doc['x-veeam-auth-mock'].outcomes).toEqual({ ...DEFAULT_OUTCOMES, 'unknown-client-404': 400, 'client-create-forbidden-403': 409 })
    const clients = doc.paths['/api/v7.1/Clients']!
    expect(Object.keys(clients['post']!.responses).sort()).toEqual(['200', '401', '409'])
    expect(Object.keys(clients['delete']!.responses).sort()).toEqual(['204', '400', '401', '403'])
    // Two refusals with one status share its entry.
    expect(clients['delete']!.responses['400']!.description).toBe('clientId is missing. Or: No such client account belongs to this user.')
  })

  it('a bad value is refused naming its JSON pointer', () => {
    const refused = (outcomes: Record<string, unknown>) => () => parseProfileFile({ extends: 'vro-7.1', outcomes }, 'f.json')
    expect(refused({ 'unknown-client-404': 200 })).toThrow('profile f.json: /outcomes/unknown-client-404: expected a 4xx status (400-499)')
    expect(refused({ 'unknown-client-404': 404.5 })).toThrow('profile f.json: /outcomes/unknown-client-404: expected a 4xx status (400-499)')
    expect(refused({ 'refresh-rotation': 'no' })).toThrow('profile f.json: /outcomes/refresh-rotation:')
    expect(refused({ 'unknown-client-4040': 404 })).toThrow('profile f.json: /outcomes/unknown-client-4040: unknown field')
  })
})

describe("a refusal's answer in a profile file (errors.refusals) on the orchestrators' RFC 6749 token errors", () => {
  it('changes the status and code of that refusal only, and the document lists the new status', async () => {
    const { profile, accounts } = parseProfileFile({ extends: 'vro-7.1', errors: { refusals: { 'account-not-allowed': { status: 403, code: 'unauthorized_client' } } } }, 't.json')
    const mock = createMock({ profile, accounts })
    const viewer = await token(mock.app, { grant_type: 'password', username: 'vdro\\viewer', password: 'Password1' })
    expect(viewer.res.status).toBe(403)
    expect(viewer.body).toEqual({ error: 'unauthorized_client', error_description: expect.stringContaining('may not use the REST API') })
    const wrong = await token(mock.app, { grant_type: 'password', username: 'vdro\\administrator', password: 'wrong' })
    expect([wrong.res.status, wrong.body['error']]).toEqual([400, 'invalid_grant'])
    const doc = openApiDocument(mock.app, mock.state, { accounts: [], showPasswords: false }) as unknown as { paths: Record<string, Record<string, { responses: object }>> }
    expect(Object.keys(doc.paths['/api/token']!['post']!.responses)).toContain('403')
  })
})

describe('defaults and quirks', () => {
  it('no built-in profile sets outcomes: each answers the defaults, the assumptions of the same ids', () => {
    for (const profile of PROFILES) expect(profile.outcomes, profile.id).toBeUndefined()
    const ids = new Set(PROFILES.flatMap((p) => p.assumptions.map((a) => a.id)))
    for (const key of Object.keys(DEFAULT_OUTCOMES)) expect(ids.has(key), key).toBe(true)
  })

  it('a quirk that answers an assumption otherwise overrides the profile file, and only its own outcome', () => {
    for (const [quirk, changes] of Object.entries(QUIRK_OUTCOMES) as [QuirkName, object][]) {
      expect(QUIRKS[quirk], quirk).toBeDefined()
      const mock = mockWith({ 'missing-client-id-400': 422 }, [quirk])
      expect(outcomesOf(mock.state)).toEqual({ ...DEFAULT_OUTCOMES, 'missing-client-id-400': 422, ...changes })
    }
  })
})

describe('docs/profiles.md', () => {
  it('its outcomes example loads and answers as the page says: 400 for an unknown client ID, a used refresh token refreshing again', async () => {
    const text = readFileSync(new URL('../../docs/profiles.md', import.meta.url), 'utf8')
    const block = /<!-- profile-file:outcomes -->\n```json\n([\s\S]*?)```/.exec(text)![1]!
    const { profile, accounts } = parseProfileFile(JSON.parse(block), 'docs/profiles.md')
    const { app } = createMock({ profile, accounts })
    const user = await login(app)
    expect((await app.request(`${CLIENTS_PATH}?clientId=${crypto.randomUUID()}`, { method: 'DELETE', headers: bearer(user.access_token) })).status).toBe(400)
    expect((await token(app, { grant_type: 'refresh_token', refresh_token: user.refresh_token })).res.status).toBe(200)
    expect((await token(app, { grant_type: 'refresh_token', refresh_token: user.refresh_token })).res.status).toBe(200)
  })
})
