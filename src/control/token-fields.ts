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

/** Reads the fields of a token request without consuming its body; unreadable bodies give what the headers say. */
export async function peekTokenFields(request: Request): Promise<TokenFields> {
  const fields: TokenFields = {}
  const basic = basicClientId(request.headers.get('authorization'))
  if (basic !== undefined) fields.client_id = basic
  if (Number(request.headers.get('content-length') ?? 0) > PEEK_LIMIT) return fields
  const type = (request.headers.get('content-type') ?? '').toLowerCase()
  let get: (name: string) => unknown
  try {
    if (type.startsWith('multipart/form-data')) {
      const form = await request.clone().formData()
      get = (name) => form.get(name)
    } else {
      const params = new URLSearchParams(await request.clone().text())
      get = (name) => params.get(name)
    }
  } catch {
    return fields
  }
  const text = (name: string) => {
    const value = get(name)
    return typeof value === 'string' && value !== '' ? value : undefined
  }
  const grant = text('grant_type')
  const username = text('username')
  const clientId = text('client_id')
  const refresh = text('refresh_token')
  if (grant !== undefined) fields.grant_type = grant
  if (username !== undefined) fields.account = username
  if (clientId !== undefined) fields.client_id = clientId
  if (refresh !== undefined) fields.refresh_token = fingerprint(refresh)
  return fields
}
