import { describe, expect, it } from 'vitest'
import { RouteIndex } from './route-index.js'

describe('RouteIndex', () => {
  it('literal segments beat parameters; parameters are decoded', () => {
    const index = new RouteIndex<string>()
    index.add('GET', '/api/v1/jobs/{id}', 'job')
    index.add('GET', '/api/v1/jobs/states', 'states')
    index.add('GET', '/api/v1/jobs/{id}/includes/{objectId}', 'include')
    expect(index.match('GET', '/api/v1/jobs/states')).toEqual({ item: 'states', params: {} })
    expect(index.match('GET', '/api/v1/jobs/a%20b')).toEqual({ item: 'job', params: { id: 'a b' } })
    expect(index.match('GET', '/api/v1/jobs/1/includes/2')).toEqual({ item: 'include', params: { id: '1', objectId: '2' } })
    expect(index.match('GET', '/api/v1/jobs/')).toBeUndefined()
    expect(index.match('POST', '/api/v1/jobs/1')).toBeUndefined()
    expect(index.methodsAt('/api/v1/jobs/1')).toEqual(['GET'])
  })

  it('backtracks from a literal to a parameter when the literal branch has no match further down', () => {
    const index = new RouteIndex<string>()
    index.add('GET', '/a/states', 'states')
    index.add('GET', '/a/{id}/b', 'b')
    expect(index.match('GET', '/a/states/b')).toEqual({ item: 'b', params: { id: 'states' } })
  })

  it('matches segments that mix text and parameters', () => {
    const index = new RouteIndex<string>()
    index.add('GET', '/files/{name}.json', 'file')
    expect(index.match('GET', '/files/report.json')).toEqual({ item: 'file', params: { name: 'report' } })
    expect(index.match('GET', '/files/report.xml')).toBeUndefined()
  })

  it('keeps the first of two operations with one method and path shape', () => {
    const index = new RouteIndex<string>()
    expect(index.add('GET', '/a/{x}', 'first')).toBe(true)
    expect(index.add('GET', '/a/{y}', 'second')).toBe(false)
    expect(index.match('GET', '/a/1')?.item).toBe('first')
  })

  it('costs about the same with 2,000 templated operations as with 20: it does not scan them', () => {
    const build = (resources: number) => {
      const index = new RouteIndex<number>()
      for (let i = 0; i < resources; i++) {
        index.add('GET', `/api/v1/resource${i}`, i)
        index.add('GET', `/api/v1/resource${i}/{id}`, i)
        index.add('PUT', `/api/v1/resource${i}/{id}`, i)
        index.add('GET', `/api/v1/resource${i}/{id}/children/{childId}`, i)
      }
      return index
    }
    const time = (index: RouteIndex<number>, resources: number) => {
      const found: (number | undefined)[] = []
      const started = performance.now()
      for (let i = 0; i < 20_000; i++) found.push(index.match('GET', `/api/v1/resource${i % resources}/x/children/y`)?.item)
      const elapsed = performance.now() - started
      expect(found.every((item, i) => item === i % resources)).toBe(true)
      return elapsed
    }
    const small = build(5)
    const large = build(500)
    time(small, 5)
    time(large, 500)
    // Best of three each, in the same run: a linear scan would be about 100 times slower on the large one.
    const smallBest = Math.min(time(small, 5), time(small, 5), time(small, 5))
    const largeBest = Math.min(time(large, 500), time(large, 500), time(large, 500))
    expect(largeBest / smallBest).toBeLessThan(10)
  })
})
