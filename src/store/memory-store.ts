/** @module The in-memory store behind the engine. It keeps records; rules live in the engine. */
import { randomUUID } from 'node:crypto'
import { hashSecret, tokenDigest } from '../security/secret.js'
import { ExpiringIndex } from './expiring-index.js'
import type { Account, ClientAccount, NewAccount, Principal, Session, StoreChange } from './types.js'

/** Case-insensitive key of `DOMAIN\NAME`. */
export function accountKey(domain: string, name: string): string {
  return `${domain.toLowerCase()}\\${name.toLowerCase()}`
}

const accessExpiry = (s: Session) => s.accessExpiresAt
const refreshExpiry = (s: Session) => s.refreshExpiresAt
const principalKey = (p: Principal) => (p.kind === 'user' ? `u:${p.accountId}` : `c:${p.clientId}`)

/** An account as a state file restores it: the password only as its digest. */
export type AccountRecord = Omit<Account, 'id'>

export interface StoreOptions {
  /** Called after every change to accounts, client accounts or sessions (not on expiry). */
  onChange?: (change: StoreChange) => void
  /** Index sessions by principal, so revokeSessionsOf works (single-session mode); off, no index is kept. */
  sessionsByPrincipal?: boolean
}

export class MemoryStore {
  readonly #accountsByKey = new Map<string, Account>()
  readonly #accountsById = new Map<string, Account>()
  readonly #clients = new Map<string, ClientAccount>()
  readonly #clientsByOwner = new Map<string, Map<string, ClientAccount>>()
  readonly #byAccess = new ExpiringIndex<Session>(accessExpiry)
  readonly #byRefresh = new ExpiringIndex<Session>(refreshExpiry)
  // Restored sessions, by the SHA-256 of their tokens; empty unless a state file brought some back.
  readonly #restoredByAccess = new ExpiringIndex<Session>(accessExpiry)
  readonly #restoredByRefresh = new ExpiringIndex<Session>(refreshExpiry)
  /**
   * Sessions by principal, oldest first, for single-session mode (undefined otherwise: it would hold every
   * session once more); expired ones are pruned as sessions are added.
   */
  readonly #byPrincipal: Map<string, Set<Session>> | undefined
  readonly #changed: (change: StoreChange) => void

  constructor(options: StoreOptions = {}) {
    this.#changed = options.onChange ?? (() => {})
    this.#byPrincipal = options.sessionsByPrincipal === true ? new Map() : undefined
  }

  // Accounts

  addAccount(input: NewAccount): Account {
    const { password, disabled, mfaSecret, ...rest } = input
    const record = { ...rest, passwordHash: hashSecret(password), disabled: disabled ?? false }
    return this.restoreAccount(mfaSecret === undefined ? record : { ...record, mfaSecret })
  }

  /** Adds (or replaces) an account whose password is known only by its digest. */
  restoreAccount(record: AccountRecord): Account {
    const account: Account = { id: randomUUID(), ...record }
    const key = accountKey(account.domain, account.name)
    const previous = this.#accountsByKey.get(key)
    if (previous !== undefined) this.removeAccount(previous.id)
    this.#accountsByKey.set(key, account)
    this.#accountsById.set(account.id, account)
    this.#changed('accounts')
    return account
  }

  updateAccount(id: string, patch: Partial<Pick<Account, 'role' | 'disabled' | 'passwordHash'>>): Account | undefined {
    const account = this.#accountsById.get(id)
    if (account === undefined) return undefined
    Object.assign(account, patch)
    this.#changed('accounts')
    return account
  }

  findAccount(domain: string, name: string): Account | undefined {
    return this.#accountsByKey.get(accountKey(domain, name))
  }

  getAccount(id: string): Account | undefined {
    return this.#accountsById.get(id)
  }

  accounts(): Account[] {
    return [...this.#accountsById.values()]
  }

  /** Removes the account and the client accounts it created. */
  removeAccount(id: string): boolean {
    const account = this.#accountsById.get(id)
    if (account === undefined) return false
    this.#accountsById.delete(id)
    this.#accountsByKey.delete(accountKey(account.domain, account.name))
    for (const clientId of [...(this.#clientsByOwner.get(id)?.keys() ?? [])]) this.deleteClient(clientId)
    this.#byPrincipal?.delete(`u:${id}`)
    this.#changed('accounts')
    return true
  }

  // Client accounts

  addClient(client: ClientAccount): void {
    this.#clients.set(client.id, client)
    let owned = this.#clientsByOwner.get(client.ownerId)
    if (owned === undefined) this.#clientsByOwner.set(client.ownerId, (owned = new Map()))
    owned.set(client.id, client)
    this.#changed('clients')
  }

  /** By id, case-insensitively. */
  getClient(id: string): ClientAccount | undefined {
    return this.#clients.get(id.toLowerCase())
  }

  /** The clients an account created, oldest first. */
  /** How many client accounts `ownerId` has, without listing them. */
  clientCountOf(ownerId: string): number {
    return this.#clientsByOwner.get(ownerId)?.size ?? 0
  }

  clientsOf(ownerId: string): ClientAccount[] {
    return [...(this.#clientsByOwner.get(ownerId)?.values() ?? [])]
  }

  deleteClient(id: string): boolean {
    const client = this.getClient(id)
    if (client === undefined) return false
    this.#clients.delete(client.id)
    this.#clientsByOwner.get(client.ownerId)?.delete(client.id)
    this.#byPrincipal?.delete(`c:${client.id}`)
    this.#changed('clients')
    return true
  }

  get clientCount(): number {
    return this.#clients.size
  }

  // Sessions

  /** Indexes a new (or restored) session; `now` prunes its principal's expired sessions. */
  addSession(session: Session, now: number): void {
    if (session.restored === undefined) {
      this.#byAccess.set(session.accessToken, session)
      this.#byRefresh.set(session.refreshToken, session)
    } else {
      // A restored token that is no longer live is not indexed: it could never be found.
      const { accessDigest, refreshDigest } = session.restored
      if (now < session.accessExpiresAt) this.#restoredByAccess.set(accessDigest, session)
      if (now < session.refreshExpiresAt) this.#restoredByRefresh.set(refreshDigest, session)
    }
    if (this.#byPrincipal !== undefined) this.#indexByPrincipal(this.#byPrincipal, session, now)
    this.#changed('sessions')
  }

  #indexByPrincipal(index: Map<string, Set<Session>>, session: Session, now: number): void {
    const key = principalKey(session.principal)
    let sessions = index.get(key)
    if (sessions === undefined) index.set(key, (sessions = new Set()))
    let budget = 16
    for (const old of sessions) {
      if (budget-- === 0 || now < Math.max(old.accessExpiresAt, old.refreshExpiresAt)) break
      sessions.delete(old)
    }
    sessions.add(session)
  }

  byAccessToken(token: string, now: number): Session | undefined {
    const session = this.#byAccess.get(token, now)
    if (session !== undefined || this.#restoredByAccess.size === 0) return session
    return this.#restoredByAccess.get(tokenDigest(token), now)
  }

  byRefreshToken(token: string, now: number): Session | undefined {
    const session = this.#byRefresh.get(token, now)
    if (session !== undefined || this.#restoredByRefresh.size === 0) return session
    return this.#restoredByRefresh.get(tokenDigest(token), now)
  }

  /** Which of the session's tokens still work at `now`. */
  liveTokens(session: Session, now: number): { access: boolean; refresh: boolean } {
    const r = session.restored
    const access = r === undefined ? this.#byAccess.get(session.accessToken, now) : this.#restoredByAccess.get(r.accessDigest, now)
    const refresh = r === undefined ? this.#byRefresh.get(session.refreshToken, now) : this.#restoredByRefresh.get(r.refreshDigest, now)
    return { access: access === session, refresh: refresh === session }
  }

  /** Makes the session's access token unusable, its refresh token left working (a logout that keeps it: engine/outcomes.ts). */
  dropAccessToken(session: Session): void {
    if (session.restored === undefined) this.#byAccess.delete(session.accessToken)
    else this.#restoredByAccess.delete(session.restored.accessDigest)
    this.#changed('sessions')
  }

  /** Makes the session's refresh token unusable (it was used, or revoked). */
  dropRefreshToken(session: Session): void {
    if (session.restored === undefined) this.#byRefresh.delete(session.refreshToken)
    else this.#restoredByRefresh.delete(session.restored.refreshDigest)
    this.#changed('sessions')
  }

  /** Ends the session: neither of its tokens works any more. */
  revokeSession(session: Session): void {
    if (session.restored === undefined) {
      this.#byAccess.delete(session.accessToken)
      this.#byRefresh.delete(session.refreshToken)
    } else {
      this.#restoredByAccess.delete(session.restored.accessDigest)
      this.#restoredByRefresh.delete(session.restored.refreshDigest)
    }
    this.#byPrincipal?.get(principalKey(session.principal))?.delete(session)
    this.#changed('sessions')
  }

  /** Ends every session of `principal` (single-session mode, on a new login); returns how many were indexed. */
  revokeSessionsOf(principal: Principal): number {
    if (this.#byPrincipal === undefined) throw new Error('revokeSessionsOf needs a store made with sessionsByPrincipal')
    const sessions = [...(this.#byPrincipal.get(principalKey(principal)) ?? [])]
    for (const session of sessions) this.revokeSession(session)
    return sessions.length
  }

  /** Live sessions at `now` (those whose access or refresh token still works), each once. */
  sessions(now: number): Session[] {
    // One set, filled in place: the control listing runs this over every session (hundreds of thousands).
    const live = new Set<Session>()
    for (const index of [this.#byAccess, this.#byRefresh, this.#restoredByAccess, this.#restoredByRefresh]) {
      for (const session of index.values(now)) live.add(session)
    }
    return [...live]
  }

  /** Drops some expired tokens; called as tokens are issued, so the cost is spread out. */
  sweep(now: number): void {
    this.#byAccess.sweep(now)
    this.#byRefresh.sweep(now)
    if (this.#restoredByAccess.size > 0) this.#restoredByAccess.sweep(now)
    if (this.#restoredByRefresh.size > 0) this.#restoredByRefresh.sweep(now)
  }

  /** Token index sizes, for memory checks. */
  get tokenCounts(): { access: number; refresh: number } {
    return {
      access: this.#byAccess.size + this.#restoredByAccess.size,
      refresh: this.#byRefresh.size + this.#restoredByRefresh.size,
    }
  }

  clearSessions(): void {
    for (const index of [this.#byAccess, this.#byRefresh, this.#restoredByAccess, this.#restoredByRefresh]) index.clear()
    this.#byPrincipal?.clear()
    this.#changed('sessions')
  }
}
