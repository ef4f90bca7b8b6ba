/** @module A certificate and its private key (PEM): checked once before serving, so a bad pair fails at start. */
import { createPrivateKey, X509Certificate } from 'node:crypto'

export interface TlsPair {
  /** PEM certificate (a chain may follow it: leaf first). */
  cert: string
  /** PEM private key: kept in memory, never written or printed. */
  key: string
}

/** What is wrong with a pair; `part` says which half. */
export class TlsPairError extends Error {
  constructor(
    readonly part: 'cert' | 'key' | 'pair',
    message: string,
  ) {
    super(message)
  }
}

/** Parses the pair; throws TlsPairError if the certificate or key is not PEM or the key is not the certificate's. */
export function checkTlsPair(pair: TlsPair): X509Certificate {
  let certificate: X509Certificate
  try {
    certificate = new X509Certificate(pair.cert)
  } catch {
    throw new TlsPairError('cert', 'is not a PEM certificate')
  }
  let key
  try {
    key = createPrivateKey(pair.key)
  } catch {
    // The reason may quote key material; never repeat it.
    throw new TlsPairError('key', 'is not an unencrypted PEM private key')
  }
  if (!certificate.checkPrivateKey(key)) throw new TlsPairError('pair', 'the key does not match the certificate')
  return certificate
}
