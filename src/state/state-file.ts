/** @module A mock's state in a file: loaded at start, written (coalesced, atomically) on change and on exit. */
import { closeSync, constants, openSync, readFileSync } from 'node:fs'
import type { AccountFixture } from '../accounts/fixtures.js'
import type { MockState } from '../engine/mock-state.js'
import type { StoreChange } from '../store/types.js'
import { removeStaleTemporaries, writeFileAtomic, type WriteFs } from './atomic-write.js'
import { CoalescingWriter } from './coalescing-writer.js'
import { SessionTokenRecords } from './session-tokens.js'
import { fixtureBaseline, parseSnapshot, restoreSnapshot, SnapshotError, takeSnapshot, type RestoreReport } from './snapshot.js'
import { acquireLock, LockHeldError, type StateLock } from './state-lock.js'

export interface StateFileOptions {
  path: string
  /** Whether live sessions are kept too (--state-sessions). */
  sessions: boolean
  /**
   * Called when a write during the run fails, once per failure streak; the file keeps its last whole version
   * and the write is retried every `retryMs` until it succeeds.
   */
  onWriteError(error: Error): void
  /** Called when a write succeeds after a failure streak. */
  onWriteRecovered?(): void
  /** Coalescing delay (default 200 ms). */
  delayMs?: number
  /** Delay before retrying a failed write (default 1 s). */
  retryMs?: number
  /** The file system calls of a write (a test seam). */
  io?: WriteFs
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
  /** Writes a pending change now. */
  flush(): void
  /** Writes a pending change, stops writing and releases the lock (call on exit); safe to call twice. */
  close(): void
}

const codeOf = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message

/** The file's text, or undefined when it does not exist; a symbolic link is refused (O_NOFOLLOW: ELOOP). */
function readText(path: string): string | undefined {
  let fd
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOENT') return undefined
    if (code === 'ELOOP') throw new StateFileError(`State file ${path} is a symbolic link; refused (give the path of the file itself).`)
    throw new StateFileError(`State file ${path} cannot be read (${codeOf(error)}).`)
  }
  try {
    return readFileSync(fd, 'utf8')
  } catch (error) {
    throw new StateFileError(`State file ${path} cannot be read (${codeOf(error)}).`)
  } finally {
    closeSync(fd)
  }
}

function lock(path: string): StateLock {
  try {
    return acquireLock(path)
  } catch (error) {
    if (error instanceof LockHeldError) {
      throw new StateFileError(`State file ${path} is in use by process ${error.pid} (lock ${error.lockPath}); stop it or use another --state file.`)
    }
    throw new StateFileError(`State file ${path} cannot be locked: ${path}.lock cannot be created (${codeOf(error)}).`)
  }
}

/**
 * Takes the file's lock, reads and checks the file for `profileId` (throws StateFileError, the lock released);
 * nothing is written until `attach`. Temporaries an earlier run left behind are removed.
 */
export function openStateFile(profileId: string, options: StateFileOptions): StateFile {
  const { path } = options
  const held = lock(path)
  let text: string | undefined
  let snapshot
  try {
    removeStaleTemporaries(path)
    text = readText(path)
    snapshot = text === undefined ? undefined : parseSnapshot(text, profileId)
  } catch (error) {
    held.release()
    if (error instanceof SnapshotError) throw new StateFileError(`State file ${path} ${error.message}; it was left as it is.`)
    throw error
  }
  let writer: CoalescingWriter | undefined
  let closed = false
  return {
    options,
    onChange(change) {
      if (closed || (change === 'sessions' && !options.sessions)) return
      writer?.schedule()
    },
    attach(state, fixtures) {
      const report = snapshot === undefined ? { clients: 0, sessions: 0, skippedClients: 0, skippedSessions: 0 } : restoreSnapshot(state, snapshot)
      const baseline = fixtureBaseline(state, fixtures)
      const tokens = new SessionTokenRecords()
      const write = () => writeFileAtomic(path, `${JSON.stringify(takeSnapshot(state, baseline, options, tokens), null, 2)}\n`, options.io)
      if (text === undefined) {
        try {
          write()
        } catch (error) {
          held.release()
          throw new StateFileError(`State file ${path} cannot be created (${codeOf(error)}).`)
        }
      }
      let failing = false
      const retryMs = options.retryMs ?? 1000
      writer = new CoalescingWriter(() => {
        try {
          write()
        } catch (error) {
          if (!failing) options.onWriteError(error as Error)
          failing = true
          if (!closed) writer!.schedule(retryMs)
          return
        }
        if (failing) options.onWriteRecovered?.()
        failing = false
      }, options.delayMs)
      return report
    },
    flush: () => writer?.flush(),
    close() {
      if (closed) return
      writer?.flush()
      closed = true
      writer?.cancel()
      held.release()
    },
  }
}
