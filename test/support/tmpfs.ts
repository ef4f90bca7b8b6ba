/** @module A tiny tmpfs for full-disk tests: needs root and mount (CI runs as root); `mounted` says if it worked. */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

export interface Tmpfs {
  dir: string
  mounted: boolean
  /** Empties it and sets its size (e.g. "16k", "1m"); false if mount refused. */
  reset(size: string): boolean
  /** Sets its size, keeping what it holds. */
  resize(size: string): boolean
  /** Unmounts and removes the mount point (call in afterAll). */
  remove(): void
}

function mountTmpfs(dir: string, options: string): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', options, 'tmpfs', dir], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

/** Mounts a tmpfs of `size` on a new directory, synchronously, so tests can `runIf(tmpfs.mounted)`. */
export function tryMountTmpfs(size: string): Tmpfs {
  const dir = mkdtempSync(join(tmpdir(), 'tmpfs-'))
  const mounted = mountTmpfs(dir, `size=${size}`)
  // Not mounted, the tests skip, and vitest runs no afterAll in a file whose tests all skip.
  if (!mounted) rmSync(dir, { recursive: true, force: true })
  const resize = (to: string) => mountTmpfs(dir, `remount,size=${to}`)
  return {
    dir,
    mounted,
    resize,
    reset(to) {
      for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true })
      return resize(to)
    },
    remove() {
      if (mounted) execFileSync('umount', [dir])
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
