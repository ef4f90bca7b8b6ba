import { once } from 'node:events'
import { describe, expect, it } from 'vitest'
import { runCli, startCli } from './support/cli-process.js'

describe('serve (the real CLI): names that would do nothing, lifetimes that cannot work', () => {
  it('warns on stderr for --access-ttl 3h --refresh-ttl 1h, and still serves', async () => {
    const { child, output } = await startCli(['--port', '0', '--access-ttl', '3h', '--refresh-ttl', '1h'])
    try {
      // stderr is its own pipe: wait for it (up to 5 s) rather than for a fixed time.
      for (let i = 0; i < 100 && !output().includes('warning:'); i++) await new Promise((resolve) => setTimeout(resolve, 50))
      expect(output()).toContain(
        'warning: --refresh-ttl (1h) is shorter than --access-ttl (3h): a refresh token expires before its access token, so no client can ever refresh\n',
      )
    } finally {
      child.kill('SIGTERM')
    }
    expect((await once(child, 'exit'))[0]).toBe(0)
  })

  it('exits 2 with one line for a --quirk the profile has no rule for (client quirks on vac-2)', async () => {
    const { code, stderr } = await runCli(['serve', '--profile', 'vac-2', '--quirk', 'client-sees-sibling-ids'])
    expect(code).toBe(2)
    expect(stderr).toMatch(/^veeam-auth-mock: Quirk "client-sees-sibling-ids" needs a Clients resource, which profile vac-2 does not have; its quirks: [^\n]+\.\n$/)
  })
})
