/** @module Accounts at runtime: add, re-role, disable, delete. Clients inherit their user's rights, so changes reach them at once. */
import type { AccountFixture } from '../accounts/fixtures.js'
import { assertRole } from '../accounts/roles.js'
import { parseUsername } from '../accounts/username.js'
import type { MockState } from '../engine/mock-state.js'
import { hashSecret } from '../security/secret.js'
import { totpNow } from '../security/totp.js'
import type { Account } from '../store/types.js'
import { pageOf, type Page, type PageWindow } from './page.js'

/** An account as the control API shows it (never its password). */
export interface AccountView {
  username: string
  role: string
  disabled: boolean
}

export interface AccountPatch {
  role?: string
  disabled?: boolean
  password?: string
}

export interface AccountControl {
  list(): AccountView[]
  /** One page of list(), and how many there are. */
  page(window: PageWindow): Page<AccountView>
  /** Adds (or replaces) an account; a bare name gets the profile's default domain. Throws RangeError for a bad name or role. */
  add(account: AccountFixture): AccountView
  /** Undefined when there is no such account; throws RangeError (nothing changed) for a role the profile does not know. */
  update(username: string, patch: AccountPatch): AccountView | undefined
  /** Deletes the account and its client accounts; false when there was none. */
  remove(username: string): boolean
  /** The account's current TOTP code on the mock's clock; undefined without such an account or without a second factor. */
  totp(username: string): { code: string; validForSeconds: number } | undefined
}

const view = (a: Account): AccountView => ({ username: `${a.domain}\\${a.name}`, role: a.role, disabled: a.disabled })

export function accountControl(state: MockState): AccountControl {
  const rule = { bareAllowed: true, defaultDomain: state.profile.usernames.defaultDomain }
  const find = (username: string) => {
    const parsed = parseUsername(username, rule)
    return parsed && state.store.findAccount(parsed.domain, parsed.name)
  }
  return {
    list: () => state.store.accounts().map(view),
    page: (window) => pageOf(state.store.accounts(), window, view),
    add({ username, password, role, disabled }) {
      const parsed = parseUsername(username, rule)
      if (parsed === undefined) throw new RangeError(`"${username}" is not DOMAIN\\USERNAME or USERNAME.`)
      assertRole(state.profile, role, 'role')
      return view(state.store.addAccount({ ...parsed, password, role, disabled: disabled ?? false }))
    },
    update(username, patch) {
      const account = find(username)
      if (account === undefined) return undefined
      const { role, disabled, password } = patch
      if (role !== undefined) assertRole(state.profile, role, 'role')
      const changes = {
        ...(role === undefined ? {} : { role }),
        ...(disabled === undefined ? {} : { disabled }),
        ...(password === undefined ? {} : { passwordHash: hashSecret(password) }),
      }
      return view(state.store.updateAccount(account.id, changes) ?? account)
    },
    remove(username) {
      const account = find(username)
      return account !== undefined && state.store.removeAccount(account.id)
    },
    totp(username) {
      const secret = find(username)?.mfaSecret
      return secret === undefined ? undefined : totpNow(secret, state.clock.now())
    },
  }
}
