/** @module A generic OAuth 2.0 library (simple-oauth2) completes password and refresh against every VB365 and Veeam ONE profile (vb365-6, -7, -8, vone-12, vone-13). */
import { ResourceOwnerPassword } from 'simple-oauth2'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startMock, type RunningMock } from '../../src/start-mock.js'

/** Each profile's documented account, its token path, a resource to call with the token, and the opt-out field where there is antiforgery. */
const TARGETS = [
  { profile: 'vb365-6', tokenPath: '/v6/Token', username: 'administrator', resource: '/v6/ServiceInstance', extra: {} },
  { profile: 'vb365-7', tokenPath: '/v7/token', username: 'administrator', resource: '/v7/ServiceInstance', extra: { disable_antiforgery_token: 'true' } },
  { profile: 'vb365-8', tokenPath: '/v8/token', username: 'administrator', resource: '/v8/ServiceInstance', extra: { disable_antiforgery_token: 'true' } },
  { profile: 'vone-12', tokenPath: '/api/token', username: 'one-srv\\administrator', resource: '/api/v2.2/about', extra: {} },
  { profile: 'vone-13', tokenPath: '/api/token', username: 'one-srv\\administrator', resource: '/api/v2.3/about', extra: {} },
] as const

describe.each(TARGETS.map((t) => [t.profile, t] as const))('simple-oauth2 against %s', (_, target) => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock({ profile: target.profile })
  })
  afterAll(() => mock.close())

  it('logs in with the password grant, calls a resource, refreshes once, and the used refresh token is refused', async () => {
    const client = new ResourceOwnerPassword({
      // Neither product has OAuth clients; libraries still send an id, which the mock ignores.
      client: { id: 'generic-client', secret: 'unused' },
      auth: { tokenHost: mock.url, tokenPath: target.tokenPath },
      options: { authorizationMethod: 'body' },
    })
    const token = await client.getToken({ username: target.username, password: 'Password1', ...target.extra } as { username: string; password: string })
    expect(token.token['token_type']).toMatch(/^bearer$/i)
    expect(token.expired()).toBe(false)
    const resource = await fetch(`${mock.url}${target.resource}`, { headers: { authorization: `Bearer ${String(token.token['access_token'])}` } })
    expect(resource.status).toBe(200)
    const refreshed = await token.refresh(target.extra as { scope?: string })
    expect(refreshed.token['access_token']).not.toBe(token.token['access_token'])
    await expect(token.refresh(target.extra as { scope?: string })).rejects.toMatchObject({ output: { statusCode: 400 } })
  })
})
