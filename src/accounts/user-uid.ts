/** @module A user's stable UID (VSPC's userUid): a name-based GUID of `domain\name`, the same across restarts. */
import { createHash } from 'node:crypto'
import type { Account } from '../store/types.js'
import type { MemoryStore } from '../store/memory-store.js'

// RFC 4122 section 4.3 names under a namespace of our own, so the UIDs never collide with another tool's.
const NAMESPACE = Buffer.from('6f1c2d0e8b7a4c59a1e3f4b5c6d7e8f9', 'hex')
const CACHE = new WeakMap<Account, string>()

/** A version-5 GUID of the lowercased `domain\name`: one account, one UID, whatever the store's internal id. */
export function userUid(account: Account): string {
  let uid = CACHE.get(account)
  if (uid === undefined) {
    const name = `${account.domain}\\${account.name}`.toLowerCase()
    const hash = createHash('sha1').update(NAMESPACE).update(name).digest()
    hash[6] = (hash[6]! & 0x0f) | 0x50
    hash[8] = (hash[8]! & 0x3f) | 0x80
    const hex = hash.subarray(0, 16).toString('hex')
    uid = `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
    CACHE.set(account, uid)
  }
  return uid
}

/** The account with this UID (any case), or undefined. */
export function accountByUid(store: MemoryStore, uid: string): Account | undefined {
  const wanted = uid.toLowerCase()
  return store.accounts().find((account) => userUid(account) === wanted)
}
