/**
 * @module Veeam ONE's tokens: the access token an HS256 JWT with kid "WebApiSecurityKey" and claims unique_name,
 * role, the sid claim, AccessTokenId, UserId, nbf, exp, iat (as the vendor's decoded example); the refresh token 32
 * lowercase hex digits (a GUID without dashes). The store, not the signature, decides validity.
 */
import { createHmac, randomBytes } from 'node:crypto'
import type { MockState } from '../../engine/mock-state.js'
import type { TokenClaims, TokenFormat } from './token-format.js'

/** The claim type ASP.NET writes for a Windows SID (ClaimTypes.Sid). */
export const SID_CLAIM = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/sid'

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
const HEADER = encode({ alg: 'HS256', kid: 'WebApiSecurityKey', typ: 'JWT' })
const seconds = (ms: number) => Math.floor(ms / 1000)

// One signing key per mock, made on its first token.
const KEYS = new WeakMap<MockState, Buffer>()

function keyOf(state: MockState): Buffer {
  let key = KEYS.get(state)
  if (key === undefined) KEYS.set(state, (key = randomBytes(32)))
  return key
}

/** A dashed lowercase GUID from the mock's random source. */
function guid(state: MockState): string {
  const hex = state.random.string(16, 'hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`
}

export const hs256Jwt: TokenFormat = {
  identity: true,
  pair(state, c: TokenClaims) {
    const iat = seconds(c.issuedAt)
    const claims = {
      unique_name: c.qualifiedName ?? c.name,
      role: c.role ?? '',
      [SID_CLAIM]: c.sid ?? '',
      AccessTokenId: guid(state),
      UserId: c.userId ?? '',
      nbf: iat,
      exp: seconds(c.accessExpiresAt),
      iat,
    }
    const input = `${HEADER}.${encode(claims)}`
    const signature = createHmac('sha256', keyOf(state)).update(input).digest('base64url')
    return { accessToken: `${input}.${signature}`, refreshToken: state.random.string(16, 'hex') }
  },
}
