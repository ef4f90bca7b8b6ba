/** @module A self-signed certificate for localhost, made once at start (never on the request path). */
import type { TlsPair } from './tls-pair.js'

/** The names the certificate is valid for. */
export const SELF_SIGNED_NAMES = ['localhost', '127.0.0.1', '::1'] as const

/**
 * A fresh RSA 2048 / SHA-256 certificate for localhost, 127.0.0.1 and ::1, valid for a year
 * (from an hour ago, so a client whose clock lags a little still accepts it).
 */
export async function selfSignedCertificate(): Promise<TlsPair> {
  const notBeforeDate = new Date(Date.now() - 3_600_000)
  const notAfterDate = new Date(notBeforeDate.getTime() + 365 * 86_400_000)
  // Loaded only when asked for: selfsigned brings node-forge, which costs every start about 175 ms.
  const { generate } = await import('selfsigned')
  const pems = await generate([{ name: 'commonName', value: 'localhost' }, { name: 'organizationName', value: 'veeam-auth-mock' }], {
    keyType: 'rsa',
    keySize: 2048,
    algorithm: 'sha256',
    notBeforeDate,
    notAfterDate,
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: [{ type: 2, value: 'localhost' }, { type: 7, ip: '127.0.0.1' }, { type: 7, ip: '::1' }] },
    ],
  })
  return { cert: pems.cert, key: pems.private }
}
