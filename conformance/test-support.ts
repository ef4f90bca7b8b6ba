/** @module For the suite's tests only: a mock on an ephemeral port, the default accounts, the check aimed at each quirk. */
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { createMock, type AppOptions } from '../src/create-mock.js'
import type { QuirkName } from '../src/engine/quirks.js'
import { defaultFixtures } from '../src/accounts/fixtures.js'
import { findProfile } from '../src/profiles/index.js'
import { listen } from '../src/server/listen.js'
import { CHECKS } from './checks.js'
import type { Accounts } from './scenarios/accounts.js'

/** The vro-7.1 fixture accounts (Password1 is the vendor's documented example password). */
export const ACCOUNTS: Accounts = {
  user: { username: 'vdro\\administrator', password: 'Password1', placeholder: 'VEEAM_PASSWORD' },
  other: { username: 'vdro\\planauthor', password: 'Password1', placeholder: 'VEEAM_OTHER_PASSWORD' },
  unprivileged: { username: 'vdro\\viewer', password: 'Password1', placeholder: 'VEEAM_UNPRIVILEGED_PASSWORD' },
}

/** `more`: e.g. `{ control: true }`, which lets the time checks run (they are skipped without it). */
export async function startMock(quirks: QuirkName[] = [], onRequest?: AppOptions['onRequest'], profile = 'vro-7.1', more: AppOptions = {}) {
  const found = findProfile(profile)
  if (found === undefined) throw new Error(`no profile ${profile}`)
  const mock = createMock({ ...more, profile: found, quirks, ...(onRequest !== undefined && { onRequest }) })
  const server = await listen(mock.app.fetch, { port: 0 })
  return { ...mock, url: server.url, close: () => server.close() }
}

/**
 * The checks of other products' rules, skipped on vro-7.1 and only they: VBR's version header, TokenModel dates and
 * authorization code; VSPC's MFA, API keys, revoke of every session of a user and throttling; VB365's antiforgery and
 * Veeam ONE's revoke.
 */
export const NOT_ON_VRO: readonly string[] = [...CHECKS.values()]
  .filter(
    (c) =>
      ['api-version', 'authorization-code', 'antiforgery', 'revoke', 'mfa', 'api-keys', 'throttle'].includes(c.scenario) ||
      c.id.startsWith('token-dates-') ||
      c.id === 'revoke-ends-every-session-of-user',
  )
  .map((c) => c.id)

/** First account, another with API rights, one without, and one with a second factor (with its secret), from the profile's fixtures. */
export function accountsOf(profileId: string): Accounts {
  const profile = findProfile(profileId)!
  const fixtures = defaultFixtures(profileId)
  const mfa = profile.mfa === undefined ? undefined : fixtures.find((a) => a.mfaSecret !== undefined)
  const allowed = fixtures.filter((a) => profile.roles.includes(a.role) && a !== mfa)
  const refused = fixtures.find((a) => !profile.roles.includes(a.role))!
  const as = (a: { username: string; password: string }, placeholder: string) => ({ username: a.username, password: a.password, placeholder })
  return {
    user: as(allowed[0]!, 'VEEAM_PASSWORD'),
    other: as(allowed[1]!, 'VEEAM_OTHER_PASSWORD'),
    unprivileged: as(refused, 'VEEAM_UNPRIVILEGED_PASSWORD'),
    ...(mfa !== undefined && { mfa: { ...as(mfa, 'VEEAM_MFA_PASSWORD'), secret: mfa.mfaSecret! } }),
  }
}

/**
 * The check aimed at each quirk's rule; `strict` where the rule is an assumption of the spec; `profile`: where the
 * rule exists, to prove the quirk on (default vro-7.1).
 */
export const AIMED: Record<QuirkName, { check: string; strict?: true; profile?: string; mock?: AppOptions; run?: { throttleProbe?: number } }> = {
  'clients-can-create-clients': { check: 'client-cannot-create-client' },
  'client-sees-sibling-ids': { check: 'client-lists-only-own-id' },
  'client-can-delete-siblings': { check: 'client-cannot-delete-sibling' },
  'logout-keeps-token': { check: 'logged-out-access-token-refused' },
  'logout-returns-200': { check: 'logout-returns-documented-status' },
  'refresh-token-reusable': { check: 'used-refresh-token-refused', strict: true },
  'logout-keeps-refresh': { check: 'logged-out-refresh-token-refused', strict: true },
  'unknown-client-400': { check: 'user-delete-unknown-client-is-404', strict: true },
  'client-delete-other-404': { check: 'client-delete-sibling-refused-with-403', strict: true },
  'client-create-refused-400': { check: 'client-create-refused-with-403', strict: true },
  'role-refused-unauthorized-client': { check: 'unprivileged-account-is-invalid-grant', strict: true },
  'wrong-secret-accepted': { check: 'wrong-client-secret-refused' },
  'list-wrapped-in-object': { check: 'user-lists-exactly-its-clients' },
  'create-response-camel-case': { check: 'user-creates-client' },
  'missing-auth-accepted': { check: 'missing-token-is-401' },
  'bare-username-refused': { check: 'bare-username-accepted' },
  'server-error-on-bad-grant': { check: 'no-server-error-on-client-mistake' },
  'expires-in-as-string': { check: 'expires-in-is-positive-integer' },
  'api-version-not-required': { check: 'missing-api-version-refused', profile: 'vbr-12' },
  'any-api-version-accepted': { check: 'unsupported-api-version-refused', profile: 'vbr-12' },
  'empty-401-body': { check: 'resource-error-bodies-match-spec', profile: 'vbr-12' },
  'token-dates-inconsistent': { check: 'token-dates-match-expires-in', profile: 'vbr-12' },
  'dates-without-offset': { check: 'token-dates-have-offset', profile: 'vbr-12' },
  'authorization-code-reusable': { check: 'used-authorization-code-refused', profile: 'vbr-12' },
  'mfa-code-reusable': { check: 'mfa-reused-code-refused', profile: 'vspc-9' },
  'api-key-survives-delete': { check: 'deleted-api-key-refused', profile: 'vspc-9' },
  'revoke-ends-only-own-session': { check: 'revoke-ends-every-session-of-user', profile: 'vspc-9' },
  // Throttling on (3 requests a second: the clean-up gets through by waiting) and the probe to meet it; the header is an assumption, so --strict.
  'throttle-without-retry-after': {
    check: 'throttled-answer-has-retry-after',
    strict: true,
    profile: 'vspc-9',
    mock: { throttle: { requests: 3, windowSeconds: 1 } },
    run: { throttleProbe: 3 },
  },
  'antiforgery-not-required': { check: 'refresh-without-antiforgery-refused', profile: 'vb365-8' },
  'logout-returns-204': { check: 'logout-returns-documented-status', profile: 'vb365-7' },
  'revoke-ignores-token-parameter': { check: 'revoke-named-token-refused', profile: 'vone-12' },
  // Revoke by SID is the assumption revoke-rules (the vendor names the field, not what it ends), so --strict.
  'revoke-sid-ends-only-own-session': { check: 'revoke-by-user-sid-ends-every-session-of-user', strict: true, profile: 'vone-13' },
}

/** Runs the suite's CLI (`npm run conformance -- ARGS`) as a child process, with `env` added to this one's. */
export function conformanceCli(args: string[], env: Record<string, string> = {}): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'conformance/cli.ts', ...args], { cwd: fileURLToPath(new URL('..', import.meta.url)), env: { ...process.env, ...env } })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.on('close', (code) => resolve({ code, stdout, stderr }))
  })
}
