/** @module A tenant: one isolated mock inside an instance (its own store, clock, faults, journal and stubs). */
import type { Harness } from '../control/harness.js'
import type { MockState } from '../engine/mock-state.js'
import type { StubRegistry } from '../stubs/stub-registry.js'

export interface Tenant {
  /** Its name; `''` for the default tenant (requests without a prefix or header). */
  readonly name: string
  /** Where its routes are: `/t/{name}` for a named tenant, `''` for the default one. */
  readonly base: string
  readonly state: MockState
  readonly stubs: StubRegistry
  /** With the test harness on (control): its clock, faults, journal and reset. */
  readonly harness?: Harness
}
