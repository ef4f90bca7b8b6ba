import { Server } from 'node:net'
import { describe, expect, it, vi } from 'vitest'
import { httpsRequest, PASSWORD_GRANT } from '../test/support/https-client.js'
import { selfSignedCertificate } from './server/self-signed.js'
import { TlsPairError } from './server/tls-pair.js'
import { startMock } from './start-mock.js'

describe('startMock with tls', () => {
  it('tls: true serves https with a self-signed certificate that a client trusting mock.certificate accepts', async () => {
    const mock = await startMock({ tls: true })
    try {
      expect(mock.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
      expect(mock.certificate).toMatch(/^-----BEGIN CERTIFICATE-----/)
      const res = await httpsRequest(`${mock.url}/api/token`, { method: 'POST', body: PASSWORD_GRANT, ca: mock.certificate! })
      expect(res.status).toBe(200)
      await expect(httpsRequest(`${mock.url}/api/token`, { method: 'POST', body: PASSWORD_GRANT })).rejects.toThrow(/self[- ]signed/i)
    } finally {
      await mock.close()
    }
  }, 30_000)

  it('tls: {cert, key} serves that certificate', async () => {
    const pair = await selfSignedCertificate()
    const mock = await startMock({ tls: pair })
    try {
      expect(mock.certificate).toBe(pair.cert)
      expect((await httpsRequest(`${mock.url}/__control/health`, { ca: pair.cert })).status).toBe(200)
    } finally {
      await mock.close()
    }
  }, 30_000)

  it('refuses a key that is not the certificate\'s before listening', async () => {
    const [a, b] = await Promise.all([selfSignedCertificate(), selfSignedCertificate()])
    const listen = vi.spyOn(Server.prototype, 'listen')
    try {
      const error = await startMock({ tls: { cert: a.cert, key: b.key } }).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(TlsPairError)
      expect((error as TlsPairError).part).toBe('pair')
      expect(listen).not.toHaveBeenCalled()
    } finally {
      listen.mockRestore()
    }
  }, 30_000)
})
