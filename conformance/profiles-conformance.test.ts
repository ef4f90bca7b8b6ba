/** @module The suite against every profile of the mock: it adapts from each spec alone, and catches quirks on the seed profiles. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { QUIRKS, type QuirkName } from '../src/engine/quirks.js'
import { PROFILES } from '../src/profiles/index.js'
import type { Profile } from '../src/profiles/profile.js'
import { CHECKS } from './checks.js'
import { runConformance } from './run.js'
import { accountsOf, AIMED, startMock } from './test-support.js'

const HTTP = { timeoutMs: 10_000, insecure: false }

async function run(profile: Profile, quirks: QuirkName[], strict: boolean) {
  // The control API lets the time checks run against every profile's lifetimes.
  const mock = await startMock(quirks, undefined, profile.id, { control: true })
  try {
    return await runConformance({ target: mock.url, profile: profile.id, accounts: accountsOf(profile.id), http: HTTP, strict })
  } finally {
    await mock.close()
  }
}

describe.each(PROFILES.map((p) => [p.id, p] as const))('the faithful mock, profile %s, with --strict', (_, profile) => {
  it('exits 0 with 0 failures and 0 warnings, nothing left behind; only checks the profile cannot have are skipped', async () => {
    const result = await run(profile, [], true)
    expect(result.results.filter((r) => r.outcome !== 'passed' && r.outcome !== 'skipped')).toEqual([])
    expect(result.exitCode).toBe(0)
    expect(result.leftBehind).toEqual([])
    // Exactly what the profile lacks: client accounts (vac-2, VBR), bare user names (the DOMAIN\\USERNAME-only releases),
    // a version header, TokenModel dates and the authorization_code grant (all but VBR), MFA and API keys (all but VSPC).
    const scenario = (...names: string[]) => [...CHECKS.values()].filter((c) => names.includes(c.scenario)).map((c) => c.id)
    const expected = [
      ...(profile.clientBases.length > 0 ? [] : scenario('clients', 'cross-user')),
      ...(profile.usernames.bareAllowed ? [] : ['bare-username-accepted']),
      ...(profile.apiVersion === undefined
        ? scenario('api-version')
        : profile.apiVersion.optional === true
          ? ['missing-api-version-refused', 'missing-api-version-error-code']
          : ['missing-optional-api-version-served']),
      // A second factor and API keys (VSPC); throttling needs --throttle-probe and a 429 to look at.
      ...(profile.mfa !== undefined ? [] : scenario('mfa')),
      ...(profile.apiKeys !== undefined ? [] : scenario('api-keys')),
      ...scenario('throttle'),
      profile.logout?.scope === 'user' ? 'logout-keeps-other-sessions' : 'revoke-ends-every-session-of-user',
      ...(profile.tokenResponse.fields.includes('.issued') ? [] : ['token-dates-have-offset', 'token-dates-match-expires-in']),
      ...(profile.authorizationCode !== undefined && profile.grants.includes('authorization_code') ? [] : scenario('authorization-code')),
      // VB365 v6 documents no logout; only VB365 v7 and v8 have antiforgery tokens; only Veeam ONE revokes by name.
      ...(profile.logout !== undefined ? [] : scenario('logout')),
      ...(profile.antiforgery !== undefined ? [] : scenario('antiforgery')),
      ...(profile.logout?.params !== undefined ? [] : scenario('revoke')),
    ]
    const skipped = result.results.filter((r) => r.outcome === 'skipped')
    expect(skipped.map((r) => r.id).sort()).toEqual([...new Set(expected)].sort())
    for (const r of skipped.filter((r) => CHECKS.get(r.id)!.scenario === 'clients')) expect(r.note).toBe('the spec has no client accounts')
  })
})

/** Quirks that break a rule the profile has (no Clients resource on vac-2; vao-3 already refuses bare names). */
function applicable(profile: Profile): QuirkName[] {
  return (Object.keys(QUIRKS) as QuirkName[]).filter((name) => {
    // Quirks of rules only another product has (VBR's version header, dates, codes) are proven there.
    if (AIMED[name].profile !== undefined && AIMED[name].profile !== profile.id) return false
    if (profile.clientBases.length === 0 && /client|secret|list-|create-/.test(name)) return false
    if (AIMED[name].profile !== undefined) return false
    if (name === 'logout-returns-200' && profile.logout?.status === 200) return false
    if (name === 'bare-username-refused' && !profile.usernames.bareAllowed) return false
    return true
  })
}

/** --strict where the quirk breaks an assumption: rotation everywhere, the logout route where it is assumed (vao-3). */
function strictFor(profile: Profile, name: QuirkName): boolean {
  return AIMED[name].strict === true || (name === 'logout-returns-200' && profile.logout?.assumed === true)
}

describe.each(['vao-3', 'vac-2'])('the quirk matrix on seed profile %s', (id) => {
  const profile = PROFILES.find((p) => p.id === id)!
  const names = applicable(profile)
  let runs: Map<QuirkName, Awaited<ReturnType<typeof runConformance>>>

  beforeAll(async () => {
    runs = new Map(await Promise.all(names.map(async (name) => [name, await run(profile, [name], strictFor(profile, name))] as const)))
  }, 60_000)
  afterAll(() => runs.clear())

  it.each(names)('%s: exit 1 and the aimed check failed', (name) => {
    const result = runs.get(name)!
    expect(result.results.filter((r) => r.outcome === 'failed').map((r) => r.id)).toContain(AIMED[name].check)
    expect(result.exitCode).toBe(1)
    expect(result.leftBehind).toEqual([])
  })
})
