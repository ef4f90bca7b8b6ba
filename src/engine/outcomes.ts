/** @module Assumption outcomes: what the mock answers where the vendor is silent, from the profile (defaults here), changed by quirks that stand in for a server that chose otherwise. */
import type { Outcomes } from '../profiles/profile.js'
import type { Session } from '../store/types.js'
import type { MockState } from './mock-state.js'
import type { QuirkName } from './quirks.js'

export type ResolvedOutcomes = Required<Outcomes>

/** Today's choices, documented as the assumptions of the same ids (orchestrator-assumptions.ts). */
export const DEFAULT_OUTCOMES: Readonly<ResolvedOutcomes> = {
  'client-create-forbidden-403': 403,
  'client-delete-other-403': 403,
  'unknown-client-404': 404,
  'missing-client-id-400': 400,
  'refresh-rotation': true,
  'logout-revokes-refresh': true,
}

/** Quirks that answer an assumption otherwise, as the outcome they change. */
export const QUIRK_OUTCOMES: Partial<Record<QuirkName, Outcomes>> = {
  'refresh-token-reusable': { 'refresh-rotation': false },
  'logout-keeps-refresh': { 'logout-revokes-refresh': false },
  'unknown-client-400': { 'unknown-client-404': 400 },
  'client-delete-other-404': { 'client-delete-other-403': 404 },
  'client-create-refused-400': { 'client-create-forbidden-403': 400 },
}

/** The profile's outcomes with the defaults filled in: what its document promises. */
export function profileOutcomes(outcomes: Outcomes | undefined): ResolvedOutcomes {
  return { ...DEFAULT_OUTCOMES, ...outcomes }
}

const resolved = new WeakMap<object, ResolvedOutcomes>()

/** What this mock answers: the profile's outcomes, then its quirks'. Computed once per state (grants read it per request). */
export function outcomesOf(state: Pick<MockState, 'profile' | 'quirks'>): ResolvedOutcomes {
  let outcomes = resolved.get(state)
  if (outcomes === undefined) {
    outcomes = profileOutcomes(state.profile.outcomes)
    for (const quirk of state.quirks) Object.assign(outcomes, QUIRK_OUTCOMES[quirk])
    resolved.set(state, outcomes)
  }
  return outcomes
}

/** Logout of one session: both tokens end, or only the access token where the outcome keeps the refresh token. */
export function endSession(state: MockState, session: Session): void {
  if (outcomesOf(state)['logout-revokes-refresh']) state.store.revokeSession(session)
  else state.store.dropAccessToken(session)
}
