/** @module Client authentication for client_credentials: body fields or HTTP Basic (RFC 6749 section 2.3.1), never both. */
import { invalidRequest } from './errors.js'
import type { TokenParams } from './token-params.js'

export interface ClientCredentials {
  clientId: string
  clientSecret: string
  usedBasic: boolean
}

/** application/x-www-form-urlencoded decoding of one Basic half, as RFC 6749 section 2.3.1 requires. */
function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '))
  } catch {
    throw invalidRequest('The Basic credentials are not validly form-encoded.')
  }
}

function fromBasic(header: string): { clientId: string; clientSecret: string } {
  const encoded = header.slice(6).trim()
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(encoded)) throw invalidRequest('The Basic credentials are not valid base64.')
  const decoded = Buffer.from(encoded, 'base64').toString('utf8')
  const colon = decoded.indexOf(':')
  if (colon === -1) throw invalidRequest('The Basic credentials need the form client_id:client_secret.')
  return { clientId: formDecode(decoded.slice(0, colon)), clientSecret: formDecode(decoded.slice(colon + 1)) }
}

/** The client's credentials from exactly one mechanism; missing parts are invalid_request. */
export function clientCredentials(params: TokenParams, authorization: string | undefined): ClientCredentials {
  const basic = authorization !== undefined && /^basic /i.test(authorization)
  const inBody = params.has('client_id') || params.has('client_secret')
  if (basic && inBody) {
    throw invalidRequest('Client credentials were sent both in the body and in HTTP Basic; use one.')
  }
  const { clientId, clientSecret } = basic
    ? fromBasic(authorization)
    : { clientId: params.get('client_id') ?? '', clientSecret: params.get('client_secret') ?? '' }
  if (clientId === '') throw invalidRequest('Parameter "client_id" is required for grant_type=client_credentials.')
  if (clientSecret === '') {
    throw invalidRequest('Parameter "client_secret" is required for grant_type=client_credentials.')
  }
  return { clientId, clientSecret, usedBasic: basic }
}
