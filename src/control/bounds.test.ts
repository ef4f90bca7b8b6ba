import { beforeEach, describe, expect, it } from 'vitest'
import { createMock } from '../create-mock.js'
import { appSteps } from './test-helpers.js'

let mock: ReturnType<typeof createMock>
let s: ReturnType<typeof appSteps>

beforeEach(() => {
  mock = createMock({ control: true })
  s = appSteps(mock.app)
})

const nested = (depth: number) => '['.repeat(depth) + ']'.repeat(depth)
const clockNow = async () => ((await (await s.control('GET', '/clock')).json()) as { now: string }).now

const send = (path: string, body: string) =>
  mock.app.request(`/__control${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body })

describe('control bodies are bounded', () => {
  it('refuses a stub body over 1 MiB with 413 in the control error shape, and adds nothing', async () => {
    const res = await s.control('POST', '/stubs', { method: 'GET', path: '/big', body: 'x'.repeat(1024 * 1024) })
    expect(res.status).toBe(413)
    expect(await res.json()).toEqual({ message: 'The body exceeds 1 MiB.' })
    expect(mock.stubs.size).toBe(0)
  })

  it('accepts a stub body just under 1 MiB', async () => {
    const res = await s.control('POST', '/stubs', { method: 'GET', path: '/big', body: 'x'.repeat(1000 * 1024) })
    expect(res.status).toBe(201)
  })

  it.each([
    ['/stubs', (inner: string) => `{"method":"GET","path":"/deep","body":${inner}}`],
    ['/faults', (inner: string) => `{"operation":"issueToken","respond":{"status":503,"body":${inner}}}`],
  ])('refuses a body nested 5,000 deep on %s with 400 and applies nothing', async (path, body) => {
    const res = await send(path, body(nested(5000)))
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toMatch(/deeper than 64 levels/)
    expect(mock.stubs.size).toBe(0)
    expect(mock.harness!.faults.size).toBe(0)
  })

  it('refuses a fault nested too deep through faults.add too, adding nothing', () => {
    expect(() => mock.harness!.faults.add({ respond: { status: 503, body: JSON.parse(nested(100)) } })).toThrow('deeper than 64')
    expect(mock.harness!.faults.size).toBe(0)
  })
})

describe('fault responses are validated like stubs', () => {
  it.each([
    [{ 'content-length': '0' }, 'Content-Length'],
    [{ 'Transfer-Encoding': 'chunked' }, 'Content-Length'],
    [{ connection: 'close' }, 'Content-Length'],
    [{ 'x-a': 'one\r\nx-b: two' }, 'control characters'],
    [{ 'bad name': 'x' }, 'valid header name'],
    [{ 'x-a': 'tab\u0000' }, 'control characters'],
  ])('refuses headers %j with 400 and adds nothing', async (headers, text) => {
    const res = await s.control('POST', '/faults', { operation: 'issueToken', respond: { status: 503, headers } })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toContain(text)
    expect(mock.harness!.faults.list()).toEqual([])
  })

  it.each([204, 205, 304])('refuses a %d fault with a body', async (status) => {
    const res = await s.control('POST', '/faults', { operation: 'issueToken', respond: { status, body: 'x' } })
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toBe(`respond.body: must have no body with status 204, 205 or 304`)
    expect(() => mock.harness!.faults.add({ respond: { status, body: {} } })).toThrow('must have no body')
    expect(mock.harness!.faults.size).toBe(0)
  })

  it('still accepts a 204 fault without a body and a 429 with Retry-After', async () => {
    expect((await s.control('POST', '/faults', { operation: 'issueToken', respond: { status: 204 } })).status).toBe(201)
    expect((await s.control('POST', '/faults', { operation: 'issueToken', respond: { status: 429, headers: { 'Retry-After': '2' } } })).status).toBe(201)
  })
})

describe('the clock stays between 1970 and 9999', () => {
  it.each([
    [{ advance: '9007199254740991ms' }],
    [{ advance: '3000000d' }],
    [{ advance: '-100000d' }],
    [{ set: '+275760-09-13T00:00:00.000Z' }],
    [{ set: '+010000-01-01T00:00:00.000Z' }],
    [{ set: '1969-12-31T23:59:59.999Z' }],
  ])('answers 400 to %j and does not move the clock', async (change) => {
    await s.control('POST', '/clock', { freeze: true })
    const before = await clockNow()
    const res = await s.control('POST', '/clock', change)
    expect(res.status).toBe(400)
    expect(((await res.json()) as { message: string }).message).toMatch(/outside 1970-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z; nothing changed/)
    expect(await clockNow()).toBe(before)
  })

  it('at the last instant of 9999 the clock, requests, sessions and a login all still answer', async () => {
    expect((await s.control('POST', '/clock', { set: '9999-12-31T23:59:59.999Z' })).status).toBe(200)
    const login = await s.password()
    expect(login.status).toBe(200)
    for (const path of ['/clock', '/requests', '/sessions']) expect((await s.control('GET', path)).status).toBe(200)
  })
})

describe('fault rules name only what exists', () => {
  it('refuses operation "issueTokn" with 400 listing the operations of the app, adding nothing', async () => {
    const res = await s.control('POST', '/faults', { operation: 'issueTokn', respond: { status: 503 } })
    expect(res.status).toBe(400)
    const { message } = (await res.json()) as { message: string }
    expect(message).toMatch(/^operation: unknown operation "issueTokn"; known: .*issueToken.*createClient/)
    expect(mock.harness!.faults.size).toBe(0)
  })

  it('refuses grantType "refresh" listing the profile\'s grants, over HTTP and through faults.add', async () => {
    const res = await s.control('POST', '/faults', { grantType: 'refresh', respond: { status: 503 } })
    expect(res.status).toBe(400)
    expect(await res.json()).toEqual({ message: 'grantType: unknown grantType "refresh"; known: password, client_credentials, refresh_token.' })
    expect(() => mock.harness!.faults.add({ grantType: 'refresh', drop: true })).toThrow('known: password, client_credentials, refresh_token')
    expect(() => mock.harness!.faults.add({ operation: 'issueTokn', drop: true })).toThrow('unknown operation "issueTokn"')
    expect(mock.harness!.faults.size).toBe(0)
  })

  it("accepts a grant the profile lists but does not perform (vro-7.21's mfa), and vac-2's operations", () => {
    const vro721 = createMock({ profile: 'vro-7.21', control: true })
    expect(vro721.harness!.faults.add({ grantType: 'mfa', respond: { status: 503 } }).grantType).toBe('mfa')
    const vac2 = createMock({ profile: 'vac-2', control: true })
    expect(() => vac2.harness!.faults.add({ operation: 'createClient', drop: true })).toThrow('unknown operation "createClient"')
    expect(() => vac2.harness!.faults.add({ grantType: 'client_credentials', drop: true })).toThrow('known: password, refresh_token.')
  })
})
