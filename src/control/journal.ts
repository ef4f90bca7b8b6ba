/** @module The request journal: a bounded ring of what clients sent, with every secret left out. */

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
}

/**
 * What the middleware records: the entry without its number, and its instant as epoch milliseconds
 * (formatted only when listed, off the request path).
 */
export type JournalInput = Omit<JournalEntry, 'seq' | 'time'> & { at: number }

interface JournalRecord {
  seq: number
  entry: JournalInput
}

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

  /** Stores the entry, numbering it; returns its `seq`. */
  add(entry: JournalInput): number {
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
    const all = [...this.#ring.slice(this.#start), ...this.#ring.slice(0, this.#start)]
    const { operation, since } = filter
    const sinceMs = typeof since === 'string' ? Date.parse(since) : undefined
    return all
      .filter(
        ({ seq, entry }) =>
          (operation === undefined || entry.operation === operation) &&
          (since === undefined || (typeof since === 'number' ? seq > since : entry.at >= (sinceMs as number))),
      )
      .map(({ seq, entry: { at, ...rest } }) => ({ seq, time: new Date(at).toISOString(), ...rest }))
  }

  clear(): void {
    this.#ring.length = 0
    this.#start = 0
  }
}
