/** @module `serve --tls`, `--tls-cert/--tls-key` and `--tls-out` through the real CLI over real sockets. */
import { once } from 'node:events'
import { X509Certificate } from 'node:crypto'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { selfSignedCertificate } from '../src/server/self-signed.js'
import type { TlsPair } from '../src/server/tls-pair.js'
import { runCli, startCli } from './support/cli-process.js'
import { httpsRequest, PASSWORD_GRANT, peerCertificate } from './support/https-client.js'

const dir = mkdtempSync(join(tmpdir(), 'vam-tls-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

async function stop(child: Awaited<ReturnType<typeof startCli>>['child']) {
  child.kill('SIGTERM')
  const [code] = await once(child, 'exit')
  return code as number | null
}

describe('serve --tls', () => {
  it('serves https with a self-signed certificate whose printed SHA-256 fingerprint is the one the server presents', async () => {
    const { child, url, output } = await startCli(['--port', '0', '--tls'])
    try {
      expect(url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/)
      const printed = /TLS {9}self-signed for localhost, 127\.0\.0\.1, ::1; SHA-256 ((?:[0-9A-F]{2}:){31}[0-9A-F]{2})\n/.exec(output())?.[1]
      expect(printed).toBeDefined()
      const presented = await peerCertificate(url)
      expect(presented.fingerprint256).toBe(printed)
      expect(presented.subjectaltname).toBe('DNS:localhost, IP Address:127.0.0.1, IP Address:0:0:0:0:0:0:0:1')
      expect(output()).toContain(`Token       POST ${url}/api/token`)
      // Unknown to the system's roots: a client that trusts nothing extra refuses it.
      await expect(httpsRequest(`${url}/api/token`, { method: 'POST', body: PASSWORD_GRANT })).rejects.toThrow(/self[- ]signed/i)
      expect((await httpsRequest(`${url}/api/token`, { method: 'POST', body: PASSWORD_GRANT, insecure: true })).status).toBe(200)
    } finally {
      expect(await stop(child)).toBe(0)
    }
  }, 60_000)

  it('--tls-out writes only cert.pem, which https.request with ca: trusts; the ready record names it', async () => {
    const out = join(dir, 'trust')
    const { child, url, output } = await startCli(['--port', '0', '--tls', '--tls-out', out, '--log', 'json'])
    try {
      expect(readdirSync(out)).toEqual(['cert.pem'])
      const cert = readFileSync(join(out, 'cert.pem'), 'utf8')
      expect(cert).not.toContain('PRIVATE KEY')
      const record = JSON.parse(output().split('\n')[0]!)
      expect(record).toEqual({
        ready: true,
        url,
        profile: 'vro-7.1',
        pid: expect.any(Number),
        fingerprint256: new X509Certificate(cert).fingerprint256,
        certFile: join(out, 'cert.pem'),
      })
      const res = await httpsRequest(`${url}/api/token`, { method: 'POST', body: PASSWORD_GRANT, ca: cert })
      expect(res.status).toBe(200)
      expect(JSON.parse(res.text)).toMatchObject({ token_type: 'bearer' })
      // The name in the certificate is localhost too.
      const local = url.replace('127.0.0.1', 'localhost')
      expect((await httpsRequest(`${local}/__control/health`, { ca: cert })).status).toBe(200)
    } finally {
      await stop(child)
    }
  }, 60_000)
})

describe('serve --tls-cert --tls-key', () => {
  let pair: TlsPair
  let other: TlsPair
  const file = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name))
  beforeAll(async () => {
    ;[pair, other] = await Promise.all([selfSignedCertificate(), selfSignedCertificate()])
  })

  it('serves the given certificate, made at test time, and prints its fingerprint', async () => {
    const cert = file('given.pem', pair.cert)
    const key = file('given.key', pair.key)
    const { child, url, output } = await startCli(['--port', '0', '--tls-cert', cert, '--tls-key', key])
    try {
      const fingerprint = new X509Certificate(pair.cert).fingerprint256
      expect((await peerCertificate(url)).fingerprint256).toBe(fingerprint)
      expect(output()).toContain(`TLS         certificate ${cert}; SHA-256 ${fingerprint}`)
      expect(output()).not.toContain('PRIVATE KEY')
      expect((await httpsRequest(`${url}/api/token`, { method: 'POST', body: PASSWORD_GRANT, ca: pair.cert })).status).toBe(200)
    } finally {
      await stop(child)
    }
  }, 60_000)

  it.each([
    ['a certificate without its key', () => ['--tls-cert', file('c1.pem', pair.cert)], () => '--tls-cert needs --tls-key (the certificate\'s private key).'],
    ['a key without its certificate', () => ['--tls-key', file('k1.pem', pair.key)], () => '--tls-key needs --tls-cert (the certificate it belongs to).'],
    ['an unreadable certificate', () => ['--tls-cert', join(dir, 'missing.pem'), '--tls-key', file('k2.pem', pair.key)], () => `--tls-cert ${join(dir, 'missing.pem')} cannot be read (ENOENT).`],
    ['a certificate file that is no certificate', () => ['--tls-cert', file('junk.pem', 'hello'), '--tls-key', file('k3.pem', pair.key)], () => `--tls-cert ${join(dir, 'junk.pem')} is not a PEM certificate.`],
    ['a key file that is no key', () => ['--tls-cert', file('c4.pem', pair.cert), '--tls-key', file('junk.key', 'hello')], () => `--tls-key ${join(dir, 'junk.key')} is not an unencrypted PEM private key.`],
    ['a key that is not the certificate\'s', () => ['--tls-cert', file('c5.pem', pair.cert), '--tls-key', file('other.key', other.key)], () => `--tls-key ${join(dir, 'other.key')} does not match the certificate in --tls-cert ${join(dir, 'c5.pem')}.`],
    ['--tls-out under a missing directory', () => ['--tls', '--tls-out', join(dir, 'no', 'such')], () => `--tls-out ${join(dir, 'no', 'such')}: cannot write cert.pem (ENOENT).`],
    ['--tls-out without --tls', () => ['--tls-out', dir], () => '--tls-out writes the certificate made by --tls; add --tls (with --tls-cert you already have the file).'],
    ['--tls with --tls-cert', () => ['--tls', '--tls-cert', file('c6.pem', pair.cert), '--tls-key', file('k6.pem', pair.key)], () => '--tls makes its own certificate; give either --tls or --tls-cert with --tls-key, not both.'],
  ])('exits 2 with one line for %s', async (_name, args, line) => {
    const { code, stdout, stderr } = await runCli(['serve', '--port', '0', ...args()])
    expect(stderr).toBe(`veeam-auth-mock: ${line()}\n`)
    expect(code).toBe(2)
    expect(stdout).toBe('')
  }, 60_000)
})

describe('serve --help', () => {
  it('names the TLS and readiness flags', async () => {
    const { code, stdout } = await runCli(['serve', '--help'])
    expect(code).toBe(0)
    for (const flag of ['--tls ', '--tls-out DIR', '--tls-cert FILE', '--tls-key FILE', '--ready-file FILE', '/__control/health']) {
      expect(stdout).toContain(flag)
    }
  })
})
