/** @module TOTP against the RFC 6238 appendix B test vectors, and base32 against RFC 4648 section 10. */
import { describe, expect, it } from 'vitest'
import { base32Decode, hotp, totpNow, totpStep } from './totp.js'

// RFC 6238 appendix B: the seeds are ASCII "1234567890" repeated to the hash's length.
const SEED = {
  sha1: Buffer.from('12345678901234567890'),
  sha256: Buffer.from('12345678901234567890123456789012'),
  sha512: Buffer.from('1234567890123456789012345678901234567890123456789012345678901234'),
}
const VECTORS: [number, string, string, string][] = [
  [59, '94287082', '46119246', '90693936'],
  [1111111109, '07081804', '68084774', '25091201'],
  [1111111111, '14050471', '67062674', '99943326'],
  [1234567890, '89005924', '91819424', '93441116'],
  [2000000000, '69279037', '90698825', '38618901'],
  [20000000000, '65353130', '77737706', '47863826'],
]

describe('TOTP (RFC 6238 appendix B)', () => {
  it.each(VECTORS)('T=%i gives the 8-digit codes of SHA-1, SHA-256 and SHA-512', (seconds, sha1, sha256, sha512) => {
    const step = totpStep(seconds * 1000)
    expect(hotp(SEED.sha1, step, 8, 'sha1')).toBe(sha1)
    expect(hotp(SEED.sha256, step, 8, 'sha256')).toBe(sha256)
    expect(hotp(SEED.sha512, step, 8, 'sha512')).toBe(sha512)
  })

  it('the 6-digit code is the last six digits of the 8-digit one, valid until the step ends', () => {
    expect(totpNow(SEED.sha1, 59_000)).toEqual({ code: '287082', validForSeconds: 1 })
    expect(totpNow(SEED.sha1, 60_000)).toEqual({ code: hotp(SEED.sha1, 2), validForSeconds: 30 })
    expect(totpNow(SEED.sha1, 1111111109_000).code).toBe('081804')
  })
})

describe('base32 (RFC 4648 section 10)', () => {
  it.each([
    ['MY======', 'f'],
    ['MZXQ====', 'fo'],
    ['MZXW6===', 'foo'],
    ['MZXW6YQ=', 'foob'],
    ['MZXW6YTB', 'fooba'],
    ['MZXW6YTBOI======', 'foobar'],
    ['mzxw 6ytb oi', 'foobar'],
  ])('%s decodes to %s', (text, plain) => {
    expect(base32Decode(text)?.toString('ascii')).toBe(plain)
  })

  it('refuses text outside the alphabet, and empty text', () => {
    expect(base32Decode('MZXW1')).toBeUndefined()
    expect(base32Decode('')).toBeUndefined()
  })
})
