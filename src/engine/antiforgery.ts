/**
 * @module Antiforgery tokens (VB365 v7, v8): a token request without the opt-out field gets a cookie, and every later
 * request of that session, refresh included, must repeat the cookie's value in the profile's header.
 */
import { timingSafeEqual } from 'node:crypto'
import { OAuthError, ResourceError } from '../oauth/errors.js'
import type { TokenParams } from '../oauth/token-params.js'
import { tokenDigest } from '../security/secret.js'
import type { Session } from '../store/types.js'
import type { MockState } from './mock-state.js'

/** A request header by name (lower case), e.g. from requestHeader(). */
export type HeaderReader = (name: string) => string | undefined

export interface IssuedAntiforgery {
  /** Kept on the session; the token itself only goes out in the cookie. */
  digest: string
  setCookie: string
}

const MESSAGE = 'The antiforgery token is missing or invalid.'

/** A new antiforgery token for this token request, or undefined when the profile has none or the request opts out. */
export function issueAntiforgery(state: MockState, params: TokenParams): IssuedAntiforgery | undefined {
  const rule = state.profile.antiforgery
  if (rule === undefined || params.get(rule.optOutField)?.toLowerCase() === 'true') return undefined
  const token = state.random.string(32, 'base64url')
  // Readable by scripts (no HttpOnly), so a page can copy it into the header; no Secure, so it works over http too.
  return { digest: tokenDigest(token), setCookie: `${rule.cookie}=${token}; Path=/; SameSite=Strict` }
}

/** The value of cookie `name` in a Cookie header. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const eq = part.indexOf('=')
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

function sameDigest(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b))
}

/**
 * Throws unless the request carries the session's antiforgery pair: the cookie, and the header with the same value.
 * `onTokenEndpoint` picks the token endpoint's error class (a refresh) over a resource's.
 */
export function requireAntiforgery(state: MockState, session: Session, header: HeaderReader, onTokenEndpoint: boolean): void {
  const rule = state.profile.antiforgery
  if (rule === undefined || session.antiforgery === undefined || state.quirks.has('antiforgery-not-required')) return
  const sent = header(rule.header.toLowerCase())?.trim()
  const cookie = cookieValue(header('cookie'), rule.cookie)
  if (sent !== undefined && sent !== '' && sent === cookie && sameDigest(tokenDigest(sent), session.antiforgery)) return
  throw onTokenEndpoint
    ? new OAuthError(400, 'invalid_request', MESSAGE, {}, 'invalid-antiforgery')
    : new ResourceError(400, MESSAGE, {}, 'invalid-antiforgery')
}
