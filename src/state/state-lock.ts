/** @module One writer per state file: `FILE.lock` holds the writer's pid; a lock whose pid is gone is stale. */
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs'

/** Another live process (or this one) holds the lock. */
export class LockHeldError extends Error {
  constructor(
    readonly lockPath: string,
    readonly pid: number,
  ) {
    super(`${lockPath} is held by process ${pid}`)
  }
}

export interface StateLock {
  readonly path: string
  /** Removes the lock file if it is still ours; safe to call more than once. */
  release(): void
}

// Locks this process holds: its own pid in a lock file is stale only when the lock is not among them (an
// earlier run under the same pid, as in a restarted container).
const held = new Set<string>()

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    // EPERM: it exists, under another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM'
  }
}

function readPid(lockPath: string): number | undefined {
  let text: string
  try {
    text = readFileSync(lockPath, 'utf8')
  } catch {
    return undefined
  }
  return /^\d{1,10}\n?$/.test(text) ? Number(text.trim()) : undefined
}

/** Creates the lock file exclusively with our pid; false if one exists. */
function tryCreate(lockPath: string): boolean {
  let fd
  try {
    fd = openSync(lockPath, 'wx', 0o600)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false
    throw error
  }
  try {
    writeSync(fd, `${process.pid}\n`)
  } finally {
    closeSync(fd)
  }
  return true
}

/**
 * Takes `<path>.lock` for this process, taking over a stale one (its pid no longer runs); throws LockHeldError
 * when a live process holds it, or the error of a lock file that cannot be created (e.g. ENOENT, EACCES).
 */
export function acquireLock(path: string): StateLock {
  const lockPath = `${path}.lock`
  for (let attempt = 0; ; attempt++) {
    if (tryCreate(lockPath)) break
    let pid = readPid(lockPath)
    if (pid === undefined) {
      // Created a moment ago and its pid not written yet, or left empty by a crash: look once more.
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 100)
      pid = readPid(lockPath)
    }
    const live = pid !== undefined && (pid === process.pid ? held.has(lockPath) : alive(pid))
    if (live || attempt === 2) throw new LockHeldError(lockPath, pid ?? 0)
    rmSync(lockPath, { force: true })
  }
  held.add(lockPath)
  return {
    path: lockPath,
    release() {
      if (!held.delete(lockPath)) return
      if (readPid(lockPath) === process.pid) rmSync(lockPath, { force: true })
    },
  }
}
