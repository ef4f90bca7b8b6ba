/** @module Where the revoke-by-SID check finds the UserSid: the SID claim of a JWT access token, and nothing else. */
import { describe, expect, it } from 'vitest'
import { sidClaim } from './scenarios/revoke.js'

const SID = 'S-1-5-21-1-2-3-500'
const jwt = (claims: unknown) => `e30.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.c2ln`

describe('sidClaim', () => {
  it('reads the .NET ClaimTypes.Sid URI claim (Veeam ONE\'s) and a plain sid claim', () => {
    expect(sidClaim(jwt({ unique_name: 'one-srv\\administrator', 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/sid': SID }))).toBe(SID)
    expect(sidClaim(jwt({ sid: SID }))).toBe(SID)
  })

  it('is undefined for an opaque token, a payload that is not a JSON object, no or an empty SID claim, or a token too long to be one', () => {
    expect(sidClaim('0123456789abcdef0123456789abcdef')).toBeUndefined()
    expect(sidClaim('e30.%%%.c2ln')).toBeUndefined()
    expect(sidClaim(jwt(null))).toBeUndefined()
    expect(sidClaim(jwt([SID]))).toBeUndefined()
    expect(sidClaim(jwt({ unique_name: 'x', UserId: 7 }))).toBeUndefined()
    expect(sidClaim(jwt({ sid: '' }))).toBeUndefined()
    expect(sidClaim(jwt({ sid: 42 }))).toBeUndefined()
    expect(sidClaim(jwt({ sid: SID, pad: 'x'.repeat(20_000) }))).toBeUndefined()
  })
})
