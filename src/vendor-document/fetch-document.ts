/** @module Fetching a document from a URL once at start: http(s), --insecure / --ca as for the conformance suite, bounded. */
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'
import { DocumentError } from './document-error.js'

export interface FetchOptions {
  /** Accept any TLS certificate (a lab server's self-signed one). */
  insecure?: boolean
  /** PEM text to trust in addition to the system's roots. */
  ca?: string
  /** Default 30 s. */
  timeoutMs?: number
}

/** VSPC's document is 8 MB; this leaves room and still bounds memory. */
export const MAX_DOCUMENT_BYTES = 64 * 1024 * 1024
const MAX_REDIRECTS = 3

function certificateHint(error: NodeJS.ErrnoException): string {
  return /CERT|SELF_SIGNED|LEAF_SIGNATURE|ISSUER/.test(error.code ?? '') ? ' (trust it with --ca FILE, or accept any certificate with --insecure)' : ''
}

/** The body of `url`; throws DocumentError naming the URL (never its credentials). */
export function fetchDocument(url: URL, options: FetchOptions = {}, redirects = 0): Promise<string> {
  const shown = `${url.origin}${url.pathname}`
  const secure = url.protocol === 'https:'
  const send = secure ? httpsRequest : httpRequest
  const tls = secure ? { rejectUnauthorized: options.insecure !== true, ...(options.ca === undefined ? {} : { ca: options.ca }) } : {}
  const timeoutMs = options.timeoutMs ?? 30_000
  return new Promise((resolve, reject) => {
    const fail = (reason: string) => reject(new DocumentError(shown, '', reason))
    const req = send(url, { method: 'GET', headers: { accept: 'application/json, application/yaml;q=0.9, */*;q=0.5' }, ...tls }, (res) => {
      const status = res.statusCode ?? 0
      const location = res.headers.location
      if (status >= 300 && status < 400 && location !== undefined) {
        res.resume()
        clearTimeout(timer)
        if (redirects >= MAX_REDIRECTS) return fail(`more than ${MAX_REDIRECTS} redirects`)
        return resolve(fetchDocument(new URL(location, url), options, redirects + 1))
      }
      if (status !== 200) {
        res.resume()
        clearTimeout(timer)
        return fail(`answered ${status}, not 200`)
      }
      const chunks: Buffer[] = []
      let size = 0
      res.on('data', (chunk: Buffer) => {
        size += chunk.length
        if (size > MAX_DOCUMENT_BYTES) {
          req.destroy()
          return fail(`larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`)
        }
        chunks.push(chunk)
      })
      res.on('end', () => {
        clearTimeout(timer)
        resolve(Buffer.concat(chunks).toString('utf8'))
      })
      res.on('error', (error) => fail(`could not be read (${error.message})`))
    })
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${timeoutMs / 1000}s`)), timeoutMs)
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer)
      fail(`cannot be fetched (${[error.code, error.message].filter(Boolean).join(' ')})${certificateHint(error)}`)
    })
    req.end()
  })
}
