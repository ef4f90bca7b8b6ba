/** @module Secrets at rest: the store keeps SHA-256 digests of client secrets and passwords, never the text. */
import { createHash } from 'node:crypto'
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { frozenMock, login } from './support/snapshot.js'

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest()

describe('secrets at rest', () => {
  it('a client secret is stored as its SHA-256 digest only, and carries over 1,200 random bits', async () => {
    const mock = frozenMock()
    const { access_token } = await login(mock)
    const res = await mock.app.request('/api/v7.1/Clients', {
      method: 'POST',
      headers: { authorization: `Bearer ${access_token}` },
    })
    const { client_id, client_secret } = (await res.json()) as { client_id: string; client_secret: string }
    const stored = mock.state.store.getClient(client_id)!
    expect(stored.secretHash.equals(sha256(client_secret))).toBe(true)
    expect(inspect(stored, { depth: 5 })).not.toContain(client_secret.slice(32, 64))
    // 240 base64 characters, of which the 208 after the fixed 32-character header are random: 1,232 bits.
    expect(client_secret).toHaveLength(240)
  })

  it('a password is stored as its SHA-256 digest only', () => {
    const mock = frozenMock()
    const account = mock.state.store.findAccount('vdro', 'administrator')!
    expect(account.passwordHash.equals(sha256('Password1'))).toBe(true)
    expect(inspect(mock.state.store.accounts(), { depth: 5 })).not.toContain('Password1')
  })
})
