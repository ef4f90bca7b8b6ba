/** @module Test helpers: the seed walkthrough's requests against an in-process app. */
import type { Clock } from '../../src/clock.js'

export interface Requester {
  request(input: string, init?: RequestInit): Response | Promise<Response>
}

export const ADMIN = { username: 'vdro\\administrator', password: 'Password1' }
export const TOKEN_PATH = '/api/token'
export const CLIENTS_PATH = '/api/v7.1/Clients'

/** A clock that stands still until moved. */
export function manualClock(start = Date.UTC(2026, 10, 24, 12)): Clock & { advance(seconds: number): void } {
  let now = start
  return { now: () => now, advance: (seconds) => void (now += seconds * 1000) }
}

export function formPost(body: string | Record<string, string>, headers: Record<string, string> = {}): RequestInit {
  const text = typeof body === 'string' ? body : new URLSearchParams(body).toString()
  return { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body: text }
}

export const bearer = (token: string) => ({ authorization: `Bearer ${token}` })

export interface Tokens {
  access_token: string
  token_type: string
  expires_in: number
  refresh_token: string
}

export async function token(app: Requester, params: Record<string, string>, headers: Record<string, string> = {}) {
  const res = await app.request(TOKEN_PATH, formPost(params, headers))
  return { res, body: (await res.json()) as Record<string, unknown> }
}

/** Logs in with the password grant; fails the test if that does not answer 200. */
export async function login(app: Requester, account = ADMIN): Promise<Tokens> {
  const { res, body } = await token(app, { grant_type: 'password', ...account })
  if (res.status !== 200) throw new Error(`login failed: ${res.status} ${JSON.stringify(body)}`)
  return body as unknown as Tokens
}

export async function createClient(app: Requester, accessToken: string) {
  const res = await app.request(CLIENTS_PATH, { method: 'POST', headers: bearer(accessToken) })
  if (res.status !== 200) throw new Error(`create client failed: ${res.status}`)
  return (await res.json()) as { client_id: string; client_secret: string }
}

export async function clientLogin(app: Requester, client: { client_id: string; client_secret: string }): Promise<Tokens> {
  const { res, body } = await token(app, { grant_type: 'client_credentials', ...client })
  if (res.status !== 200) throw new Error(`client login failed: ${res.status} ${JSON.stringify(body)}`)
  return body as unknown as Tokens
}

export async function listClients(app: Requester, accessToken: string) {
  const res = await app.request(CLIENTS_PATH, { headers: bearer(accessToken) })
  return { status: res.status, body: (await res.json()) as unknown }
}

export async function deleteClient(app: Requester, accessToken: string, clientId: string) {
  const res = await app.request(`${CLIENTS_PATH}?clientId=${encodeURIComponent(clientId)}`, {
    method: 'DELETE',
    headers: bearer(accessToken),
  })
  return { status: res.status, text: await res.text() }
}
