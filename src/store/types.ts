/** @module The records the mock keeps: accounts, client accounts and sessions. */

export interface Account {
  /** Internal id; a re-created account with the same name is a different account. */
  id: string
  domain: string
  name: string
  role: string
  passwordHash: Buffer
  disabled: boolean
  /** The decoded TOTP secret of an account with a second factor (VSPC); kept only in memory. */
  mfaSecret?: Buffer
}

export interface ClientAccount {
  /** Lowercase GUID. */
  id: string
  secretHash: Buffer
  /** The account that created it; the client inherits its rights. */
  ownerId: string
}

export type Principal =
  | { kind: 'user'; accountId: string }
  | { kind: 'client'; clientId: string }

export interface Session {
  principal: Principal
  /** Empty on a restored session, whose token the mock never saw in clear (see `restored`). */
  accessToken: string
  refreshToken: string
  accessExpiresAt: number
  refreshExpiresAt: number
  /** Issued with readOnly=true (VSPC) or for a read-only API key: only GET is served. */
  readOnly?: boolean
  /** Set on the stand-in session of a request made with an API key: the key's login id. */
  apiKey?: number
  /** SHA-256 (hex) of the antiforgery token every request of this session must carry (VB365); not kept in state files. */
  antiforgery?: string
  /** On sessions restored from a state file, which keeps only the tokens' SHA-256 (hex): their index keys. */
  restored?: { accessDigest: string; refreshDigest: string }
}

export interface NewAccount {
  domain: string
  name: string
  role: string
  password: string
  disabled?: boolean
  mfaSecret?: Buffer
}

/** What changed in the store, for observers such as the state file writer. */
export type StoreChange = 'accounts' | 'clients' | 'sessions'
