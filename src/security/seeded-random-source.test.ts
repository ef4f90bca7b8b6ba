import { describe, expect, it } from 'vitest'
import { seededRandomSource } from './seeded-random-source.js'

describe('seededRandomSource', () => {
  it('gives the same strings for the same seed, and different ones for another seed', () => {
    const a = seededRandomSource('ci')
    const b = seededRandomSource('ci')
    const c = seededRandomSource('other')
    const draw = (r: typeof a) => [r.string(32, 'base64url'), r.string(154, 'base64'), r.string(16, 'hex')]
    const first = draw(a)
    expect(draw(b)).toEqual(first)
    expect(draw(c)).not.toEqual(first)
    expect(first[0]).toHaveLength(43)
    expect(first[2]).toMatch(/^[0-9a-f]{32}$/)
  })

  it('never repeats within a sequence, and restarts on reset', () => {
    const r = seededRandomSource('x')
    const one = r.string(32, 'hex')
    expect(r.string(32, 'hex')).not.toBe(one)
    r.reset()
    expect(r.string(32, 'hex')).toBe(one)
  })
})
