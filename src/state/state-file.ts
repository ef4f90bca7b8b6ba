/** @module A mock's state in a file: loaded at start, written (coalesced, atomically) on change and on exit. */
import { readFileSync } from 'node:fs'
import type { AccountFixture } from '../accounts/fixtures.js'
import type { MockState } from '../engine/mock-state.js'
import type { StoreChange } from '../store/types.js'
import { writeFileAtomic } from './atomic-write.js'
import { CoalescingWriter } from './coalescing-writer.js'
import { fixtureBaseline, parseSnapshot, restoreSnapshot, SnapshotError, takeSnapshot, type RestoreReport } from './snapshot.js'

export interface StateFileOptions {
  path: string
  /** Whether live sessions are kept too (--state-sessions). */
  sessions: boolean
  /** Called when a write during the run fails; the run goes on and the next change tries again. */
  onWriteError(error: Error): void
  /** Coalescing delay (default 200 ms). */
  delayMs?: number
}

/** The state file cannot be used; the message is one line naming the file. */
export class StateFileError extends Error {}

export interface StateFile {
  readonly options: StateFileOptions
  /** Pass to createMock as `onStateChange`. */
  onChange(change: StoreChange): void
  /**
   * Restores the loaded state into the mock's store (which holds the fixtures) and starts writing on change;
   * a missing file is created at once.
   */
  attach(state: MockState, fixtures: readonly AccountFixture[]): RestoreReport
  /** Writes a pending change now (call on exit). */
  flush(): void
}

function readText(path: string): string | undefined {
  try {
    return readFileSync(path, 'utf8')
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    throw new StateFileError(`State file ${path} cannot be read (${code ?? (error as Error).message}).`)
  }
}

/** Reads and checks the file for `profileId` (throws StateFileError); nothing is written until `attach`. */
export function openStateFile(profileId: string, options: StateFileOptions): StateFile {
  const { path } = options
  const text = readText(path)
  let snapshot
  try {
    snapshot = text === undefined ? undefined : parseSnapshot(text, profileId)
  } catch (error) {
    if (error instanceof SnapshotError) throw new StateFileError(`State file ${path} ${error.message}; it was left as it is.`)
    throw error
  }
  let writer: CoalescingWriter | undefined
  return {
    options,
    onChange(change) {
      if (change === 'sessions' && !options.sessions) return
      writer?.schedule()
    },
    attach(state, fixtures) {
      const report = snapshot === undefined ? { clients: 0, sessions: 0, skippedClients: 0, skippedSessions: 0 } : restoreSnapshot(state, snapshot)
      const baseline = fixtureBaseline(state, fixtures)
      const write = () => writeFileAtomic(path, `${JSON.stringify(takeSnapshot(state, baseline, options), null, 2)}\n`)
      if (text === undefined) {
        try {
          write()
        } catch (error) {
          throw new StateFileError(`State file ${path} cannot be created (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`)
        }
      }
      writer = new CoalescingWriter(() => {
        try {
          write()
        } catch (error) {
          options.onWriteError(error as Error)
        }
      }, options.delayMs)
      return report
    },
    flush: () => writer?.flush(),
  }
}
