/** @module A minimal https client for tests: node:https (fetch cannot take a CA), and the certificate a server presents. */
import { request } from 'node:https'
import { connect, type PeerCertificate } from 'node:tls'

export interface HttpsAnswer {
  status: number
  text: string
}

/** One request; `ca` is the PEM to trust (none: only the system's roots). */
export function httpsRequest(url: string, options: { method?: string; body?: string; ca?: string; insecure?: boolean } = {}): Promise<HttpsAnswer> {
  return new Promise((resolve, reject) => {
    const headers = options.body === undefined ? {} : { 'content-type': 'application/x-www-form-urlencoded' }
    const req = request(
      url,
      { method: options.method ?? 'GET', headers, ...(options.ca && { ca: options.ca }), rejectUnauthorized: options.insecure !== true, agent: false },
      (res) => {
        let text = ''
        res.setEncoding('utf8')
        res.on('data', (chunk) => (text += chunk))
        res.on('end', () => resolve({ status: res.statusCode ?? 0, text }))
      },
    )
    req.on('error', reject)
    req.end(options.body)
  })
}

/** The certificate the server at `url` presents (not verified: this is how a test compares fingerprints). */
export function peerCertificate(url: string): Promise<PeerCertificate> {
  const { hostname, port } = new URL(url)
  return new Promise((resolve, reject) => {
    const socket = connect({ host: hostname, port: Number(port), servername: 'localhost', rejectUnauthorized: false }, () => {
      const certificate = socket.getPeerCertificate()
      socket.end()
      resolve(certificate)
    })
    socket.on('error', reject)
  })
}

export const PASSWORD_GRANT = 'grant_type=password&username=vdro\\administrator&password=Password1'
