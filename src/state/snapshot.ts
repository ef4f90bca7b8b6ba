/** @module What survives a restart, as plain JSON: take a snapshot of a mock's store, check one, restore one. No I/O. */
import { z } from 'zod'
import type { AccountFixture } from '../accounts/fixtures.js'
import { parseUsername } from '../accounts/username.js'
import type { MockState } from '../engine/mock-state.js'
import { hashSecret } from '../security/secret.js'
import { accountKey } from '../store/memory-store.js'
import type { Account, Principal, Session } from '../store/types.js'
import { SessionTokenRecords } from './session-tokens.js'

export const STATE_FORMAT = 'veeam-auth-mock-state'
export const STATE_VERSION = 1

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits (a SHA-256)')
const Username = z.string().regex(/^[^\\]+\\[^\\]+$/, 'must be DOMAIN\\USERNAME')
const Token = z.strictObject({ sha256: Hex64, expiresAt: z.iso.datetime() })

const Snapshot = z.strictObject({
  format: z.literal(STATE_FORMAT),
  version: z.literal(STATE_VERSION),
  profile: z.string(),
  savedAt: z.iso.datetime(),
  /** Accounts that differ from the fixtures: added, re-roled, disabled or with a new password. */
  accounts: z.array(
    z.strictObject({ username: Username, role: z.string().min(1), disabled: z.boolean(), passwordSha256: Hex64 }),
  ),
  /** Fixture accounts deleted at runtime. */
  removedAccounts: z.array(Username),
  clients: z.array(
    z.strictObject({ clientId: z.string().regex(/^[0-9a-f-]{1,64}$/), owner: Username, secretSha256: Hex64 }),
  ),
  /** Only with --state-sessions; the tokens as SHA-256 only, and only those still live. */
  sessions: z
    .array(
      z.strictObject({
        account: Username.optional(),
        clientId: z.string().optional(),
        access: Token.optional(),
        refresh: Token.optional(),
      }),
    )
    .optional(),
})

export type StateSnapshot = z.infer<typeof Snapshot>

/** A state text that cannot be used; the message says why, in one line. */
export class SnapshotError extends Error {}

/** The fixture accounts as the store seeds them, by account key: what a snapshot leaves out. */
export type Baseline = Map<string, { role: string; disabled: boolean; passwordHash: Buffer; username: string }>

export function fixtureBaseline(state: MockState, fixtures: readonly AccountFixture[]): Baseline {
  const rule = { bareAllowed: true, defaultDomain: state.profile.usernames.defaultDomain }
  const baseline: Baseline = new Map()
  for (const { username, password, role, disabled } of fixtures) {
    const parsed = parseUsername(username, rule)
    if (parsed === undefined) continue
    const record = { role, disabled: disabled ?? false, passwordHash: hashSecret(password), username: `${parsed.domain}\\${parsed.name}` }
    baseline.set(accountKey(parsed.domain, parsed.name), record)
  }
  return baseline
}

const usernameOf = (a: Account) => `${a.domain}\\${a.name}`

function sameAsFixture(account: Account, baseline: Baseline): boolean {
  const fixture = baseline.get(accountKey(account.domain, account.name))
  return (
    fixture !== undefined &&
    fixture.username === usernameOf(account) &&
    fixture.role === account.role &&
    fixture.disabled === account.disabled &&
    fixture.passwordHash.equals(account.passwordHash)
  )
}

type SessionRecord = NonNullable<StateSnapshot['sessions']>[number]

// Runs once per live session on every write: no spreads or closures (a write with 29,000 sessions builds 29,000).
function sessionRecord(state: MockState, session: Session, now: number, tokens: SessionTokenRecords): SessionRecord | undefined {
  const { store } = state
  const { principal } = session
  let record: SessionRecord
  if (principal.kind === 'user') {
    const account = store.getAccount(principal.accountId)
    if (account === undefined) return undefined
    record = { account: usernameOf(account) }
  } else {
    if (store.getClient(principal.clientId) === undefined) return undefined
    record = { clientId: principal.clientId }
  }
  const live = store.liveTokens(session, now)
  if (!live.access && !live.refresh) return undefined
  const { access, refresh } = tokens.of(session)
  if (live.access) record.access = access
  if (live.refresh) record.refresh = refresh
  return record
}

/**
 * The store as a snapshot: accounts that differ from `baseline` (the fixtures), fixture accounts deleted,
 * every client account, and with `sessions` the live sessions. Secrets and tokens appear only as SHA-256.
 * Pass the same `tokens` to every snapshot of one store, so that each session's tokens are hashed once.
 */
export function takeSnapshot(
  state: MockState,
  baseline: Baseline,
  options: { sessions: boolean },
  tokens = new SessionTokenRecords(),
): StateSnapshot {
  const { store } = state
  const now = state.clock.now()
  const accounts = store.accounts()
  const present = new Set(accounts.map((a) => accountKey(a.domain, a.name)))
  return {
    format: STATE_FORMAT,
    version: STATE_VERSION,
    profile: state.profile.id,
    savedAt: new Date(now).toISOString(),
    accounts: accounts
      .filter((a) => !sameAsFixture(a, baseline))
      .map((a) => ({ username: usernameOf(a), role: a.role, disabled: a.disabled, passwordSha256: a.passwordHash.toString('hex') })),
    removedAccounts: [...baseline].filter(([key]) => !present.has(key)).map(([, fixture]) => fixture.username),
    clients: accounts.flatMap((a) =>
      store.clientsOf(a.id).map((c) => ({ clientId: c.id, owner: usernameOf(a), secretSha256: c.secretHash.toString('hex') })),
    ),
    ...(options.sessions
      ? { sessions: store.sessions(now).flatMap((s) => sessionRecord(state, s, now, tokens) ?? []) }
      : {}),
  }
}

/** Parses and checks a state text written for `profileId`; throws SnapshotError with one line saying why not. */
export function parseSnapshot(text: string, profileId: string): StateSnapshot {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw new SnapshotError('is not valid JSON (corrupt or truncated)')
  }
  const head = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>
  if (head['format'] !== STATE_FORMAT) throw new SnapshotError(`is not a veeam-auth-mock state file (no "format": "${STATE_FORMAT}")`)
  if (head['version'] !== STATE_VERSION) {
    throw new SnapshotError(`has state format version ${JSON.stringify(head['version'])}; this veeam-auth-mock reads version ${STATE_VERSION}`)
  }
  if (head['profile'] !== profileId) {
    throw new SnapshotError(`was written for profile ${JSON.stringify(head['profile'])}, not ${profileId}; use another --state file`)
  }
  const result = Snapshot.safeParse(data)
  if (!result.success) {
    const issue = result.error.issues[0]!
    throw new SnapshotError(`is corrupt: ${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
  }
  return result.data
}

/** What a restore brought back, and what it could not because what it belonged to is gone (e.g. the fixtures changed). */
export interface RestoreReport {
  clients: number
  sessions: number
  skippedClients: number
  skippedSessions: number
}

/** Applies a snapshot to a store that holds the fixtures (and nothing else yet). */
export function restoreSnapshot(state: MockState, snapshot: StateSnapshot): RestoreReport {
  const { store } = state
  const now = state.clock.now()
  const find = (username: string) => {
    const [domain, name] = username.split('\\') as [string, string]
    return store.findAccount(domain, name)
  }
  for (const username of snapshot.removedAccounts) {
    const account = find(username)
    if (account !== undefined) store.removeAccount(account.id)
  }
  for (const { username, role, disabled, passwordSha256 } of snapshot.accounts) {
    const [domain, name] = username.split('\\') as [string, string]
    store.restoreAccount({ domain, name, role, disabled, passwordHash: Buffer.from(passwordSha256, 'hex') })
  }
  const report: RestoreReport = { clients: 0, sessions: 0, skippedClients: 0, skippedSessions: 0 }
  for (const { clientId, owner, secretSha256 } of snapshot.clients) {
    const account = find(owner)
    if (account === undefined) report.skippedClients++
    else {
      store.addClient({ id: clientId, ownerId: account.id, secretHash: Buffer.from(secretSha256, 'hex') })
      report.clients++
    }
  }
  for (const record of snapshot.sessions ?? []) {
    const account = record.account === undefined ? undefined : find(record.account)
    const client = record.clientId === undefined ? undefined : store.getClient(record.clientId)
    const principal: Principal | undefined =
      account !== undefined ? { kind: 'user', accountId: account.id } : client && { kind: 'client', clientId: client.id }
    if (principal === undefined) {
      report.skippedSessions++
      continue
    }
    // A token that is not live (used, revoked or expired) comes back already expired: never found.
    const expiry = (token: { expiresAt: string } | undefined) => (token === undefined ? 0 : Date.parse(token.expiresAt))
    store.addSession(
      {
        principal,
        accessToken: '',
        refreshToken: '',
        accessExpiresAt: expiry(record.access),
        refreshExpiresAt: expiry(record.refresh),
        restored: { accessDigest: record.access?.sha256 ?? '', refreshDigest: record.refresh?.sha256 ?? '' },
      },
      now,
    )
    report.sessions++
  }
  return report
}
