/**
 * @module JWTs shaped like VBR's samples: RS512 with a `kid`; access claims unique_name, nbf, exp, iat, aud "access";
 * refresh claims add token_id and short_term_expiration, aud "refresh". The store, not the signature, decides validity.
 */
import { createHash, generateKeyPairSync, sign, type KeyObject } from 'node:crypto'
import type { MockState } from '../../engine/mock-state.js'
import type { TokenClaims, TokenFormat } from './token-format.js'

interface SigningKey {
  privateKey: KeyObject
  /** The encoded JWT header, the same for every token of the key. */
  header: string
}

// One key per mock, made on its first JWT (about 100 ms), so start-up and the orchestrator profiles never pay for it.
const KEYS = new WeakMap<MockState, SigningKey>()

function keyOf(state: MockState): SigningKey {
  let key = KEYS.get(state)
  if (key === undefined) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 })
    // Like the vendor's kid: 40 upper-case hex digits, a SHA-1 thumbprint.
    const kid = createHash('sha1').update(publicKey.export({ type: 'spki', format: 'der' })).digest('hex').toUpperCase()
    key = { privateKey, header: encode({ alg: 'RS512', kid, typ: 'JWT' }) }
    KEYS.set(state, key)
  }
  return key
}

const encode = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url')
const seconds = (ms: number) => Math.floor(ms / 1000)

function signed(key: SigningKey, claims: object): string {
  const input = `${key.header}.${encode(claims)}`
  return `${input}.${sign('sha512', Buffer.from(input), key.privateKey).toString('base64url')}`
}

/** A lowercase v4-shaped GUID from the mock's random source (seeded under --token-seed). */
function tokenId(state: MockState): string {
  const hex = state.random.string(16, 'hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`
}

export const jwt: TokenFormat = {
  pair(state, c: TokenClaims) {
    const key = keyOf(state)
    const iat = seconds(c.issuedAt)
    // jti: two logins of one user within a second must still be two sessions (the vendor's sample has none).
    const access = { unique_name: c.name, jti: tokenId(state), nbf: iat, exp: seconds(c.accessExpiresAt), iat, aud: 'access' }
    const refresh = {
      unique_name: c.name,
      token_id: tokenId(state),
      short_term_expiration: c.shortTerm ? 'True' : 'False',
      nbf: iat,
      exp: seconds(c.refreshExpiresAt),
      iat,
      aud: 'refresh',
    }
    return { accessToken: signed(key, access), refreshToken: signed(key, refresh) }
  },
}
