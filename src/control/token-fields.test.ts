import { describe, expect, it } from 'vitest'
import { createMock } from '../engine/create-mock.js'
import { fingerprint } from './fingerprint.js'
import { peekTokenFields } from './token-fields.js'

const post = (body: string, headers: Record<string, string> = {}) =>
  new Request('http://mock/api/token', { method: 'POST', headers, body })

describe('peekTokenFields', () => {
  it('reads urlencoded fields and leaves the body readable', async () => {
    const request = post('grant_type=refresh_token&refresh_token=abc', { 'content-type': 'application/x-www-form-urlencoded' })
    expect(await peekTokenFields(request)).toEqual({ grant_type: 'refresh_token', refresh_token: fingerprint('abc') })
    expect(await request.text()).toBe('grant_type=refresh_token&refresh_token=abc')
  })

  it('reads multipart fields', async () => {
    const form = new FormData()
    form.set('grant_type', 'password')
    form.set('username', 'vdro\\viewer')
    form.set('password', 'secret')
    const request = new Request('http://mock/api/token', { method: 'POST', body: form })
    expect(await peekTokenFields(request)).toEqual({ grant_type: 'password', account: 'vdro\\viewer' })
  })

  it('takes the client id from HTTP Basic, never the secret', async () => {
    const basic = Buffer.from('my%20client:s3cret').toString('base64')
    const fields = await peekTokenFields(post('grant_type=client_credentials', { authorization: `Basic ${basic}` }))
    expect(fields).toEqual({ client_id: 'my client', grant_type: 'client_credentials' })
  })

  it('does not read a body over 64 KiB', async () => {
    const fields = await peekTokenFields(post(`grant_type=password&x=${'a'.repeat(70_000)}`))
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
