/** @module The TLS flags of `serve`: --tls, --tls-cert/--tls-key, --tls-out; checked before anything listens. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { selfSignedCertificate, SELF_SIGNED_NAMES } from '../server/self-signed.js'
import { checkTlsPair, TlsPairError, type TlsPair } from '../server/tls-pair.js'
import { UsageError } from './usage-error.js'

export const TLS_FLAGS = {
  tls: { type: 'boolean' },
  'tls-cert': { type: 'string' },
  'tls-key': { type: 'string' },
  'tls-out': { type: 'string' },
} as const

export const TLS_HELP = `  --tls                 serve https with a self-signed certificate made at start for localhost, 127.0.0.1
                        and ::1; its SHA-256 fingerprint is printed
  --tls-out DIR         with --tls: write the certificate to DIR/cert.pem (DIR made if its parent exists) so
                        clients can trust it; the key is never written
  --tls-cert FILE       serve https with this PEM certificate (chain: leaf first) ...
  --tls-key FILE        ... and this unencrypted PEM private key (both or neither)`

export interface TlsFlagValues {
  tls?: boolean | undefined
  'tls-cert'?: string | undefined
  'tls-key'?: string | undefined
  'tls-out'?: string | undefined
}

/** What the flags ask for: a pair read from files (already checked) or a certificate to make at start. */
export type TlsRequest = { kind: 'files'; pair: TlsPair; certFile: string; fingerprint256: string } | { kind: 'self-signed'; outDir?: string }

/** A certificate ready to serve, with what the banner and the ready line say about it. */
export interface TlsSetup {
  pair: TlsPair
  fingerprint256: string
  /** Where it came from: `self-signed for ...` or the --tls-cert file. */
  source: string
  /** The certificate file a client can trust (--tls-out DIR/cert.pem or --tls-cert FILE). */
  certFile?: string
}

function readPem(file: string, flag: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`${flag} ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`)
  }
}

/** Checks the combination and reads the files; throws UsageError with one line. */
export function parseTlsFlags(values: TlsFlagValues): TlsRequest | undefined {
  const cert = values['tls-cert']
  const key = values['tls-key']
  const out = values['tls-out']
  if (values.tls === true && (cert !== undefined || key !== undefined)) {
    throw new UsageError('--tls makes its own certificate; give either --tls or --tls-cert with --tls-key, not both.')
  }
  if (out !== undefined && values.tls !== true) {
    throw new UsageError('--tls-out writes the certificate made by --tls; add --tls (with --tls-cert you already have the file).')
  }
  if (out === '') throw new UsageError('--tls-out needs a directory.')
  if (values.tls === true) return out === undefined ? { kind: 'self-signed' } : { kind: 'self-signed', outDir: out }
  if (cert === undefined && key === undefined) return undefined
  if (cert === undefined) throw new UsageError('--tls-key needs --tls-cert (the certificate it belongs to).')
  if (key === undefined) throw new UsageError('--tls-cert needs --tls-key (the certificate\'s private key).')
  const pair = { cert: readPem(cert, '--tls-cert'), key: readPem(key, '--tls-key') }
  let fingerprint256: string
  try {
    fingerprint256 = checkTlsPair(pair).fingerprint256
  } catch (error) {
    if (!(error instanceof TlsPairError)) throw error
    if (error.part === 'cert') throw new UsageError(`--tls-cert ${cert} ${error.message}.`)
    if (error.part === 'key') throw new UsageError(`--tls-key ${key} ${error.message}.`)
    throw new UsageError(`--tls-key ${key} does not match the certificate in --tls-cert ${cert}.`)
  }
  return { kind: 'files', pair, certFile: cert, fingerprint256 }
}

/** Makes the certificate (for --tls) and writes it to --tls-out; once, before listening. */
export async function prepareTls(request: TlsRequest): Promise<TlsSetup> {
  if (request.kind === 'files') {
    const { pair, certFile, fingerprint256 } = request
    return { pair, certFile, fingerprint256, source: `certificate ${certFile}` }
  }
  const pair = await selfSignedCertificate()
  const setup: TlsSetup = {
    pair,
    fingerprint256: checkTlsPair(pair).fingerprint256,
    source: `self-signed for ${SELF_SIGNED_NAMES.join(', ')}`,
  }
  if (request.outDir === undefined) return setup
  const certFile = join(request.outDir, 'cert.pem')
  try {
    // Not recursive: one level is enough, and node's recursive mkdir can spin on special file systems (/proc).
    if (!existsSync(request.outDir)) mkdirSync(request.outDir)
    writeFileSync(certFile, pair.cert)
  } catch (error) {
    throw new UsageError(`--tls-out ${request.outDir}: cannot write cert.pem (${(error as NodeJS.ErrnoException).code ?? 'error'}).`)
  }
  return { ...setup, certFile }
}
