import { describe, expect, it } from 'vitest'
import { decideControl, isLoopback } from './control-policy.js'
import { parseServeArgs, type ServeConfig } from './serve.js'

describe('decideControl', () => {
  it('is on by default on loopback', () => {
    expect(decideControl('127.0.0.1', { off: false })).toEqual({ control: { host: '127.0.0.1' } })
    expect(decideControl('::1', { off: false, journalSize: 5 })).toEqual({ control: { host: '::1', journalSize: 5 } })
  })

  it('is off on another host without a token, and says why', () => {
    const decision = decideControl('0.0.0.0', { off: false })
    expect(decision.control).toBe(false)
    expect(decision.note).toContain('--control-token')
  })

  it('is on anywhere with a token', () => {
    expect(decideControl('0.0.0.0', { off: false, token: 'T' })).toEqual({ control: { token: 'T', host: '0.0.0.0' } })
  })

  it('--no-control wins', () => {
    expect(decideControl('127.0.0.1', { off: true, token: 'T' })).toEqual({ control: false })
  })

  it.each([
    ['localhost', true],
    ['127.0.0.2', true],
    ['::1', true],
    ['0.0.0.0', false],
    ['192.168.1.10', false],
  ])('isLoopback(%s) is %s', (host, loopback) => expect(isLoopback(host)).toBe(loopback))
})

describe('serve flags for the harness', () => {
  const parse = async (args: string[]) => (await parseServeArgs(args)) as ServeConfig

  it('passes --control-token, --journal-size and --token-seed to the mock', async () => {
    const config = await parse(['--host', '0.0.0.0', '--control-token', 'T', '--journal-size', '10', '--token-seed', 's'])
    expect(config.options.control).toEqual({ token: 'T', host: '0.0.0.0', journalSize: 10 })
    expect(config.options.tokenSeed).toBe('s')
  })

  it('turns control off with --no-control', async () => {
    expect((await parse(['--no-control'])).options.control).toBe(false)
  })

  it('refuses a bad --journal-size', async () => {
    await expect(parseServeArgs(['--journal-size', '0'])).rejects.toThrow(/--journal-size/)
  })
})
