import { describe, expect, it } from 'vitest'
import { findProfile } from '../profiles/index.js'
import { StubRegistry } from './stub-registry.js'
import { parseStubList, StubError, type StubInput } from './stub-schema.js'

const vro = findProfile('vro-7.1')!
const vac = findProfile('vac-2')!

const registry = (stubs: StubInput[], profile = vro) => new StubRegistry(profile, stubs)
const problem = (f: () => unknown) => {
  try {
    f()
  } catch (error) {
    if (error instanceof StubError) return error.message
    throw error
  }
  throw new Error('no StubError')
}

describe('stub lists', () => {
  it.each([
    [{}, '(root): must be a JSON array of stubs'],
    [[{ method: 'GET', path: '/x', status: 99 }], 'entry 1 (GET /x): status: Too small: expected number to be >=200'],
    [[{ method: 'GET', path: '/x' }, { method: 'get', path: '/y' }], 'entry 2 (get /y): method: Invalid option: expected one of "GET"|"POST"|"PUT"|"PATCH"|"DELETE"'],
    [[{ method: 'GET', path: 'x' }], 'entry 1 (GET x): path: must start with /'],
    [[{ method: 'GET', path: '/a//b' }], 'entry 1 (GET /a//b): path: must not hold empty segments or end with /'],
    [[{ method: 'GET', path: '/a/b{id}' }], 'entry 1 (GET /a/b{id}): path: segment "b{id}" must be a literal path segment or a whole {name} parameter'],
    [[{ method: 'GET', path: '/a?b=1' }], 'entry 1 (GET /a?b=1): path: segment "a?b=1" must be a literal path segment or a whole {name} parameter'],
    [[{ method: 'GET', path: '/a/{id}/{id}' }], 'entry 1 (GET /a/{id}/{id}): path: names a {parameter} twice'],
    [[{ method: 'GET', path: '/x', stauts: 200 }], 'entry 1 (GET /x): (stub): Unrecognized key: "stauts"'],
    [[{ method: 'GET', path: '/x', headers: { 'bad name': 'v' } }], 'entry 1 (GET /x): headers.bad name: must be a valid header name'],
    [[{ method: 'GET', path: '/x', headers: { 'x-a': 'v\r\nx-b: 1' } }], 'entry 1 (GET /x): headers.x-a: must not hold control characters such as CR or LF'],
    [[{ method: 'GET', path: '/x', headers: { 'Content-Length': '3' } }], 'entry 1 (GET /x): headers: must not set Content-Length, Transfer-Encoding or Connection (the server frames the response)'],
    [[{ method: 'GET', path: '/x', status: 204, body: 'x' }], 'entry 1 (GET /x): body: must be absent with status 204'],
    [[{ method: 'GET', path: '/x', as: 'admin' }], 'entry 1 (GET /x): as: Invalid option: expected one of "user"|"client"'],
    [['GET /x'], 'entry 1: (stub): Invalid input: expected object, received string'],
  ])('%j is refused with one line naming the entry and the field', (data, message) => {
    expect(problem(() => parseStubList(data))).toBe(message)
  })

  it.each([
    ['/api/token', 'entry 1 (GET /api/token): path: /api/token takes /api/token, which the mock itself serves'],
    ['/api/v7.1/{resource}', 'entry 1 (GET /api/v7.1/{resource}): path: /api/v7.1/{resource} takes /api/v7.1/Clients, which the mock itself serves'],
    ['/openapi.json', 'entry 1 (GET /openapi.json): path: /openapi.json takes /openapi.json, which the mock itself serves'],
    ['/swagger/extra', 'entry 1 (GET /swagger/extra): path: /swagger/extra lies under /swagger, which the mock itself serves'],
    ['/__control/stubs', 'entry 1 (GET /__control/stubs): path: /__control/stubs lies under /__control, which the mock itself serves'],
  ])('a stub on %s collides with the profile and is refused', (path, message) => {
    expect(problem(() => registry([{ method: 'GET', path }]))).toBe(message)
  })

  it("refuses the logout path of vac-2 and as: client on a profile without client accounts", () => {
    expect(problem(() => registry([{ method: 'POST', path: '/accounts/logout' }], vac))).toContain('takes /accounts/logout')
    expect(problem(() => registry([{ method: 'GET', path: '/v2/x', as: 'client' }], vac))).toBe(
      'entry 1 (GET /v2/x): as: "client" cannot be met: profile vac-2 has no client accounts',
    )
  })

  it('refuses two entries with the same method and path shape', () => {
    expect(problem(() => registry([{ method: 'GET', path: '/a/{x}' }, { method: 'GET', path: '/a/{y}' }]))).toBe(
      'entry 2 (GET /a/{y}): repeats entry 1 (same method and path)',
    )
  })
})

describe('StubRegistry.match', () => {
  it('matches {param} segments and gives their values', () => {
    const found = registry([{ method: 'GET', path: '/api/v7.1/Plans/{id}/Steps/{step}' }]).match('GET', '/api/v7.1/Plans/p1/Steps/2')
    expect(found).toMatchObject({ kind: 'stub', params: { id: 'p1', step: '2' } })
  })

  it('a parameter matches exactly one non-empty segment', () => {
    const stubs = registry([{ method: 'GET', path: '/a/{id}' }])
    expect(stubs.match('GET', '/a/')).toBeUndefined()
    expect(stubs.match('GET', '/a/b/c')).toBeUndefined()
    expect(stubs.match('GET', '/a')).toBeUndefined()
  })

  it('prefers the template with more literal segments, whatever the order', () => {
    const template = { method: 'GET', path: '/a/{id}', body: 'template' } as const
    const literal = { method: 'GET', path: '/a/current', body: 'literal' } as const
    for (const stubs of [registry([template, literal]), registry([literal, template])]) {
      const body = (path: string) => {
        const found = stubs.match('GET', path)
        return found?.kind === 'stub' ? found.stub.body : undefined
      }
      expect([body('/a/current'), body('/a/other')]).toEqual(['literal', 'template'])
    }
  })

  it('answers method-not-allowed with every method the path has', () => {
    const stubs = registry([{ method: 'GET', path: '/a/{id}' }, { method: 'DELETE', path: '/a/{id}' }])
    expect(stubs.match('PUT', '/a/1')).toEqual({ kind: 'method-not-allowed', allow: ['GET', 'DELETE'] })
  })

  it('sends a string body as it is and anything else as JSON', async () => {
    const stubs = registry([
      { method: 'GET', path: '/text', body: 'plain' },
      { method: 'GET', path: '/json', status: 201, body: { a: 1 }, headers: { 'X-A': 'b' } },
    ])
    const respond = (path: string) => {
      const found = stubs.match('GET', path)
      if (found?.kind !== 'stub') throw new Error('no stub')
      return found.respond()
    }
    const text = respond('/text')
    expect([text.status, text.headers.get('content-type'), await text.text()]).toEqual([200, 'text/plain; charset=utf-8', 'plain'])
    const json = respond('/json')
    expect([json.status, json.headers.get('content-type'), json.headers.get('x-a'), await json.text()]).toEqual([201, 'application/json', 'b', '{"a":1}'])
  })
})

describe('StubRegistry runtime changes', () => {
  it('add replaces a stub with the same method and shape, shadows a startup one (not served), and clear drops only runtime stubs', () => {
    const stubs = registry([{ method: 'GET', path: '/a/{id}', body: 'startup' }])
    const version = stubs.version
    stubs.add({ method: 'GET', path: '/a/{x}', body: 'first' })
    stubs.add({ method: 'GET', path: '/a/{y}', body: 'second' })
    expect(stubs.version).toBeGreaterThan(version)
    expect(stubs.list().map((s) => [s.origin, s.body])).toEqual([['runtime', 'second'], ['startup', 'startup']])
    expect(stubs.served().map((s) => [s.origin, s.path, s.body])).toEqual([['runtime', '/a/{y}', 'second']])
    const found = stubs.match('GET', '/a/1')
    expect(found?.kind === 'stub' && found.stub.body).toBe('second')
    expect(stubs.clear()).toBe(1)
    expect(stubs.list().map((s) => [s.origin, s.body])).toEqual([['startup', 'startup']])
    expect(stubs.served().map((s) => [s.origin, s.body])).toEqual([['startup', 'startup']])
  })

  it('add validates like a file entry, without an entry number', () => {
    const stubs = registry([])
    expect(problem(() => stubs.add({ method: 'GET', path: '/api/token' }))).toBe('path: /api/token takes /api/token, which the mock itself serves')
    expect(problem(() => stubs.add({ method: 'GET', path: '/x', status: 700 }))).toBe('status: Too big: expected number to be <=599')
    expect(stubs.size).toBe(0)
  })

  it('keeps its own copy: changing the object given to add changes nothing', () => {
    const stubs = registry([])
    const input = { method: 'GET' as const, path: '/x', body: { n: 1 } }
    stubs.add(input)
    input.body.n = 2
    expect(stubs.list()[0]?.body).toEqual({ n: 1 })
  })
})
