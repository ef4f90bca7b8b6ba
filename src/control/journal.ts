/** @module The request journal: a bounded ring of what clients sent, with every secret left out. */
import { pageOf, type Page, type PageWindow } from './page.js'

/** One request as the journal keeps it. Tokens appear only as fingerprints; passwords and secrets never. */
export interface JournalEntry {
  /** Sequence number, from 1; survives clears so `since` stays meaningful. */
  seq: number
  /** The mock's (virtual) time when the request arrived, ISO 8601. */
  time: string
  method: string
  path: string
  /** The operationId of the route, if the request hit one. */
  operation?: string
  grant_type?: string
  /** `DOMAIN\USERNAME` as sent (password grant), or the user behind an accepted bearer token. */
  account?: string
  /** The client id as sent (client_credentials grant, body or Basic), or behind an accepted bearer token. */
  client_id?: string
  /** Fingerprint of the refresh token sent (refresh_token grant). */
  refresh_token?: string
  /** Fingerprint of the bearer access token sent. */
  access_token?: string
  /** Fingerprints of the tokens a successful token response issued. */
  issued?: { access_token: string; refresh_token: string }
  /** HTTP status; 0 when a fault dropped the connection. */
  status: number
  /** The id of the fault that answered or delayed the request. */
  fault?: number
  /** Set on entries that record something the mock did rather than a request (method `-`), e.g. a tenant evicted. */
  event?: string
}

/**
 * What the middleware records: the entry without its number, and its instant as epoch milliseconds
 * (formatted only when listed, off the request path).
 */
export type JournalInput = Omit<JournalEntry, 'seq' | 'time'> & { at: number }

/** Characters kept of each field the client chose (path, user name, client id, grant type); the rest is cut, marked. */
export const JOURNAL_FIELD_LIMIT = 256

const CLIENT_FIELDS = ['method', 'path', 'grant_type', 'account', 'client_id'] as const

const truncate = (value: string) => `${value.slice(0, JOURNAL_FIELD_LIMIT)}…[truncated, ${value.length} chars]`

interface JournalRecord {
  seq: number
  entry: JournalInput
}

const entryOf = ({ seq, entry: { at, ...rest } }: JournalRecord): JournalEntry => ({ seq, time: new Date(at).toISOString(), ...rest })

export interface JournalFilter {
  operation?: string
  /** Entries at or after this instant (ISO 8601), or with `seq` above this number. */
  since?: string | number
}

/**
 * Keeps the last `size` entries; older ones fall off.
 *
 * @example
 * ```ts
 * const journal = new Journal(1000)
 * journal.list({ operation: 'issueToken' })
 * ```
 */
export class Journal {
  readonly #ring: JournalRecord[] = []
  #start = 0
  #seq = 0

  constructor(readonly size = 1000) {
    if (!Number.isSafeInteger(size) || size < 1) throw new RangeError('journal size must be a positive integer')
  }

  /** Stores the entry, numbering it; returns its `seq`. Fields the client chose are cut to JOURNAL_FIELD_LIMIT. */
  add(entry: JournalInput): number {
    for (const field of CLIENT_FIELDS) {
      const value = entry[field]
      if (value !== undefined && value.length > JOURNAL_FIELD_LIMIT) entry[field] = truncate(value)
    }
    const record = { seq: ++this.#seq, entry }
    if (this.#ring.length < this.size) this.#ring.push(record)
    else {
      this.#ring[this.#start] = record
      this.#start = (this.#start + 1) % this.size
    }
    return record.seq
  }

  /** Oldest first. */
  list(filter: JournalFilter = {}): JournalEntry[] {
    return this.#matching(filter).map(entryOf)
  }

  /** One page of list(filter), and how many entries match. */
  page(filter: JournalFilter, window: PageWindow): Page<JournalEntry> {
    return pageOf(this.#matching(filter), window, entryOf)
  }

  #matching({ operation, since }: JournalFilter): JournalRecord[] {
    const all = [...this.#ring.slice(this.#start), ...this.#ring.slice(0, this.#start)]
    const sinceMs = typeof since === 'string' ? Date.parse(since) : undefined
    return all.filter(
      ({ seq, entry }) =>
        (operation === undefined || entry.operation === operation) &&
        (since === undefined || (typeof since === 'number' ? seq > since : entry.at >= (sinceMs as number))),
    )
  }

  clear(): void {
    this.#ring.length = 0
    this.#start = 0
  }
}
