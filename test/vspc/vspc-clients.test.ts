/**
 * @module Real clients over a socket: a generic OAuth 2.0 library (simple-oauth2) completes password and refresh against
 * every VSPC profile; the MFA login works end to end with a TOTP code this test computes itself from the fixture's secret.
 */
import { ResourceOwnerPassword } from 'simple-oauth2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { decodeBase32, totpCode } from '../../conformance/totp.js'
import { defaultFixtures } from '../../src/accounts/fixtures.js'
import { startMock, type RunningMock } from '../../src/start-mock.js'

describe('vspc-9 over a real socket', () => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock({ profile: 'vspc-9' })
  })
  afterAll(() => mock.close())

  const form = (fields: Record<string, string>) =>
    fetch(`${mock.url}/api/v3/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) })

  it('the MFA account logs in with the password step and a TOTP code computed here; the same code is refused the second time', async () => {
    const secret = defaultFixtures('vspc-9').find((a) => a.username === 'vspc\\mfauser')!.mfaSecret!
    const step = async () => ((await (await form({ grant_type: 'password', username: 'vspc\\mfauser', password: 'Password1' })).json()) as { access_token: null; mfa_token: string })
    const pending = await step()
    expect(pending.access_token).toBeNull()
    // The suite's own TOTP (conformance/totp.ts), written apart from the mock's src/security/totp.ts.
    const code = totpCode(decodeBase32(secret)!, Date.now())
    const done = await form({ grant_type: 'mfa', mfa_token: pending.mfa_token, mfa_code: code })
    expect(done.status).toBe(200)
    const { access_token } = (await done.json()) as { access_token: string }
    expect((await fetch(`${mock.url}/api/v3/about`, { headers: { authorization: `Bearer ${access_token}` } })).status).toBe(200)
    const again = await form({ grant_type: 'mfa', mfa_token: (await step()).mfa_token, mfa_code: code })
    expect([again.status, ((await again.json()) as { error: string }).error]).toEqual([400, 'invalid_grant'])
  })
})

describe.each(['vspc-8.1', 'vspc-9', 'vspc-9.1', 'vspc-9.2'] as const)('simple-oauth2 against %s', (profile) => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock({ profile })
  })
  afterAll(() => mock.close())

  it('logs in with the password grant and refreshes once; the used refresh token is refused', async () => {
    const client = new ResourceOwnerPassword({
      client: { id: 'generic-client', secret: 'unused' },
      auth: { tokenHost: mock.url, tokenPath: '/api/v3/token' },
      options: { authorizationMethod: 'body' },
    })
    const token = await client.getToken({ username: 'vspc\\administrator', password: 'Password1' })
    expect(token.token['token_type']).toBe('bearer')
    expect(token.expired()).toBe(false)
    const me = await fetch(`${mock.url}/api/v3/users/me`, { headers: { authorization: `Bearer ${String(token.token['access_token'])}` } })
    expect(((await me.json()) as { data: { userName: string } }).data.userName).toBe('vspc\\administrator')
    const refreshed = await token.refresh()
    expect(refreshed.token['access_token']).not.toBe(token.token['access_token'])
    await expect(token.refresh()).rejects.toMatchObject({ output: { statusCode: 400 } })
  })
})
