import { describe, expect, it } from 'vitest'
import { parseDurationMs, VirtualClock } from './virtual-clock.js'

const fixed = (ms: number) => ({ now: () => ms })
const T0 = Date.parse('2026-01-01T00:00:00Z')

describe('VirtualClock', () => {
  it('reads the base clock when untouched', () => {
    expect(new VirtualClock(fixed(T0)).now()).toBe(T0)
  })

  it('advances by a duration and keeps the offset', () => {
    const clock = new VirtualClock(fixed(T0))
    expect(clock.advance('16m')).toEqual({ now: '2026-01-01T00:16:00.000Z', frozen: false, offsetMs: 960_000 })
    expect(clock.now()).toBe(T0 + 960_000)
  })

  it('sets an ISO instant, running on from there', () => {
    let base = T0
    const clock = new VirtualClock({ now: () => base })
    clock.set('2030-06-01T12:00:00Z')
    base += 1000
    expect(new Date(clock.now()).toISOString()).toBe('2030-06-01T12:00:01.000Z')
  })

  it('freezes time, advances while frozen, and unfreezes where it stood', () => {
    let base = T0
    const clock = new VirtualClock({ now: () => base })
    clock.freeze(true)
    base += 5000
    expect(clock.now()).toBe(T0)
    clock.advance('1m')
    expect(clock.now()).toBe(T0 + 60_000)
    clock.freeze(false)
    base += 1000
    expect(clock.now()).toBe(T0 + 61_000)
  })

  it('goes back to real time on reset', () => {
    const clock = new VirtualClock(fixed(T0))
    clock.advance('2h')
    clock.freeze(true)
    expect(clock.reset()).toEqual({ now: '2026-01-01T00:00:00.000Z', frozen: false, offsetMs: 0 })
  })

  it('refuses a bad duration or instant', () => {
    const clock = new VirtualClock(fixed(T0))
    expect(() => clock.advance('soon')).toThrow(RangeError)
    expect(() => clock.set('not a date')).toThrow(RangeError)
  })
})

describe('parseDurationMs', () => {
  it.each([
    ['500ms', 500],
    ['90s', 90_000],
    ['16m', 960_000],
    ['2h', 7_200_000],
    ['1d', 86_400_000],
    ['-5m', -300_000],
  ])('reads %s as %d ms', (text, ms) => expect(parseDurationMs(text)).toBe(ms))

  it.each(['', '16', 'm', '1.5h', '16 minutes'])('rejects %j', (text) => expect(parseDurationMs(text)).toBeUndefined())
})
