/** @module Routes under /users/{userUid}/... (VSPC): the named user must exist, and be the caller or one the caller may act for. */
import { accountByUid } from '../accounts/user-uid.js'
import type { MockState } from '../engine/mock-state.js'
import { badRequest, forbidden, notFound } from '../oauth/errors.js'
import type { Account } from '../store/types.js'
import type { Caller } from './env.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export const NO_USER = 'No user with this userUid.'
export const loginIdMessage = (name: string) => `${name} must be a non-negative integer.`

/** The account behind `uid`, or the refusal: 400 not a UUID, 404 no such user, 403 someone else's without an impersonation role. */
export function userInPath(state: MockState, caller: Caller, uid: string | undefined): Account {
  if (uid === undefined || !UUID.test(uid)) throw badRequest('userUid must be a UUID.')
  const account = accountByUid(state.store, uid)
  if (account === undefined) throw notFound(NO_USER)
  if (account.id !== caller.account.id && !(state.profile.impersonation?.roles ?? []).includes(caller.account.role)) {
    throw forbidden('Access to the requested resource is forbidden.')
  }
  return account
}

/** An optional int64 query parameter (a login id), or the 400 refusal naming it. */
export function loginIdOf(text: string | undefined, name: string): number | undefined {
  if (text === undefined) return undefined
  if (!/^\d{1,15}$/.test(text)) throw badRequest(loginIdMessage(name))
  return Number(text)
}
