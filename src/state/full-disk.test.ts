/** @module A real full disk: a 16 KiB tmpfs (needs root and mount; CI runs as root). */
import { execFileSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { defaultFixtures } from '../accounts/fixtures.js'
import { createMock } from '../engine/create-mock.js'
import { writeFileAtomic } from './atomic-write.js'
import { parseSnapshot } from './snapshot.js'
import { openStateFile } from './state-file.js'

const mountPoint = mkdtempSync(join(tmpdir(), 'full-disk-'))

function mountTmpfs(size: string, remount = false): boolean {
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', `${remount ? 'remount,' : ''}size=${size}`, 'tmpfs', mountPoint], { stdio: 'ignore' })
    return true
  } catch {
    return false
  }
}

const mounted = mountTmpfs('16k')

afterAll(() => {
  if (mounted) execFileSync('umount', [mountPoint])
  rmSync(mountPoint, { recursive: true, force: true })
})

/** Empties the tmpfs and gives it `size` again. */
function resetTmpfs(size: string) {
  for (const name of readdirSync(mountPoint)) rmSync(join(mountPoint, name), { force: true })
  expect(mountTmpfs(size, true)).toBe(true)
}

describe.runIf(mounted)('on a 16 KiB tmpfs', () => {
  it('writeFileAtomic of 40 KB throws ENOSPC, the previous file stays whole, no temporary is left', () => {
    resetTmpfs('16k')
    const file = join(mountPoint, 'state.json')
    writeFileSync(file, '{"previous":true}')
    expect(() => writeFileAtomic(file, `${JSON.stringify({ big: 'x'.repeat(40_000) })}\n`)).toThrow(/ENOSPC|wrote \d+ of/)
    expect(readFileSync(file, 'utf8')).toBe('{"previous":true}')
    expect(readdirSync(mountPoint)).toEqual(['state.json'])
  })

  it('a state file that outgrows the disk keeps its last whole version, warns once, and is written once space is back', async () => {
    resetTmpfs('16k')
    const file = join(mountPoint, 'state.json')
    const errors: string[] = []
    let recovered = 0
    const stateFile = openStateFile('vro-7.1', {
      path: file,
      sessions: false,
      delayMs: 5,
      onWriteError: (error) => errors.push((error as NodeJS.ErrnoException).code ?? error.message),
      onWriteRecovered: () => recovered++,
    })
    const { state } = createMock({ profile: 'vro-7.1', onStateChange: (change) => stateFile.onChange(change) })
    stateFile.attach(state, defaultFixtures('vro-7.1'))
    const before = readFileSync(file, 'utf8')
    // About 150 bytes per account: 200 accounts do not fit in what is left of 16 KiB.
    for (let i = 0; i < 200; i++) state.store.addAccount({ domain: 'lab', name: `user${i}`, role: 'Plan Author', password: 'x' })
    await vi.waitFor(() => expect(errors).toHaveLength(1), { timeout: 5000 })
    // Retries keep failing, silently: still one warning, the old file whole, no temporary left behind.
    await new Promise((r) => setTimeout(r, 100))
    expect(errors).toHaveLength(1)
    expect(readFileSync(file, 'utf8')).toBe(before)
    expect(readdirSync(mountPoint).sort()).toEqual(['state.json', 'state.json.lock'])
    expect(mountTmpfs('1m', true)).toBe(true)
    await vi.waitFor(() => expect(recovered).toBe(1), { timeout: 5000 })
    expect(parseSnapshot(readFileSync(file, 'utf8'), 'vro-7.1').accounts).toHaveLength(200)
    stateFile.close()
    expect(readdirSync(mountPoint)).toEqual(['state.json'])
  })
})

it.skipIf(mounted)('on a 16 KiB tmpfs: skipped, because mounting a tmpfs is not permitted here (needs root)', () => {})
