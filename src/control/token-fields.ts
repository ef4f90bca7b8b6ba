/** @module What a token request names (grant, user, client, refresh token), read from a clone so the handler still gets the body. */
import { fingerprint } from './fingerprint.js'

export interface TokenFields {
  grant_type?: string
  account?: string
  client_id?: string
  /** Fingerprint, never the token. */
  refresh_token?: string
}

/** Larger bodies are the handler's to refuse; the journal does not read them. */
const PEEK_LIMIT = 64 * 1024

function basicClientId(authorization: string | null): string | undefined {
  if (authorization === null || !/^basic /i.test(authorization)) return undefined
  const decoded = Buffer.from(authorization.slice(6).trim(), 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon <= 0) return undefined
  try {
    return decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '))
  } catch {
    return undefined
  }
}

/** The body's bytes, or undefined once it passes PEEK_LIMIT (so a huge or endless body is never buffered here). */
async function readLimited(request: Request): Promise<Buffer | undefined> {
  if (Number(request.headers.get('content-length') ?? 0) > PEEK_LIMIT) return undefined
  if (request.body === null) return Buffer.alloc(0)
  const reader = request.body.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return Buffer.concat(chunks)
      size += value.byteLength
      if (size > PEEK_LIMIT) {
        // Not awaited: a tee branch's cancel settles only when the handler's branch is done too.
        reader.cancel().catch(() => {})
        return undefined
      }
      chunks.push(value)
    }
  } catch {
    return undefined
  }
}

/**
 * Reads the fields of a token request; unreadable bodies give what the headers say. With a known length
 * the body is read once and `request` is a stand-in holding the same bytes (cheaper than a tee); otherwise
 * a clone is read, at most 64 KiB, and `request` is the original.
 */
export async function peekTokenFields(original: Request): Promise<{ fields: TokenFields; request: Request }> {
  const fields = tokenFields(() => undefined, original.headers.get('authorization'))
  const length = original.headers.get('content-length')
  let request = original
  let bytes: Buffer | undefined
  if (length !== null && Number(length) <= PEEK_LIMIT && original.body !== null) {
    bytes = Buffer.from(await original.arrayBuffer())
    request = new Request(original.url, { method: original.method, headers: original.headers, body: bytes })
  } else {
    bytes = await readLimited(original.clone())
  }
  const result = { fields, request }
  if (bytes === undefined) return result
  let get: (name: string) => unknown
  try {
    const type = request.headers.get('content-type') ?? ''
    if (type.toLowerCase().startsWith('multipart/form-data')) {
      const form = await new Response(bytes, { headers: { 'content-type': type } }).formData()
      get = (name) => form.get(name)
    } else if (type.toLowerCase().startsWith('application/json') && bytes.subarray(0, 1).toString() === '{') {
      // A JSON object body (VB365); a form sent under this type (VAC 2's example) falls through to the form parser.
      const data = JSON.parse(bytes.toString('utf8')) as Record<string, unknown>
      get = (name) => (typeof data[name] === 'string' ? data[name] : undefined)
    } else {
      const params = new URLSearchParams(bytes.toString('utf8'))
      get = (name) => params.get(name)
    }
  } catch {
    return result
  }
  return { fields: tokenFields(get, original.headers.get('authorization')), request }
}

/**
 * The journal's view of a token request, from its parameters (`param`) and Authorization header: the grant,
 * the user name, the client ID (body or HTTP Basic) and a fingerprint of the refresh token.
 */
export function tokenFields(param: (name: string) => unknown, authorization: string | null | undefined): TokenFields {
  const fields: TokenFields = {}
  const basic = basicClientId(authorization ?? null)
  if (basic !== undefined) fields.client_id = basic
  const grant = text(param('grant_type'))
  const username = text(param('username'))
  const clientId = text(param('client_id'))
  const refresh = text(param('refresh_token'))
  if (grant !== undefined) fields.grant_type = grant
  if (username !== undefined) fields.account = username
  if (clientId !== undefined) fields.client_id = clientId
  if (refresh !== undefined) fields.refresh_token = fingerprint(refresh)
  return fields
}

/** A non-empty text field, or undefined (a missing field, an empty one or a file). */
function text(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined
}
