import { describe, expect, it } from 'vitest'
import { createMock } from '../create-mock.js'
import { startMock } from '../start-mock.js'

const ORIGIN = { origin: 'http://dashboard.example:3000' }
const preflight = (method: string, headers = 'authorization, content-type') => ({
  method: 'OPTIONS',
  headers: { ...ORIGIN, 'access-control-request-method': method, 'access-control-request-headers': headers },
})
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const LOGIN = 'grant_type=password&username=vdro%5Cadministrator&password=Password1'

describe('cors: true', () => {
  const { app } = createMock({ cors: true, control: true })

  it.each([
    ['/api/token', 'POST'],
    ['/api/v7.1/Clients', 'GET'],
    ['/api/v7.1/Clients', 'DELETE'],
  ])('answers a preflight for %s %s with 204 and the Access-Control-Allow-* headers', async (path, method) => {
    const res = await app.request(path, preflight(method))
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('*')
    expect(res.headers.get('access-control-allow-methods')!.split(', ')).toContain(method)
    expect(res.headers.get('access-control-allow-headers')!.toLowerCase()).toContain('authorization')
    expect(res.headers.get('access-control-allow-headers')!.toLowerCase()).toContain('content-type')
  })

  it('adds Access-Control-Allow-Origin to answers, errors included, and exposes the bearer challenge', async () => {
    const token = await app.request('/api/token', { method: 'POST', headers: { ...FORM, ...ORIGIN }, body: LOGIN })
    expect(token.status).toBe(200)
    expect(token.headers.get('access-control-allow-origin')).toBe('*')
    const { access_token } = (await token.json()) as { access_token: string }
    const list = await app.request('/api/v7.1/Clients', { headers: { ...ORIGIN, authorization: `Bearer ${access_token}` } })
    expect(list.status).toBe(200)
    expect(list.headers.get('access-control-allow-origin')).toBe('*')
    const refused = await app.request('/api/v7.1/Clients', { headers: ORIGIN })
    expect(refused.status).toBe(401)
    expect(refused.headers.get('access-control-allow-origin')).toBe('*')
    expect(refused.headers.get('access-control-expose-headers')).toContain('WWW-Authenticate')
  })

  it('leaves the control API same-origin: no CORS headers on /__control, its preflight not answered', async () => {
    const res = await app.request('/__control/accounts', preflight('POST'))
    expect(res.status).not.toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    const health = await app.request('/__control/health', { headers: ORIGIN })
    expect(health.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('does not echo an oversized or odd Access-Control-Request-Headers', async () => {
    const res = await app.request('/api/token', preflight('POST', `x-a,${'b'.repeat(2000)}`))
    expect(res.headers.get('access-control-allow-headers')).toBe('Authorization, Content-Type, Accept')
  })
})

describe('cors off (the default)', () => {
  it('a preflight gets 405 and no answer carries CORS headers, as the vendor documents none', async () => {
    const { app } = createMock()
    const res = await app.request('/api/token', preflight('POST'))
    expect(res.status).toBe(405)
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    const token = await app.request('/api/token', { method: 'POST', headers: { ...FORM, ...ORIGIN }, body: LOGIN })
    expect(token.headers.get('access-control-allow-origin')).toBeNull()
  })
})

describe('startMock({ cors: true })', () => {
  it('answers a preflight over HTTP', async () => {
    const mock = await startMock({ cors: true })
    try {
      const res = await fetch(`${mock.url}/api/token`, preflight('POST'))
      expect(res.status).toBe(204)
      expect(res.headers.get('access-control-allow-origin')).toBe('*')
    } finally {
      await mock.close()
    }
  })
})
