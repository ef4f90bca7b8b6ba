import { describe, expect, it } from 'vitest'
import { Journal } from './journal.js'

const entry = (path: string, operation?: string, time = '2026-01-01T00:00:00.000Z') => ({
  at: Date.parse(time),
  method: 'POST',
  path,
  status: 200,
  ...(operation === undefined ? {} : { operation }),
})

describe('Journal', () => {
  it('keeps only the last `size` entries, oldest first', () => {
    const journal = new Journal(3)
    for (let i = 1; i <= 5; i++) journal.add(entry(`/p${i}`))
    expect(journal.list().map((e) => [e.seq, e.path])).toEqual([
      [3, '/p3'],
      [4, '/p4'],
      [5, '/p5'],
    ])
  })

  it('filters by operation, by instant and by seq', () => {
    const journal = new Journal(10)
    journal.add(entry('/a', 'issueToken', '2026-01-01T00:00:00.000Z'))
    journal.add(entry('/b', 'logout', '2026-01-01T00:01:00.000Z'))
    journal.add(entry('/a', 'issueToken', '2026-01-01T00:02:00.000Z'))
    expect(journal.list({ operation: 'issueToken' }).map((e) => e.seq)).toEqual([1, 3])
    expect(journal.list({ since: '2026-01-01T00:01:00Z' }).map((e) => e.seq)).toEqual([2, 3])
    expect(journal.list({ since: 2 }).map((e) => e.seq)).toEqual([3])
    expect(journal.list({ since: 2 })).toEqual([
      { seq: 3, time: '2026-01-01T00:02:00.000Z', method: 'POST', path: '/a', status: 200, operation: 'issueToken' },
    ])
  })

  it('clears, numbering on from where it was', () => {
    const journal = new Journal(10)
    journal.add(entry('/a'))
    journal.clear()
    expect(journal.list()).toEqual([])
    expect(journal.add(entry('/b'))).toBe(2)
  })

  it('refuses a size below 1', () => {
    expect(() => new Journal(0)).toThrow(RangeError)
  })
})
