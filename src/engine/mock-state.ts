/** @module Everything a running mock holds, passed to routes and grants instead of globals. */
import type { Clock } from '../clock.js'
import type { AuthorizationCodes } from '../oauth/authorization-codes.js'
import type { Profile } from '../profiles/profile.js'
import type { RandomSource } from '../security/random-source.js'
import type { MemoryStore } from '../store/memory-store.js'
import type { ApiKeys } from './api-keys.js'
import type { MfaLogins } from './mfa.js'
import type { QuirkName } from './quirks.js'
import type { Throttle } from './throttle.js'

export interface Lifetimes {
  accessSeconds: number
  refreshSeconds: number
}

export interface MockState {
  readonly profile: Profile
  readonly store: MemoryStore
  /** Codes of the authorization_code grant, where the profile offers it. */
  readonly codes: AuthorizationCodes
  readonly clock: Clock
  readonly random: RandomSource
  readonly lifetimes: Lifetimes
  /** Deliberate deviations from the documented rules (see quirks.ts). */
  readonly quirks: ReadonlySet<QuirkName>
  /** `single`: a new login ends the earlier sessions of the same credentials (see engine/sessions.ts). */
  readonly sessionMode: SessionMode
  /** Pending second-factor logins (profiles with `mfa`). */
  readonly mfa: MfaLogins
  /** API keys (profiles with `apiKeys`). */
  readonly apiKeys: ApiKeys
  /** Requests per window per account, when throttling is on. */
  readonly throttle?: Throttle
  /** Client accounts one user may hold; creating one more is refused (bounded memory). */
  readonly maxClientsPerUser: number
}

/** Default of `maxClientsPerUser` (`--max-clients-per-user`). */
export const DEFAULT_MAX_CLIENTS_PER_USER = 1000

export type SessionMode = 'single' | 'multiple'
