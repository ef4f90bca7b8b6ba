/** @module The accounts a run uses, and the two spellings of a user name (DOMAIN\USERNAME and bare USERNAME). */
import type { Account } from '../context.js'
import type { Promises } from '../spec.js'

export interface Accounts {
  user: Account
  other?: Account
  unprivileged?: Account
  /** An account with a second factor (VSPC MFA); `secret` (base32) lets the suite compute its TOTP codes. */
  mfa?: Account & { secret?: string }
}

/** The `DOMAIN\USERNAME` and bare spellings of `username`, where the profile gives enough to form them. */
export function spellings(username: string, promises: Promises): { qualified?: string; bare: string } {
  const slash = username.indexOf('\\')
  if (slash !== -1) return { qualified: username, bare: username.slice(slash + 1) }
  const domain = promises.usernames.defaultDomain
  return domain === undefined ? { bare: username } : { qualified: `${domain}\\${username}`, bare: username }
}

/** A random suffix, so names and IDs the suite invents never collide with real ones. */
export const nonce = () => Math.random().toString(36).slice(2, 10)
