/** @module Issuing a session: a fresh access token paired with a fresh refresh token, answered in the profile's fields. */
import { sidOf } from '../accounts/sid.js'
import { TOKEN_FORMATS } from '../oauth/token-formats/index.js'
import type { TokenField } from '../profiles/profile.js'
import type { Principal, Session } from '../store/types.js'
import type { MockState } from './mock-state.js'

export interface IssueOptions {
  /** The session comes from credentials, not a refresh token (single-session mode ends the earlier ones). */
  login?: boolean
  /** The refresh token lives the access lifetime plus the profile's shortTermRefresh.extraSeconds. */
  shortTerm?: boolean
  /** The session may only read (GET): VSPC's readOnly=true. */
  readOnly?: boolean
  /** Digest of the antiforgery token the session requires (src/engine/antiforgery.ts). */
  antiforgery?: string
}

/** `2022-04-24T14:24:18+00:00`: whole seconds with an offset, as the vendor's TokenModel example writes it. */
export function dateWithOffset(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}+00:00`
}

/** The user name tokens and responses carry: the account's, or a client's id. */
function nameOf(state: MockState, principal: Principal): string {
  if (principal.kind === 'client') return principal.clientId
  return state.store.getAccount(principal.accountId)?.name ?? ''
}

/** The account's position among the store's accounts, from 1 (Veeam ONE's UserId claim is a small number). */
function userIdOf(state: MockState, accountId: string): string {
  return String(state.store.accounts().findIndex((a) => a.id === accountId) + 1)
}

/**
 * Creates a session for `principal` and returns the token response body, with the profile's fields in its order.
 * `login`: in single-session mode a login ends the principal's earlier sessions, as the vendor warns simultaneous
 * sessions under the same credentials "may interfere with each other". A user's login leaves its client accounts' sessions alone.
 */
export function issueSession(state: MockState, principal: Principal, options: IssueOptions = {}): Record<string, unknown> {
  const now = state.clock.now()
  const { accessSeconds, refreshSeconds } = state.lifetimes
  const { profile } = state
  const short = options.shortTerm === true && profile.shortTermRefresh !== undefined
  const accessExpiresAt = now + accessSeconds * 1000
  const refreshExpiresAt = short ? accessExpiresAt + profile.shortTermRefresh!.extraSeconds * 1000 : now + refreshSeconds * 1000
  const { fields } = profile.tokenResponse
  const named = profile.tokenFormat !== 'opaque' || fields.includes('username') || fields.includes('userName')
  const name = named ? nameOf(state, principal) : ''
  const account = principal.kind === 'user' ? state.store.getAccount(principal.accountId) : undefined
  const format = TOKEN_FORMATS[profile.tokenFormat]
  const identity = account === undefined || format.identity !== true ? {} : { role: account.role, sid: sidOf(account), userId: userIdOf(state, account.id), qualifiedName: `${account.domain}\\${account.name}` }
  const claims = { name, issuedAt: now, accessExpiresAt, refreshExpiresAt, shortTerm: short, ...identity }
  const tokens = format.pair(state, claims)
  const session: Session = {
    principal,
    ...tokens,
    accessExpiresAt,
    refreshExpiresAt,
    ...(options.readOnly === true && { readOnly: true }),
    ...(options.antiforgery !== undefined && { antiforgery: options.antiforgery }),
  }
  state.store.sweep(now)
  if (options.login === true && state.sessionMode === 'single') state.store.revokeSessionsOf(principal)
  state.store.addSession(session, now)
  const dated = (ms: number) => (state.quirks.has('dates-without-offset') ? dateWithOffset(ms).slice(0, 19) : dateWithOffset(ms))
  const value = (field: TokenField): unknown => {
    switch (field) {
      case 'access_token':
        return session.accessToken
      case 'token_type':
        return profile.tokenResponse.tokenType
      case 'expires_in':
        // The orchestrators' samples show 899 for a 15-minute token (the lifetime less one second); VBR's show 900.
        return profile.tokenResponse.expiresIn === 'lifetime' ? accessSeconds : Math.max(1, accessSeconds - 1)
      case 'refresh_token':
        return session.refreshToken
      case '.issued':
        return dated(now)
      case '.expires':
        // The token-dates-inconsistent quirk: a minute off expires_in.
        return dated(state.quirks.has('token-dates-inconsistent') ? accessExpiresAt + 60_000 : accessExpiresAt)
      case 'username':
      case 'userName':
        return name
      case 'mfa_token':
      case 'encrypted_code':
        return null
      case 'user':
        return account === undefined ? name : `${account.domain}\\${account.name}`
      case 'user_role':
        return account?.role ?? ''
    }
  }
  const body: Record<string, unknown> = {}
  for (const field of profile.tokenResponse.fields) body[field] = value(field)
  if (state.quirks.has('expires-in-as-string') && 'expires_in' in body) body['expires_in'] = String(body['expires_in'])
  return body
}

/** The answer to the first step of a two-step login: every field of the profile null but mfa_token (assumption vspc-mfa-flow). */
export function pendingBody(state: MockState, mfaToken: string): Record<string, unknown> {
  const body: Record<string, unknown> = {}
  for (const field of state.profile.tokenResponse.fields) body[field] = field === 'mfa_token' ? mfaToken : null
  return body
}
