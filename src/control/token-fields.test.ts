import { describe, expect, it } from 'vitest'
import { createMock } from '../create-mock.js'
import { fingerprint } from './fingerprint.js'
import { peekTokenFields } from './token-fields.js'

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://mock/api/token', { method: 'POST', headers, body })

describe('peekTokenFields', () => {
  it('reads a body of known length once and hands on a stand-in with the same bytes', async () => {
    const body = 'grant_type=refresh_token&refresh_token=abc'
    const request = post(body, { 'content-type': 'application/x-www-form-urlencoded', 'content-length': String(body.length) })
    const peeked = await peekTokenFields(request)
    expect(peeked.request).not.toBe(request)
    expect(peeked.fields).toEqual({ grant_type: 'refresh_token', refresh_token: fingerprint('abc') })
    expect(await peeked.request.text()).toBe('grant_type=refresh_token&refresh_token=abc')
    expect(peeked.request.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
  })

  it('reads a body of unknown length from a clone, leaving the original readable', async () => {
    const stream = new Blob(['grant_type=password&username=u']).stream()
    const request = new Request('http://mock/api/token', { method: 'POST', body: stream, duplex: 'half' } as RequestInit)
    const peeked = await peekTokenFields(request)
    expect(peeked.fields).toEqual({ grant_type: 'password', account: 'u' })
    expect(peeked.request).toBe(request)
    expect(await request.text()).toBe('grant_type=password&username=u')
  })

  it('reads multipart fields', async () => {
    const form = new FormData()
    form.set('grant_type', 'password')
    form.set('username', 'vdro\\viewer')
    form.set('password', 'secret')
    const request = new Request('http://mock/api/token', { method: 'POST', body: form })
    expect((await peekTokenFields(request)).fields).toEqual({ grant_type: 'password', account: 'vdro\\viewer' })
  })

  it('takes the client id from HTTP Basic, never the secret', async () => {
    const basic = Buffer.from('my%20client:s3cret').toString('base64')
    const { fields } = await peekTokenFields(post('grant_type=client_credentials', { authorization: `Basic ${basic}` }))
    expect(fields).toEqual({ client_id: 'my client', grant_type: 'client_credentials' })
  })

  it('does not read a body over 64 KiB', async () => {
    const { fields } = await peekTokenFields(post(`grant_type=password&x=${'a'.repeat(70_000)}`))
    expect(fields).toEqual({})
  })
})

describe('token endpoint with the harness on', () => {
  it('still refuses an oversized body with 413, and journals it', async () => {
    const { app, harness } = createMock({ control: true })
    const res = await app.request('/api/token', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: `grant_type=password&x=${'a'.repeat(70_000)}`,
    })
    expect(res.status).toBe(413)
    expect(harness!.journal.list()).toMatchObject([{ status: 413, operation: 'issueToken' }])
  })
})
