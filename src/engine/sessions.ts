/** @module Issuing a session: a fresh access token paired with a fresh refresh token. */
import { newAccessToken, newRefreshToken } from '../security/credentials.js'
import type { Principal, Session } from '../store/types.js'
import type { MockState } from './mock-state.js'

export interface TokenResponse {
  access_token: string
  token_type: string
  expires_in: number
  refresh_token: string
}

/**
 * Creates a session for `principal` and returns the token response body, with the profile's fields in its order.
 * `login`: the session comes from credentials (password or client_credentials), not from a refresh token; in
 * single-session mode it ends the principal's earlier sessions, as the vendor warns simultaneous sessions under the
 * same credentials "may interfere with each other". A user's login leaves its client accounts' sessions alone.
 */
export function issueSession(state: MockState, principal: Principal, login = false): Record<string, unknown> {
  const now = state.clock.now()
  const { accessSeconds, refreshSeconds } = state.lifetimes
  const session: Session = {
    principal,
    accessToken: newAccessToken(state.random),
    refreshToken: newRefreshToken(state.random),
    accessExpiresAt: now + accessSeconds * 1000,
    refreshExpiresAt: now + refreshSeconds * 1000,
  }
  state.store.sweep(now)
  if (login && state.sessionMode === 'single') state.store.revokeSessionsOf(principal)
  state.store.addSession(session, now)
  const full: TokenResponse = {
    access_token: session.accessToken,
    token_type: state.profile.tokenResponse.tokenType,
    // The vendor's samples show 899 for a 15-minute token: the lifetime less one second.
    expires_in: Math.max(1, accessSeconds - 1),
    refresh_token: session.refreshToken,
  }
  const body: Record<string, unknown> = {}
  for (const field of state.profile.tokenResponse.fields) body[field] = full[field]
  if (state.quirks.has('expires-in-as-string') && 'expires_in' in body) body['expires_in'] = String(full.expires_in)
  return body
}
