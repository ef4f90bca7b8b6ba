/** @module Memory case: 1,000,000 tokens issued through the store under a test clock; heap after gc() returns near its start. */
import type { Clock } from '../src/clock.js'
import { createMock } from '../src/create-mock.js'
import { issueSession } from '../src/engine/sessions.js'

export interface MemoryResult {
  tokens: number
  seconds: number
  startMiB: number
  peakIndexed: number
  endMiB: number
  endIndexed: number
}

const TOKENS = 1_000_000

function heapMiB(): number {
  globalThis.gc?.()
  return process.memoryUsage().heapUsed / 2 ** 20
}

export function memoryCase(): MemoryResult {
  if (globalThis.gc === undefined) throw new Error('run with node --expose-gc (npm run bench does)')
  // A tiny controllable clock: one millisecond passes per token issued.
  let time = Date.UTC(2026, 0, 1)
  const clock: Clock = { now: () => time }
  const { state } = createMock({ clock, lifetimes: { accessSeconds: 1, refreshSeconds: 2 } })
  const admin = state.store.findAccount('vdro', 'administrator')!
  const principal = { kind: 'user' as const, accountId: admin.id }
  const startMiB = heapMiB()
  const started = performance.now()
  let peakIndexed = 0
  for (let i = 0; i < TOKENS; i++) {
    time += 1
    issueSession(state, principal)
    if (i % 1000 === 0) peakIndexed = Math.max(peakIndexed, state.store.tokenCounts.refresh)
  }
  const seconds = (performance.now() - started) / 1000
  // Past every lifetime: the sweeps that issuing performs (bounded per call) clear what is left.
  time += 3_000
  for (let i = 0; i < 100 && state.store.tokenCounts.refresh > 0; i++) state.store.sweep(time)
  const counts = state.store.tokenCounts
  return { tokens: TOKENS, seconds, startMiB, peakIndexed, endMiB: heapMiB(), endIndexed: counts.access + counts.refresh }
}
