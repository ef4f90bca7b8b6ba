import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { parseForm } from './form-urlencoded.js'

/** Bodies as the token endpoint sees them: bytes decoded as UTF-8, full of separators and escapes. */
const piece = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 12 }),
  fc.constantFrom('&', '=', '+', '%', '%2', '%zz', '%2B', '%5C', '%C3%A9', '%E0%A4%A', '%FF', '%ED%A0%80', '%C0%AF', '%00', ' '),
)
const body = fc.array(piece, { maxLength: 16 }).map((pieces) => Buffer.from(pieces.join('')).toString('utf8'))

describe('parseForm', () => {
  it('yields exactly the pairs URLSearchParams yields, for any UTF-8 body', () => {
    fc.assert(
      fc.property(body, (text) => {
        expect(parseForm(text)).toEqual([...new URLSearchParams(text)])
      }),
      { numRuns: 3000 },
    )
  })

  it('decodes the vendor example and keeps repeated and empty names in order', () => {
    expect(parseForm('grant_type=password&username=vdro%5Cadministrator&password=Pass+word%2B1&&grant_type&=x')).toEqual([
      ['grant_type', 'password'],
      ['username', 'vdro\\administrator'],
      ['password', 'Pass word+1'],
      ['grant_type', ''],
      ['', 'x'],
    ])
  })

  it('falls back to the WHATWG replacement character for escapes decodeURIComponent refuses', () => {
    expect(parseForm('a=%FF&b=%zz&c=%E0%A4%A')).toEqual([
      ['a', '\ufffd'],
      ['b', '%zz'],
      ['c', '\ufffd%A'],
    ])
  })
})
