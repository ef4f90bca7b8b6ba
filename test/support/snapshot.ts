/** @module Helpers shared by the hardening tests: a frozen clock, a state snapshot, a known-good login. */
import type { Clock } from '../../src/clock.js'
import { createMock, type Mock } from '../../src/create-mock.js'
import type { MockState } from '../../src/engine/mock-state.js'

/** Frozen time, so nothing expires while a property runs and a snapshot depends only on requests. */
export const frozenClock: Clock = { now: () => Date.UTC(2026, 0, 1) }

export const ADMIN_FORM = 'grant_type=password&username=vdro%5Cadministrator&password=Password1'
export const FORM = { 'content-type': 'application/x-www-form-urlencoded' }

export function frozenMock(): Mock {
  return createMock({ clock: frozenClock })
}

/** Everything a request could change: accounts, their clients, live sessions, and the token indexes. */
export function snapshot(state: MockState): string {
  const now = state.clock.now()
  const accounts = state.store.accounts().map((a) => ({
    id: a.id,
    name: `${a.domain}\\${a.name}`,
    disabled: a.disabled,
    clients: state.store.clientsOf(a.id).map((client) => client.id),
  }))
  const sessions = state.store.sessions(now).map((s) => [s.accessToken, s.refreshToken, s.accessExpiresAt])
  return JSON.stringify({ accounts, sessions, tokens: state.store.tokenCounts, clients: state.store.clientCount })
}

/** A password grant for the administrator; returns the token response body. */
export async function login(mock: Mock): Promise<{ access_token: string; refresh_token: string }> {
  const res = await mock.app.request('/api/token', { method: 'POST', headers: FORM, body: ADMIN_FORM })
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${await res.text()}`)
  return (await res.json()) as { access_token: string; refresh_token: string }
}
