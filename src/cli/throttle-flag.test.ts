/** @module --throttle N/WINDOW: parsed into the mock's throttle, bad values refused with a usage error, listed in --help. */
import { describe, expect, it } from 'vitest'
import { parseServeArgs, SERVE_HELP, type ServeConfig } from './serve.js'
import { UsageError } from './usage-error.js'

describe('--throttle', () => {
  it.each([
    ['10/60s', { requests: 10, windowSeconds: 60 }],
    ['100/1m', { requests: 100, windowSeconds: 60 }],
    ['1/2h', { requests: 1, windowSeconds: 7200 }],
  ])('%s becomes %o', async (flag, spec) => {
    expect(((await parseServeArgs(['--profile', 'vspc-9', '--throttle', flag])) as ServeConfig).options.throttle).toEqual(spec)
  })

  it.each(['10', '0/60s', 'x/60s', '10/0s', '10/forever', '/60s'])('refuses %s with a usage error naming the flag', async (flag) => {
    const error = await parseServeArgs(['--throttle', flag]).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(UsageError)
    expect((error as Error).message).toMatch(/--throttle/)
  })

  it('is off without the flag, and documented in --help', async () => {
    expect(((await parseServeArgs(['--profile', 'vspc-9'])) as ServeConfig).options.throttle).toBeUndefined()
    expect(SERVE_HELP).toContain('--throttle N/WINDOW')
  })
})
