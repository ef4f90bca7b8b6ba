/** @module Property tests: Clients and logout under arbitrary methods, queries, bodies and Authorization headers. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ADMIN_FORM, FORM, frozenMock, login, snapshot } from './support/snapshot.js'

const headerText = fc.string({ maxLength: 60 }).filter((s) => /^[\x20-\x7e]*$/.test(s))

describe('Clients and logout under arbitrary input', () => {
  it('never answer 5xx; errors are JSON {message}; a refusal changes no state', async () => {
    const mock = frozenMock()
    const { access_token } = await login(mock)
    // One client to aim deletes at, owned by the administrator.
    const created = await mock.app.request('/api/v7.1/Clients', {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}` },
    })
    const { client_id } = (await created.json()) as { client_id: string }
    const authorization = fc.option(
      fc.oneof(
        headerText,
        headerText.map((s) => `Bearer ${s}`),
        headerText.map((s) => `Basic ${s}`),
        fc.constantFrom('Bearer', 'Bearer ', 'bearer  ', `Bearer ${access_token}x`, `Bearer ${access_token.slice(1)}`),
        fc.constantFrom(`Bearer ${access_token}`, `bearer ${access_token}`, `Bearer  ${access_token} `),
      ),
      { nil: undefined },
    )
    const clientId = fc.option(
      fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom('%', '%zz', '%00', '', client_id.toUpperCase(), `${client_id}x`, '00000000-0000-4000-8000-000000000000'),
      ),
      { nil: undefined },
    )
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'DELETE', 'PUT', 'PATCH', 'HEAD', 'OPTIONS'),
      path: fc.constantFrom('/api/v7.1/Clients', '/api/token', '/api/v7.1/clients', '/api/v7.1/Clients/'),
      clientId,
      rawQuery: fc.option(fc.constantFrom('clientId=%', 'clientId=%E0%A4%A', 'clientId&clientId', 'clientId[]=a'), {
        nil: undefined,
      }),
      authorization,
      body: fc.option(fc.oneof(fc.string({ maxLength: 200 }), fc.uint8Array({ maxLength: 100 })), { nil: undefined }),
    })
    await fc.assert(
      fc.asyncProperty(request, async ({ method, path, clientId, rawQuery, authorization, body }) => {
        const before = snapshot(mock.state)
        const query = rawQuery ?? (clientId === undefined ? '' : new URLSearchParams({ clientId }).toString())
        const headers: Record<string, string> = {}
        if (authorization !== undefined) headers.authorization = authorization
        const withBody = body !== undefined && method !== 'GET' && method !== 'HEAD'
        const res = await mock.app.request(`${path}${query === '' ? '' : `?${query}`}`, {
          method,
          headers,
          ...(withBody ? { body } : {}),
        })
        expect(res.status).toBeLessThan(500)
        if (res.status < 400) return
        expect(snapshot(mock.state)).toBe(before)
        if (method === 'HEAD') return
        expect(res.headers.get('content-type')).toMatch(/^application\/json/)
        const error = (await res.json()) as Record<string, unknown>
        if (path === '/api/token' && method === 'POST') expect(error).toHaveProperty('error')
        else expect(typeof error.message).toBe('string')
        if (res.status === 401) expect(res.headers.get('www-authenticate')).toMatch(/^Bearer/)
        if (res.status === 405) expect(res.headers.get('allow')).toBeTruthy()
      }),
      { numRuns: 300 },
    )
    const res = await mock.app.request('/api/token', { method: 'POST', headers: FORM, body: ADMIN_FORM })
    expect(res.status).toBe(200)
  })
})
