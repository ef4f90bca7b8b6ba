/** @module Writing a file so that a reader (or a crash) sees the old text or the new, never a torn one. */
import { randomBytes } from 'node:crypto'
import * as fs from 'node:fs'
import { basename, dirname, join } from 'node:path'

/** The calls a write makes: node:fs, or a test's stand-in that writes short or fails. */
export interface WriteFs {
  openSync(path: string, flags: string, mode: number): number
  writeSync(fd: number, data: Uint8Array, offset: number, length: number): number
  fsyncSync(fd: number): void
  closeSync(fd: number): void
  renameSync(from: string, to: string): void
  rmSync(path: string, options: { force: boolean }): void
}

const nodeFs: WriteFs = fs

/** `FILE.tmp-<pid>-<12 hex>` (and this scheme's older `FILE.tmp-<pid>`). */
const TEMP_SUFFIX = /^\.tmp-\d+(?:-[0-9a-f]{12})?$/

/**
 * Writes `text` to a new temporary next to `path`, flushes it to disk, then renames it over `path`. A rename
 * within one directory is atomic, so `path` always holds a whole file. The temporary has a random name and is
 * created exclusively (a planted file or link there makes the write fail, never redirects it), mode 0600.
 * Throws when the text cannot be written whole (a full disk), leaving `path` as it was.
 */
export function writeFileAtomic(path: string, text: string, io: WriteFs = nodeFs): void {
  const tmp = `${path}.tmp-${process.pid}-${randomBytes(6).toString('hex')}`
  const data = Buffer.from(text)
  // Outside the try: if the open fails, whatever is at `tmp` is not ours to remove.
  const fd = io.openSync(tmp, 'wx', 0o600)
  try {
    try {
      // write(2) may write less than asked (a disk filling up): go on from where it stopped.
      for (let written = 0; written < data.length; ) {
        const n = io.writeSync(fd, data, written, data.length - written)
        if (n <= 0) throw new Error(`wrote ${written} of ${data.length} bytes`)
        written += n
      }
      io.fsyncSync(fd)
    } finally {
      io.closeSync(fd)
    }
    io.renameSync(tmp, path)
  } catch (error) {
    io.rmSync(tmp, { force: true })
    throw error
  }
}

/** Removes temporaries an earlier run left next to `path` (killed mid-write); call while holding its lock. */
export function removeStaleTemporaries(path: string): void {
  const dir = dirname(path)
  const prefix = basename(path)
  let names: string[]
  try {
    names = fs.readdirSync(dir)
  } catch {
    return
  }
  for (const name of names) {
    if (!name.startsWith(prefix) || !TEMP_SUFFIX.test(name.slice(prefix.length))) continue
    // unlink removes a link itself, never its target; a directory of that name is left alone.
    try {
      fs.unlinkSync(join(dir, name))
    } catch {
      // gone already, or not a file: nothing to clean
    }
  }
}
