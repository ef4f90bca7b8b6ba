import { describe, expect, it } from 'vitest'
import { defaultFixtures } from '../accounts/fixtures.js'
import { fingerprint } from '../control/fingerprint.js'
import { sessionControl } from '../control/sessions.js'
import { createMock, type Mock } from '../create-mock.js'
import { fixtureBaseline, parseSnapshot, restoreSnapshot, takeSnapshot, type StateSnapshot } from './snapshot.js'

const NOW = Date.UTC(2026, 0, 1)
const clock = { now: () => NOW }
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const fixtures = defaultFixtures('vro-7.1')

const mockAt = () => createMock({ clock })
const snap = (mock: Mock, sessions = true) => takeSnapshot(mock.state, fixtureBaseline(mock.state, fixtures), { sessions })

async function token(mock: Mock, body: string) {
  const res = await mock.app.request('/api/token', { method: 'POST', headers: FORM, body })
  return { status: res.status, body: (await res.json()) as Record<string, string> }
}

const clients = (mock: Mock, access: string) =>
  mock.app.request('/api/v7.1/Clients', { headers: { authorization: `Bearer ${access}` } })

/** A mock with every kind of change: an added account, a re-roled and a deleted fixture, a client, sessions. */
async function changedMock() {
  const mock = mockAt()
  const { store } = mock.state
  store.addAccount({ domain: 'lab', name: 'ci', role: 'Plan Author', password: 'Ci-Password-1' })
  store.updateAccount(store.findAccount('vdro', 'planoperator')!.id, { role: 'Plan Author' })
  store.removeAccount(store.findAccount('vdro', 'viewer')!.id)
  const admin = await token(mock, 'username=vdro%5Cadministrator&password=Password1')
  const created = await mock.app.request('/api/v7.1/Clients', { method: 'POST', headers: { authorization: `Bearer ${admin.body['access_token']}` } })
  const client = (await created.json()) as { client_id: string; client_secret: string }
  const used = await token(mock, 'username=vdro%5Cplanauthor&password=Password1')
  const renewed = await token(mock, `grant_type=refresh_token&refresh_token=${encodeURIComponent(used.body['refresh_token']!)}`)
  return { mock, admin: admin.body, used: used.body, renewed: renewed.body, client }
}

describe('state snapshot', () => {
  it('of a fresh mock holds no accounts: the fixtures are not duplicated', () => {
    const { savedAt, ...rest } = snap(mockAt())
    expect(savedAt).toBe('2026-01-01T00:00:00.000Z')
    expect(rest).toEqual({ format: 'veeam-auth-mock-state', version: 1, profile: 'vro-7.1', accounts: [], removedAccounts: [], clients: [], sessions: [] })
    expect(snap(mockAt(), false)).not.toHaveProperty('sessions')
  })

  it('holds changed and removed accounts, clients and live tokens as SHA-256 only, never a secret in clear', async () => {
    const { mock, admin, used, renewed, client } = await changedMock()
    const snapshot = snap(mock)
    const SHA256 = expect.stringMatching(/^[0-9a-f]{64}$/)
    expect(snapshot.accounts.map((a) => [a.username, a.role, a.passwordSha256])).toEqual([
      ['vdro\\planoperator', 'Plan Author', SHA256],
      ['lab\\ci', 'Plan Author', SHA256],
    ])
    expect(snapshot.removedAccounts).toEqual(['vdro\\viewer'])
    expect(snapshot.clients).toEqual([{ clientId: client.client_id, owner: 'vdro\\administrator', secretSha256: expect.stringMatching(/^[0-9a-f]{64}$/) }])
    // The administrator's session, the used session (access only) and the refreshed one.
    expect(snapshot.sessions!.map((s) => [s.account, s.access !== undefined, s.refresh !== undefined])).toEqual([
      ['vdro\\administrator', true, true],
      ['vdro\\planauthor', true, false],
      ['vdro\\planauthor', true, true],
    ])
    for (const { access, refresh } of snapshot.sessions!) {
      for (const token of [access, refresh]) if (token !== undefined) expect(token.sha256).toEqual(SHA256)
    }
    const text = JSON.stringify(snapshot)
    const tokens = [admin, used, renewed].flatMap((t) => [t['access_token']!, t['refresh_token']!])
    for (const secret of ['Ci-Password-1', 'Password1', client.client_secret, ...tokens]) {
      expect(text).not.toContain(secret)
    }
  })

  it('restored into a fresh mock gives back the same state: logins, client credentials, tokens', async () => {
    const { mock, admin, used, client } = await changedMock()
    const text = JSON.stringify(snap(mock))
    const restored = mockAt()
    expect(restoreSnapshot(restored.state, parseSnapshot(text, 'vro-7.1'))).toEqual({ clients: 1, sessions: 3, skippedClients: 0, skippedSessions: 0 })
    expect(JSON.stringify(snap(restored))).toBe(text)

    expect((await token(restored, 'username=lab%5Cci&password=Ci-Password-1')).status).toBe(200)
    expect((await token(restored, 'username=vdro%5Cviewer&password=Password1')).status).toBe(400)
    const byClient = `grant_type=client_credentials&client_id=${client.client_id}&client_secret=${encodeURIComponent(client.client_secret)}`
    expect((await token(restored, byClient)).status).toBe(200)
    expect((await clients(restored, admin['access_token']!)).status).toBe(200)
    expect((await clients(restored, used['access_token']!)).status).toBe(200)
    const reuse = await token(restored, `grant_type=refresh_token&refresh_token=${encodeURIComponent(used['refresh_token']!)}`)
    expect(reuse.body['error']).toBe('invalid_grant')
    const refresh = await token(restored, `grant_type=refresh_token&refresh_token=${encodeURIComponent(admin['refresh_token']!)}`)
    expect(refresh.status).toBe(200)
    expect((await token(restored, `grant_type=refresh_token&refresh_token=${encodeURIComponent(admin['refresh_token']!)}`)).status).toBe(400)
  })

  it('a restored session is listed by its fingerprint and revoked by logout like any other', async () => {
    const { mock, admin } = await changedMock()
    const restored = mockAt()
    restoreSnapshot(restored.state, parseSnapshot(JSON.stringify(snap(mock)), 'vro-7.1'))
    const listed = sessionControl(restored.state).list().find((s) => s.id === fingerprint(admin['access_token']!))
    expect(listed).toMatchObject({ account: 'vdro\\administrator', refresh_token: fingerprint(admin['refresh_token']!) })
    const res = await restored.app.request('/api/token', { method: 'DELETE', headers: { authorization: `Bearer ${admin['access_token']}` } })
    expect(res.status).toBe(204)
    expect((await clients(restored, admin['access_token']!)).status).toBe(401)
    expect((await token(restored, `grant_type=refresh_token&refresh_token=${encodeURIComponent(admin['refresh_token']!)}`)).status).toBe(400)
  })

  it('a restored session saved with its refresh token only is listed and revoked by that fingerprint', async () => {
    const { mock, admin } = await changedMock()
    const snapshot = snap(mock)
    const { access: _, ...refreshOnly } = snapshot.sessions![0]!
    const restored = mockAt()
    restoreSnapshot(restored.state, { ...snapshot, sessions: [refreshOnly] })
    const control = sessionControl(restored.state)
    expect(control.list().map((s) => s.id)).toEqual([fingerprint(admin['refresh_token']!)])
    expect(control.revoke(fingerprint(admin['refresh_token']!))).toBe(true)
    expect((await token(restored, `grant_type=refresh_token&refresh_token=${encodeURIComponent(admin['refresh_token']!)}`)).status).toBe(400)
  })

  it('skips and counts clients and sessions whose account is gone', async () => {
    const { mock } = await changedMock()
    const snapshot: StateSnapshot = { ...snap(mock), removedAccounts: ['vdro\\administrator'] }
    const restored = mockAt()
    expect(restoreSnapshot(restored.state, snapshot)).toEqual({ clients: 0, sessions: 2, skippedClients: 1, skippedSessions: 1 })
  })

  it.each([
    ['{"format":"veeam-auth-mock-state","version":1', 'is not valid JSON (corrupt or truncated)'],
    ['[]', 'is not a veeam-auth-mock state file (no "format": "veeam-auth-mock-state")'],
    ['{"accounts":[{"username":"x","password":"y","role":"z"}]}', 'is not a veeam-auth-mock state file (no "format": "veeam-auth-mock-state")'],
    ['{"format":"veeam-auth-mock-state","version":2,"profile":"vro-7.1"}', 'has state format version 2; this veeam-auth-mock reads version 1'],
    ['{"format":"veeam-auth-mock-state","version":1,"profile":"vac-2"}', 'was written for profile "vac-2", not vro-7.1; use another --state file'],
    ['{"format":"veeam-auth-mock-state","version":1,"profile":"vro-7.1"}', 'is corrupt: savedAt: Invalid input: expected string, received undefined'],
  ])('refuses %s: %s', (text, message) => {
    expect(() => parseSnapshot(text, 'vro-7.1')).toThrow(message)
  })

  it('refuses an account whose password is not a SHA-256 digest', () => {
    const snapshot = { ...snap(mockAt()), accounts: [{ username: 'lab\\ci', role: 'Plan Author', disabled: false, passwordSha256: 'Password1' }] }
    expect(() => parseSnapshot(JSON.stringify(snapshot), 'vro-7.1')).toThrow('is corrupt: accounts.0.passwordSha256: must be 64 lowercase hex digits (a SHA-256)')
  })
})
