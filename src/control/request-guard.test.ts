import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createMock } from '../create-mock.js'
import { startMock, type RunningMock } from '../start-mock.js'

const ACCOUNT = JSON.stringify({ username: 'lab\\page', password: 'p', role: 'Plan Author' })

/** A raw HTTP(S) request, so Host and Origin are exactly what a browser or a rebinding page would send. */
function raw(url: string, options: { method?: string; headers?: Record<string, string>; body?: string; ca?: string }) {
  const target = new URL(url)
  const send = target.protocol === 'https:' ? httpsRequest : httpRequest
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = send(target, { method: options.method ?? 'GET', headers: options.headers, ...(options.ca && { ca: options.ca }) }, (res) => {
      let body = ''
      res.setEncoding('utf8').on('data', (chunk: string) => (body += chunk))
      res.on('end', () => resolve({ status: res.statusCode!, body }))
    })
    req.on('error', reject)
    req.end(options.body)
  })
}

describe('the control API refuses what a web page could send', () => {
  const mock = createMock({ control: true })
  const created = () => mock.harness!.accounts.list().some((a) => a.username === 'lab\\page')

  it.each(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x'])(
    'a POST /__control/accounts with Content-Type %s (a CORS simple request): 415, no account',
    async (type) => {
      const res = await mock.app.request('/__control/accounts', { method: 'POST', headers: { 'content-type': type }, body: ACCOUNT })
      expect(res.status).toBe(415)
      expect(await res.json()).toEqual({ message: `A control request body must be Content-Type: application/json (got ${type}).` })
      expect(created()).toBe(false)
    },
  )

  it('a POST with a body and no Content-Type: 415', async () => {
    const res = await mock.app.request('/__control/clock', { method: 'POST', headers: { 'content-length': '14' }, body: new Uint8Array(Buffer.from('{"freeze":true}').subarray(0, 14)) })
    expect(res.status).toBe(415)
  })

  it('a request from a foreign Origin: 403, even a write without a body (reset)', async () => {
    mock.harness!.clock.freeze(true)
    const res = await mock.app.request('/__control/reset', { method: 'POST', headers: { origin: 'https://evil.example' } })
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({ message: 'The control API refuses cross-origin requests (Origin https://evil.example).' })
    expect(mock.harness!.clock.state().frozen).toBe(true)
    const json = await mock.app.request('/__control/accounts', { method: 'POST', headers: { 'content-type': 'application/json', origin: 'null' }, body: ACCOUNT })
    expect(json.status).toBe(403)
    expect(created()).toBe(false)
  })

  it('a Host that is not loopback (DNS rebinding): 403 naming the hosts it answers to', async () => {
    const res = await mock.app.request('http://rebind.example:9898/__control/accounts', { method: 'POST', headers: { 'content-type': 'application/json' }, body: ACCOUNT })
    expect(res.status).toBe(403)
    expect(await res.json()).toEqual({ message: 'The control API answers only to Host localhost, 127.0.0.1, [::1] (got rebind.example:9898).' })
    expect(created()).toBe(false)
    expect((await mock.app.request('http://rebind.example/__control/requests')).status).toBe(403)
  })

  it('still answers JSON writes from its own origin, and body-less writes without a Content-Type', async () => {
    const own = await mock.app.request('http://127.0.0.1:9898/__control/accounts', {
      method: 'POST',
      headers: { 'content-type': 'application/json; charset=utf-8', origin: 'http://127.0.0.1:9898' },
      body: ACCOUNT,
    })
    expect(own.status).toBe(201)
    expect((await mock.app.request('/__control/reset', { method: 'POST' })).status).toBe(200)
    expect((await mock.app.request('/__control/faults', { method: 'DELETE', headers: { 'content-length': '0' } })).status).toBe(204)
  })

  it('a non-loopback --host with a token answers to that host too, and no other', async () => {
    const remote = createMock({ control: { token: 'T', host: '10.1.2.3' } })
    const auth = { authorization: 'Bearer T' }
    expect((await remote.app.request('http://10.1.2.3:9898/__control/clock', { headers: auth })).status).toBe(200)
    expect((await remote.app.request('http://localhost:9898/__control/clock', { headers: auth })).status).toBe(200)
    const other = await remote.app.request('http://rebind.example/__control/clock', { headers: auth })
    expect(other.status).toBe(403)
    expect(await other.json()).toEqual({ message: 'The control API answers only to Host localhost, 127.0.0.1, [::1], 10.1.2.3 (got rebind.example).' })
    const any = createMock({ control: { token: 'T', host: '0.0.0.0' } })
    expect((await any.app.request('http://build-agent.internal/__control/clock', { headers: auth })).status).toBe(200)
  })
})

describe('over a socket', () => {
  let mock: RunningMock
  let tls: RunningMock
  beforeAll(async () => {
    ;[mock, tls] = await Promise.all([startMock(), startMock({ tls: true })])
  })
  afterAll(async () => {
    await Promise.all([mock.close(), tls.close()])
  })

  it('answers Host 127.0.0.1:PORT and localhost:PORT, refuses a spoofed Host', async () => {
    const port = new URL(mock.url).port
    expect((await raw(`${mock.url}/__control/clock`, {})).status).toBe(200)
    expect((await raw(`${mock.url}/__control/clock`, { headers: { host: `localhost:${port}` } })).status).toBe(200)
    expect((await raw(`${mock.url}/__control/clock`, { headers: { host: `[::1]:${port}` } })).status).toBe(200)
    const spoofed = await raw(`${mock.url}/__control/accounts`, { method: 'POST', headers: { host: `attacker.example:${port}`, 'content-type': 'application/json' }, body: ACCOUNT })
    expect(spoofed.status).toBe(403)
    expect(mock.accounts.list().some((a) => a.username === 'lab\\page')).toBe(false)
  })

  it('refuses a text/plain POST from a page on another origin, accepts its own origin over TLS', async () => {
    const page = await raw(`${mock.url}/__control/accounts`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: ACCOUNT })
    expect(page.status).toBe(415)
    const own = await raw(`${tls.url}/__control/accounts`, { method: 'POST', ca: tls.certificate!, headers: { origin: tls.url, 'content-type': 'application/json' }, body: ACCOUNT })
    expect(own.status).toBe(201)
    const foreign = await raw(`${tls.url}/__control/clock`, { ca: tls.certificate!, headers: { origin: mock.url } })
    expect(foreign.status).toBe(403)
  })
})
