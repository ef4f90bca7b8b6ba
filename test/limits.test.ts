/** @module Body limit (413, read no further than 64 KiB), unknown paths (404) and wrong methods (405 with Allow). */
import { request as httpRequest } from 'node:http'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.js'
import { listen, type RunningServer } from '../src/server/listen.js'
import { TOKEN_BODY_LIMIT } from '../src/routes/token.js'
import { FORM } from './support/snapshot.js'

const TOO_LARGE = { error: 'invalid_request', error_description: 'The request body exceeds 64 KiB.' }

/** Streams up to `maxBytes` of form body without a content-length; stops writing once the answer arrives. */
function chunkedUpload(url: string, maxBytes: number): Promise<{ status: number; body: string; sent: number }> {
  return new Promise((resolve, reject) => {
    let sent = 0
    let answered = false
    const req = httpRequest(`${url}/api/token`, { method: 'POST', headers: FORM }, (res) => {
      answered = true
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (chunk: string) => (body += chunk))
      res.on('end', () => {
        req.destroy()
        resolve({ status: res.statusCode ?? 0, body, sent })
      })
    })
    req.on('error', (error) => (answered ? undefined : reject(error)))
    const chunk = Buffer.alloc(64 * 1024, 'a')
    const pump = () => {
      while (!answered && sent < maxBytes) {
        sent += chunk.length
        if (!req.write(chunk)) return void req.once('drain', pump)
      }
      if (!answered) req.end()
    }
    req.write('grant_type=password&username=')
    pump()
  })
}

describe('limits and fallbacks', () => {
  let server: RunningServer
  beforeAll(async () => {
    server = await listen(createApp().fetch, { port: 0 })
  })
  afterAll(() => server.close())

  it('answers 413 with an RFC 6749 body for a body over 64 KiB with a content-length', async () => {
    const res = await fetch(`${server.url}/api/token`, {
      method: 'POST',
      headers: FORM,
      body: `grant_type=password&username=${'a'.repeat(TOKEN_BODY_LIMIT)}`,
    })
    expect(res.status).toBe(413)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(await res.json()).toEqual(TOO_LARGE)
  })

  it('still accepts a body just under the limit', async () => {
    const filler = 'a'.repeat(TOKEN_BODY_LIMIT - 100)
    const res = await fetch(`${server.url}/api/token`, {
      method: 'POST',
      headers: FORM,
      body: `grant_type=password&username=vdro%5Cadministrator&password=Password1&scope=${filler}`,
    })
    expect(res.status).toBe(200)
  })

  it('cuts off a chunked 100 MiB upload with no content-length: 413 long before the end', async () => {
    const hundredMiB = 100 * 1024 * 1024
    const { status, body, sent } = await chunkedUpload(server.url, hundredMiB)
    expect(status).toBe(413)
    expect(JSON.parse(body)).toEqual(TOO_LARGE)
    // Socket buffers hold a few MiB at most; had the server buffered the body, all 100 MiB would have gone.
    expect(sent).toBeLessThan(hundredMiB / 4)
  })

  it('answers 404 JSON for an unknown path', async () => {
    const res = await fetch(`${server.url}/api/nothing-here`)
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(await res.json()).toEqual({ message: 'No resource at /api/nothing-here.' })
  })

  it('answers 405 with Allow for a wrong method on a known path', async () => {
    const res = await fetch(`${server.url}/api/v7.1/Clients`, { method: 'PUT' })
    expect(res.status).toBe(405)
    expect(res.headers.get('allow')).toBe('POST, GET, DELETE')
    expect(await res.json()).toEqual({ message: 'Method PUT is not allowed here; use POST, GET, DELETE.' })
    const token = await fetch(`${server.url}/api/token`, { method: 'GET' })
    expect(token.status).toBe(405)
    expect(token.headers.get('allow')).toBe('POST, DELETE')
  })
})
