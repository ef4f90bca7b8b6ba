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

  it('matches among 2,000 templated operations in microseconds, not by scanning them', () => {
    const index = new RouteIndex<number>()
    for (let i = 0; i < 500; i++) {
      index.add('GET', `/api/v1/resource${i}`, i)
      index.add('GET', `/api/v1/resource${i}/{id}`, i)
      index.add('PUT', `/api/v1/resource${i}/{id}`, i)
      index.add('GET', `/api/v1/resource${i}/{id}/children/{childId}`, i)
    }
    const started = performance.now()
    for (let i = 0; i < 20_000; i++) expect(index.match('GET', `/api/v1/resource${i % 500}/x/children/y`)?.item).toBe(i % 500)
    const perMatch = (performance.now() - started) / 20_000
    expect(perMatch).toBeLessThan(0.05)
  })
})
