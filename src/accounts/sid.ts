/** @module A Windows security identifier for an account: stable for its DOMAIN\NAME, shaped like a domain account's SID. */
import { hash } from 'node:crypto'
import type { Account } from '../store/types.js'

/**
 * `S-1-5-21-<three sub-authorities of the domain>-<RID>`; the built-in Administrator has RID 500 as on Windows.
 * The same name gives the same SID in every run, so a client can keep it (Veeam ONE's revoke takes a UserSid).
 */
export function sidOf(account: Pick<Account, 'domain' | 'name'>): string {
  const domain = hash('sha256', account.domain.toLowerCase(), 'buffer')
  const parts = [0, 4, 8].map((offset) => domain.readUInt32BE(offset))
  const name = account.name.toLowerCase()
  const rid = name === 'administrator' ? 500 : 1000 + (hash('sha256', name, 'buffer').readUInt32BE(0) % 100_000)
  return `S-1-5-21-${parts.join('-')}-${rid}`
}
