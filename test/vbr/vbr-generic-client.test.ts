/** @module A generic OAuth 2.0 library (simple-oauth2) completes password and refresh against every VBR profile, with x-api-version set. */
import { ResourceOwnerPassword } from 'simple-oauth2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { PROFILES, type ProfileId } from '../../src/profiles/index.js'
import { startMock, type RunningMock } from '../../src/start-mock.js'

describe.each(PROFILES.filter((p) => p.apiVersion?.header === 'x-api-version').map((p) => [p.id, p.apiVersion!.default] as const))(
  'simple-oauth2 against %s (x-api-version: %s)',
  (profile, revision) => {
    let mock: RunningMock
    beforeAll(async () => {
      mock = await startMock({ profile: profile as ProfileId })
    })
    afterAll(() => mock.close())

    it('logs in with the password grant, refreshes once, and the used refresh token is refused', async () => {
      const client = new ResourceOwnerPassword({
        // VBR has no OAuth clients; libraries still send an id, which the mock ignores (assumption client-fields-ignored).
        client: { id: 'generic-client', secret: 'unused' },
        auth: { tokenHost: mock.url, tokenPath: '/api/oauth2/token' },
        options: { authorizationMethod: 'body' },
        http: { headers: { 'x-api-version': revision } },
      })
      const token = await client.getToken({ username: 'administrator', password: 'Password1' })
      expect(token.token['token_type']).toBe('bearer')
      expect(token.expired()).toBe(false)
      const serverInfo = await fetch(`${mock.url}/api/v1/serverInfo`, {
        headers: { authorization: `Bearer ${String(token.token['access_token'])}`, 'x-api-version': revision },
      })
      expect(serverInfo.status).toBe(200)
      const refreshed = await token.refresh()
      expect(refreshed.token['access_token']).not.toBe(token.token['access_token'])
      await expect(token.refresh()).rejects.toMatchObject({ output: { statusCode: 401 } })
    })
  },
)

describe('the conformance suite with --api-version', () => {
  it('runs against vbr-13 with an older accepted revision, and exits 2 naming the refusal for a revision the target refuses', async () => {
    const { runConformance } = await import('../../conformance/run.js')
    const { accountsOf } = await import('../../conformance/test-support.js')
    const mock = await startMock({ profile: 'vbr-13' })
    try {
      const options = { target: mock.url, profile: 'vbr-13', accounts: accountsOf('vbr-13'), http: { timeoutMs: 10_000, insecure: false }, only: 'token' }
      const older = await runConformance({ ...options, apiVersion: '1.1-rev0' })
      expect([older.exitCode, older.summary.failed]).toEqual([0, 0])
      const refused = await runConformance({ ...options, apiVersion: '1.3-rev2' })
      expect(refused.exitCode).toBe(2)
      expect(refused.error).toContain('NotImplemented')
    } finally {
      await mock.close()
    }
  })
})
