/** @module The harness of one mock: clock, faults, journal, accounts, sessions and reset, shared by /__control and startMock. */
import type { MockState } from '../engine/mock-state.js'
import type { App } from '../routes/env.js'
import type { StubRegistry } from '../stubs/stub-registry.js'
import { accountControl, type AccountControl } from './accounts.js'
import { Faults } from './faults.js'
import { dropAware, intercept, type InterceptOptions } from './intercept.js'
import { Journal } from './journal.js'
import { sessionControl, type SessionControl } from './sessions.js'
import { VirtualClock } from './virtual-clock.js'

export interface ControlOptions {
  /** Bearer token the control API requires; none means open (loopback use). */
  token?: string
  /** Journal entries kept (default 1000). */
  journalSize?: number
  /** The address the server listens on: a Host naming it is accepted besides loopback (default: loopback only). */
  host?: string
}

export interface Harness {
  /** The id of the profile the mock emulates. */
  profile: string
  clock: VirtualClock
  faults: Faults
  journal: Journal
  accounts: AccountControl
  sessions: SessionControl
  /** Stub resources; reset drops those added at runtime and keeps the startup ones. */
  stubs: StubRegistry
  /** Fixture accounts again, no clients, no sessions, real clock, no faults, empty journal, token seed restarted, startup stubs only. */
  reset(): void
}

export interface HarnessOptions extends ControlOptions {
  /** Puts the fixture accounts back into an empty store. */
  reseed(): void
  stubs: StubRegistry
  /** The operationIds fault rules may name: the app's routes' and the vendor documents'. */
  operations: () => readonly string[]
}

/** Operations of the vendor routes, by `METHOD path`. */
export function operationsOf(app: App): Map<string, string> {
  const operations = new Map<string, string>()
  for (const d of app.openAPIRegistry.definitions) {
    if (d.type === 'route' && d.route.operationId !== undefined) {
      operations.set(`${d.route.method.toUpperCase()} ${d.route.path}`, d.route.operationId)
    }
  }
  return operations
}

/**
 * Installs the journal and fault middleware on `app` (call before the routes are mounted); it reads each request's
 * tenant's harness, so one app serves every tenant.
 */
export function installHarness(app: App, state: MockState, options: { operationOf?: InterceptOptions['operationOf'] }): void {
  const { tokenPath, defaultGrant } = state.profile
  const { operationOf } = options
  app.use(intercept({ tokenPath, defaultGrant, operations: () => operationsOf(app), ...(operationOf && { operationOf }) }))
  app.fetch = dropAware(app.fetch) as typeof app.fetch
}

/** A tenant's harness over its state (which must run on a VirtualClock); `operations` lists what fault rules may name. */
export function createHarness(state: MockState, options: HarnessOptions): Harness {
  if (!(state.clock instanceof VirtualClock)) throw new Error('the harness needs the state to run on a VirtualClock')
  const clock = state.clock
  const { grants, listedGrants } = state.profile
  const faults = new Faults(() => ({ operations: [...options.operations()], grants: [...grants, ...listedGrants] }))
  const journal = new Journal(options.journalSize ?? 1000)
  // Made on first use: most tenants never list accounts or sessions, and each view is a few dozen closures.
  let accounts: AccountControl | undefined
  let sessions: SessionControl | undefined
  return {
    profile: state.profile.id,
    clock,
    faults,
    journal,
    get accounts() {
      return (accounts ??= accountControl(state))
    },
    get sessions() {
      return (sessions ??= sessionControl(state))
    },
    stubs: options.stubs,
    reset() {
      for (const account of state.store.accounts()) state.store.removeAccount(account.id)
      state.store.clearSessions()
      state.codes.clear()
      state.mfa.clear()
      state.apiKeys.clear()
      state.throttle?.clear()
      options.reseed()
      clock.reset()
      faults.clear()
      journal.clear()
      options.stubs.clear()
      const random = state.random as { reset?: () => void }
      random.reset?.()
    },
  }
}
