/** @module Who a session speaks for, and whether that party may still use the API (clients inherit their user's rights). */
import type { MockState } from './mock-state.js'
import type { Account, ClientAccount, Principal } from '../store/types.js'

export interface ResolvedPrincipal {
  principal: Principal
  /** The user, or the user that created the client. */
  account: Account
  client?: ClientAccount
}

/** An account may use the API while it exists, is enabled and holds one of the profile's roles. */
export function accountMayUseApi(state: MockState, account: Account | undefined): account is Account {
  return account !== undefined && !account.disabled && state.profile.roles.includes(account.role)
}

/** The principal with its account, or undefined when it (or, for a client, its user) can no longer use the API. */
export function resolvePrincipal(state: MockState, principal: Principal): ResolvedPrincipal | undefined {
  if (principal.kind === 'user') {
    const account = state.store.getAccount(principal.accountId)
    return accountMayUseApi(state, account) ? { principal, account } : undefined
  }
  const client = state.store.getClient(principal.clientId)
  if (client === undefined) return undefined
  const account = state.store.getAccount(client.ownerId)
  return accountMayUseApi(state, account) ? { principal, account, client } : undefined
}
