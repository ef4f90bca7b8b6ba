/** @module The token endpoint's direct read of node's request: both form encodings and Basic work over a socket. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.js'
import { listen, type RunningServer } from '../src/server/listen.js'

describe('token requests over a real socket', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await listen(createApp().fetch, { port: 0 })
  })
  afterAll(() => server.close())

  it('accepts a multipart/form-data password grant', async () => {
    const form = new FormData()
    form.set('grant_type', 'password')
    form.set('username', 'vdro\\administrator')
    form.set('password', 'Password1')
    const res = await fetch(`${server.url}/api/token`, { method: 'POST', body: form })
    expect(res.status).toBe(200)
    expect(await res.json()).toMatchObject({ token_type: 'bearer', expires_in: 899 })
  })

  it('refuses a wrong content type with invalid_request, without reading the body', async () => {
    const res = await fetch(`${server.url}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({
      error: 'invalid_request',
      error_description:
        'Content-Type application/json is not accepted; send application/x-www-form-urlencoded or multipart/form-data.',
    })
  })

  it('answers 401 with a Basic challenge to a wrong client over HTTP Basic', async () => {
    const res = await fetch(`${server.url}/api/token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        authorization: `Basic ${Buffer.from('nobody:wrong').toString('base64')}`,
      },
      body: 'grant_type=client_credentials',
    })
    expect(res.status).toBe(401)
    expect(res.headers.get('www-authenticate')).toBe('Basic realm="token"')
    expect(await res.json()).toMatchObject({ error: 'invalid_client' })
  })
})
