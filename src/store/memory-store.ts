/** @module The in-memory store behind the engine. It keeps records; rules live in the engine. */
import { randomUUID } from 'node:crypto'
import { hashSecret } from '../security/secret.js'
import { ExpiringIndex } from './expiring-index.js'
import type { Account, ClientAccount, NewAccount, Session } from './types.js'

/** Case-insensitive key of `DOMAIN\NAME`. */
export function accountKey(domain: string, name: string): string {
  return `${domain.toLowerCase()}\\${name.toLowerCase()}`
}

export class MemoryStore {
  readonly #accountsByKey = new Map<string, Account>()
  readonly #accountsById = new Map<string, Account>()
  readonly #clients = new Map<string, ClientAccount>()
  readonly #clientsByOwner = new Map<string, Map<string, ClientAccount>>()
  readonly #byAccess = new ExpiringIndex<Session>()
  readonly #byRefresh = new ExpiringIndex<Session>()

  // Accounts

  addAccount(input: NewAccount): Account {
    const account: Account = {
      id: randomUUID(),
      domain: input.domain,
      name: input.name,
      role: input.role,
      passwordHash: hashSecret(input.password),
      disabled: input.disabled ?? false,
    }
    const key = accountKey(account.domain, account.name)
    const previous = this.#accountsByKey.get(key)
    if (previous !== undefined) this.removeAccount(previous.id)
    this.#accountsByKey.set(key, account)
    this.#accountsById.set(account.id, account)
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
    return true
  }

  // Client accounts

  addClient(client: ClientAccount): void {
    this.#clients.set(client.id, client)
    let owned = this.#clientsByOwner.get(client.ownerId)
    if (owned === undefined) this.#clientsByOwner.set(client.ownerId, (owned = new Map()))
    owned.set(client.id, client)
  }

  /** By id, case-insensitively. */
  getClient(id: string): ClientAccount | undefined {
    return this.#clients.get(id.toLowerCase())
  }

  /** The clients an account created, oldest first. */
  clientsOf(ownerId: string): ClientAccount[] {
    return [...(this.#clientsByOwner.get(ownerId)?.values() ?? [])]
  }

  deleteClient(id: string): boolean {
    const client = this.getClient(id)
    if (client === undefined) return false
    this.#clients.delete(client.id)
    this.#clientsByOwner.get(client.ownerId)?.delete(client.id)
    return true
  }

  get clientCount(): number {
    return this.#clients.size
  }

  // Sessions

  addSession(session: Session): void {
    this.#byAccess.set(session.accessToken, session, session.accessExpiresAt)
    this.#byRefresh.set(session.refreshToken, session, session.refreshExpiresAt)
  }

  byAccessToken(token: string, now: number): Session | undefined {
    return this.#byAccess.get(token, now)
  }

  byRefreshToken(token: string, now: number): Session | undefined {
    return this.#byRefresh.get(token, now)
  }

  /** Makes the session's refresh token unusable (it was used, or revoked). */
  dropRefreshToken(session: Session): void {
    this.#byRefresh.delete(session.refreshToken)
  }

  /** Ends the session: neither of its tokens works any more. */
  revokeSession(session: Session): void {
    this.#byAccess.delete(session.accessToken)
    this.#byRefresh.delete(session.refreshToken)
  }

  /** Live sessions at `now` (those whose access or refresh token still works), each once. */
  sessions(now: number): Session[] {
    return [...new Set([...this.#byAccess.values(now), ...this.#byRefresh.values(now)])]
  }

  /** Drops some expired tokens; called as tokens are issued, so the cost is spread out. */
  sweep(now: number): void {
    this.#byAccess.sweep(now)
    this.#byRefresh.sweep(now)
  }

  /** Token index sizes, for memory checks. */
  get tokenCounts(): { access: number; refresh: number } {
    return { access: this.#byAccess.size, refresh: this.#byRefresh.size }
  }

  clearSessions(): void {
    this.#byAccess.clear()
    this.#byRefresh.clear()
  }
}
