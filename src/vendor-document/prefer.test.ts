import { describe, expect, it } from 'vitest'
import { ResourceError } from '../oauth/errors.js'
import { parsePrefer } from './prefer.js'

describe('parsePrefer', () => {
  it('reads code, example and dynamic, comma or semicolon separated, quoted or not; ignores other preferences', () => {
    expect(parsePrefer('code=404, example="cloud"; dynamic=true, respond-async, wait=10')).toEqual({ code: '404', example: 'cloud', dynamic: true })
    expect(parsePrefer('Dynamic=false')).toEqual({ dynamic: false })
    expect(parsePrefer(undefined)).toEqual({})
  })

  it('a code that is not an HTTP status is a 400', () => {
    expect(() => parsePrefer('code=abc')).toThrow(ResourceError)
    expect(() => parsePrefer('code=600')).toThrow('Prefer: code=600 is not an HTTP status.')
  })
})
