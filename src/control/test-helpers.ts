/** @module Shared steps of the harness tests: tokens, bearer calls and control calls against an app or a URL. */

type Fetch = (path: string, init?: RequestInit) => Promise<Response>

const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const JSON_TYPE = { 'content-type': 'application/json' }

export interface Tokens {
  access_token: string
  refresh_token: string
  expires_in: number
}

/** Test steps bound to one way of sending requests (`app.request` or fetch against a URL). */
export function steps(send: Fetch) {
  const token = (body: string, headers: Record<string, string> = {}) =>
    send('/api/token', { method: 'POST', headers: { ...FORM, ...headers }, body })
  return {
    token,
    password: (username = 'vdro\\administrator', password = 'Password1') =>
      token(`grant_type=password&username=${encodeURIComponent(username)}&password=${encodeURIComponent(password)}`),
    refresh: (refreshToken: string) => token(`grant_type=refresh_token&refresh_token=${encodeURIComponent(refreshToken)}`),
    clients: (accessToken: string, method = 'GET') =>
      send('/api/v7.1/Clients', { method, headers: { authorization: `Bearer ${accessToken}` } }),
    control: (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) =>
      send(`/__control${path}`, {
        method,
        headers: { ...(body === undefined ? {} : JSON_TYPE), ...headers },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  }
}

/** Steps against an app in-process. */
export const appSteps = (app: { request(path: string, init?: RequestInit): Response | Promise<Response> }) =>
  steps(async (path, init) => app.request(path, init))

/** Steps against a served mock. */
export const urlSteps = (url: string) => steps((path, init) => fetch(`${url}${path}`, init))
