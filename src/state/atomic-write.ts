/** @module Writing a file so that a reader (or a crash) sees the old text or the new, never a torn one. */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs'

/**
 * Writes `text` to `<path>.tmp-<pid>` (mode 0600), flushes it to disk, then renames it over `path`.
 * A rename within one directory is atomic, so `path` always holds a whole file.
 */
export function writeFileAtomic(path: string, text: string): void {
  const tmp = `${path}.tmp-${process.pid}`
  try {
    const fd = openSync(tmp, 'w', 0o600)
    try {
      writeSync(fd, text)
      fsyncSync(fd)
    } finally {
      closeSync(fd)
    }
    renameSync(tmp, path)
  } catch (error) {
    rmSync(tmp, { force: true })
    throw error
  }
}
