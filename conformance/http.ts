/** @module HTTP for the suite: node:http(s) with per-request timeout and TLS options, plus a redacted curl line per request. */
import { request as httpRequest } from 'node:http'
import { request as httpsRequest } from 'node:https'

export interface HttpOptions {
  /** Per request, in milliseconds. */
  timeoutMs: number
  insecure: boolean
  /** PEM text to trust in addition to the system's roots. */
  ca?: string
}

/** A request parameter or header value; `placeholder` stands in for it in curl lines (a secret). */
export interface Value {
  value: string
  placeholder?: string
}

export interface Exchange {
  method: string
  path: string
  status: number
  headers: Record<string, string>
  text: string
  /** The parsed body, or undefined when it is empty or not JSON. */
  json: unknown
  curl: string
}

export interface RequestSpec {
  method: string
  path: string
  query?: Record<string, string>
  /** Form fields (application/x-www-form-urlencoded), in order; the same name may repeat. */
  form?: [string, Value][]
  /** A JSON body (the control API); shown as is in curl lines, so never a secret. */
  json?: unknown
  /** A bearer token; undefined sends no Authorization header. */
  bearer?: Value
  /** A raw Authorization header, for malformed ones. */
  authorization?: Value
  /** Headers beyond the defaults; `null` leaves a default header out (e.g. a missing x-api-version). */
  headers?: Record<string, string | null>
}

/** The target could not be reached (refused, DNS, TLS, timeout): the run cannot go on. */
export class TransportError extends Error {}

const quote = (text: string) => `'${text.replace(/'/g, `'\\''`)}'`

/**
 * One shell word: `literal` as it is, then the value, which is a placeholder variable ($NAME) the shell must
 * expand, so it goes in double quotes (single quotes would send "$NAME" itself), or else literal text.
 */
function word(literal: string, value?: Value): string {
  if (value === undefined) return quote(literal)
  if (value.placeholder === undefined) return quote(literal + value.value)
  return /^[^$`"\\!]*$/.test(literal) ? `"${literal}${value.placeholder}"` : `${quote(literal)}"${value.placeholder}"`
}

/** The request as a curl command a shell runs as it is, once the placeholders' variables are exported. */
export function curlLine(url: string, spec: RequestSpec, insecure: boolean, extra: Record<string, string> = {}): string {
  const parts = ['curl', '-sS', insecure ? '-k' : '', '-X', spec.method, quote(url)]
  for (const [name, value] of Object.entries(extra)) parts.push('-H', quote(`${name}: ${value}`))
  if (spec.bearer !== undefined) parts.push('-H', word('Authorization: Bearer ', spec.bearer))
  else if (spec.authorization !== undefined) parts.push('-H', word('Authorization: ', spec.authorization))
  for (const [name, value] of spec.form ?? []) parts.push('--data-urlencode', word(`${name}=`, value))
  if (spec.json !== undefined) parts.push('-H', quote('Content-Type: application/json'), '--data', quote(JSON.stringify(spec.json)))
  return parts.filter((part) => part !== '').join(' ')
}

/** Node's codes for a certificate it cannot verify: say how to get past it. */
function certificateHint(error: NodeJS.ErrnoException): string {
  return /CERT|SELF_SIGNED|LEAF_SIGNATURE|ISSUER/.test(error.code ?? '') ? ' (trust it with --ca FILE, or accept any certificate with --insecure)' : ''
}

/** `defaults`: headers every request carries (the spec's version header), unless a request leaves one out. */
export function createHttp(target: string, options: HttpOptions, defaults: Record<string, string> = {}) {
  const base = new URL(target)
  const secure = base.protocol === 'https:'
  return async function send(spec: RequestSpec): Promise<Exchange> {
    const url = new URL(base.pathname.replace(/\/$/, '') + spec.path, base)
    for (const [name, value] of Object.entries(spec.query ?? {})) url.searchParams.set(name, value)
    const extra: Record<string, string> = { ...defaults }
    for (const [name, value] of Object.entries(spec.headers ?? {})) {
      if (value === null) delete extra[name]
      else extra[name] = value
    }
    const headers: Record<string, string> = { accept: 'application/json', ...extra }
    const auth = spec.bearer !== undefined ? `Bearer ${spec.bearer.value}` : spec.authorization?.value
    if (auth !== undefined) headers['authorization'] = auth
    let body: string | undefined
    if (spec.form !== undefined) {
      body = new URLSearchParams(spec.form.map(([name, v]): [string, string] => [name, v.value])).toString()
      headers['content-type'] = 'application/x-www-form-urlencoded'
    } else if (spec.json !== undefined) {
      body = JSON.stringify(spec.json)
      headers['content-type'] = 'application/json'
    }
    const curl = curlLine(url.toString(), spec, options.insecure, extra)
    const send = secure ? httpsRequest : httpRequest
    const tls = secure ? { rejectUnauthorized: !options.insecure, ...(options.ca !== undefined && { ca: options.ca }) } : {}
    return new Promise<Exchange>((resolve, reject) => {
      const req = send(url, { method: spec.method, headers, ...tls }, (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('error', (error) => reject(new TransportError(`${spec.method} ${url.pathname}: ${error.message}`)))
        res.on('end', () => {
          clearTimeout(timer)
          const text = Buffer.concat(chunks).toString('utf8')
          let json: unknown
          try {
            json = text === '' ? undefined : JSON.parse(text)
          } catch {
            json = undefined
          }
          const flat: Record<string, string> = {}
          for (const [name, value] of Object.entries(res.headers)) flat[name] = Array.isArray(value) ? value.join(', ') : value ?? ''
          resolve({ method: spec.method, path: url.pathname, status: res.statusCode ?? 0, headers: flat, text, json, curl })
        })
      })
      const timer = setTimeout(() => {
        req.destroy(new Error(`no answer within ${options.timeoutMs / 1000}s`))
      }, options.timeoutMs)
      req.on('error', (error: NodeJS.ErrnoException) => {
        clearTimeout(timer)
        reject(new TransportError(`${spec.method} ${url.origin}${url.pathname}: ${error.code ?? ''} ${error.message}${certificateHint(error)}`.replace(/ +/g, ' ')))
      })
      req.end(body)
    })
  }
}

export type Http = ReturnType<typeof createHttp>
