/** @module Live sessions at runtime: list them, revoke one ("an administrator revoked my session") or all. */
import type { MockState } from '../engine/mock-state.js'
import type { Session } from '../store/types.js'
import { fingerprint } from './fingerprint.js'
import { pageOf, type Page, type PageWindow } from './page.js'

// A restored session's tokens are known only by their SHA-256, whose first 8 hex digits are the fingerprint;
// a token that was no longer live when saved has none (''), so such a session goes by its refresh token's.
const accessPrint = (s: Session) => s.restored?.accessDigest.slice(0, 8) ?? fingerprint(s.accessToken)
const refreshPrint = (s: Session) => s.restored?.refreshDigest.slice(0, 8) ?? fingerprint(s.refreshToken)
const idOf = (s: Session) => accessPrint(s) || refreshPrint(s)

/** A session as the control API shows it: tokens only as fingerprints. */
export interface SessionView {
  /** The access token's fingerprint; the id to revoke it by. */
  id: string
  kind: 'user' | 'client'
  /** The user, or the user that created the client. */
  account: string | undefined
  client_id?: string
  access_token: string
  refresh_token: string
  access_expires_at: string
  refresh_expires_at: string
}

export interface SessionControl {
  list(): SessionView[]
  /** One page of list(), and how many there are: only the page is formatted (fingerprints cost a hash each). */
  page(window: PageWindow): Page<SessionView>
  /** Ends the session with this id (or access-token fingerprint); false when none is live. */
  revoke(id: string): boolean
  /** Ends every live session; returns how many. */
  revokeAll(): number
}

export function sessionControl(state: MockState): SessionControl {
  const { store } = state
  const ownerOf = (s: Session) => {
    const id = s.principal.kind === 'user' ? s.principal.accountId : store.getClient(s.principal.clientId)?.ownerId
    const account = id === undefined ? undefined : store.getAccount(id)
    return account && `${account.domain}\\${account.name}`
  }
  const view = (s: Session): SessionView => ({
    id: idOf(s),
    kind: s.principal.kind,
    account: ownerOf(s),
    ...(s.principal.kind === 'client' ? { client_id: s.principal.clientId } : {}),
    access_token: accessPrint(s),
    refresh_token: refreshPrint(s),
    access_expires_at: new Date(s.accessExpiresAt).toISOString(),
    refresh_expires_at: new Date(s.refreshExpiresAt).toISOString(),
  })
  return {
    list: () => store.sessions(state.clock.now()).map(view),
    page: (window) => pageOf(store.sessions(state.clock.now()), window, view),
    revoke(id) {
      const session = store.sessions(state.clock.now()).find((s) => idOf(s) === id)
      if (session === undefined) return false
      store.revokeSession(session)
      return true
    },
    revokeAll() {
      const sessions = store.sessions(state.clock.now())
      for (const s of sessions) store.revokeSession(s)
      return sessions.length
    },
  }
}
