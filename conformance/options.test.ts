/** @module Flag parsing: durations, baselines, passwords from the environment, --report forms. */
import { describe, expect, it } from 'vitest'
import { parseDuration, parseOptions, readBaseline, UsageError } from './options.js'
import { onlyFilter } from './run.js'

const BASE = ['--target', 'http://127.0.0.1:9898', '--profile', 'vro-7.1', '--username', 'vdro\\administrator']

describe('options', () => {
  it('reads durations in ms, s and m', () => {
    expect([parseDuration('500ms'), parseDuration('10s'), parseDuration('1m'), parseDuration('2')]).toEqual([500, 10_000, 60_000, 2000])
    expect(() => parseDuration('0s')).toThrow(UsageError)
  })

  it('takes passwords from the environment and names them as curl placeholders', () => {
    const parsed = parseOptions([...BASE, '--other-username', 'b'], { VEEAM_PASSWORD: 'a-secret', VEEAM_OTHER_PASSWORD: 'b-secret' })
    expect(parsed).not.toBe('help')
    if (parsed === 'help') return
    expect(parsed.run.accounts.user).toEqual({ username: 'vdro\\administrator', password: 'a-secret', placeholder: 'VEEAM_PASSWORD' })
    expect(parsed.run.accounts.other).toEqual({ username: 'b', password: 'b-secret', placeholder: 'VEEAM_OTHER_PASSWORD' })
    expect(parsed.run.http).toEqual({ timeoutMs: 10_000, insecure: false })
  })

  it('takes --api-version as <version>-<revision> and refuses anything else', () => {
    const parsed = parseOptions([...BASE, '--password', 'p', '--api-version', '1.1-rev0'], {})
    expect(parsed !== 'help' && parsed.run.apiVersion).toBe('1.1-rev0')
    expect(() => parseOptions([...BASE, '--password', 'p', '--api-version', 'v1.1'], {})).toThrow('--api-version v1.1 is not <version>-<revision>')
  })

  it('refuses unknown flags, a bad --report and a non-http target with a usage error', () => {
    expect(() => parseOptions([...BASE, '--password', 'p', '--frobnicate'], {})).toThrow(UsageError)
    expect(() => parseOptions([...BASE, '--password', 'p', '--report', 'html:x'], {})).toThrow('--report html:x is not junit:FILE or json:FILE')
    expect(() => parseOptions(['--target', 'ftp://x', '--profile', 'p', '--username', 'u', '--password', 'p'], {})).toThrow('not an http(s) URL')
  })

  it('--control and --control-token go to the run; none leaves discovery to the suite', () => {
    const parsed = parseOptions([...BASE, '--password', 'p', '--control', 'http://127.0.0.1:9898/__control', '--control-token', 't0k'], {})
    if (parsed === 'help') throw new Error('not help')
    expect(parsed.run.control).toEqual({ url: 'http://127.0.0.1:9898/__control', token: 't0k' })
    const plain = parseOptions([...BASE, '--password', 'p'], {})
    if (plain === 'help') throw new Error('not help')
    expect(plain.run.control).toBeUndefined()
    expect(() => parseOptions([...BASE, '--password', 'p', '--control', 'localhost:9898'], {})).toThrow('--control localhost:9898 is not an http(s) URL')
  })

  it('reads a baseline as lines with comments, or as a JSON array', () => {
    expect(readBaseline('# known\nclient-cannot-create-client  # VRO 7.1 build 123\n\nlogout-returns-documented-status\n')).toEqual([
      'client-cannot-create-client',
      'logout-returns-documented-status',
    ])
    expect(readBaseline('["a-check"]')).toEqual(['a-check'])
  })

  it('--only matches ids by substring or wildcard, and scenario names', () => {
    expect(onlyFilter('sibling')('client-cannot-delete-sibling')).toBe(true)
    expect(onlyFilter('client-*-sibling')('client-cannot-delete-sibling')).toBe(true)
    expect(onlyFilter('client-*-sibling')('client-delete-sibling-refused-with-403')).toBe(false)
    expect(onlyFilter('logout')('logged-out-access-token-refused')).toBe(true)
    expect(onlyFilter('logout')('missing-token-is-401')).toBe(false)
  })
})
