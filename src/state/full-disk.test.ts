/** @module A real full disk: a 16 KiB tmpfs (needs root and mount; CI runs as root). */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, describe, expect, it, vi } from 'vitest'
import { tryMountTmpfs } from '../../test/support/tmpfs.js'
import { defaultFixtures } from '../accounts/fixtures.js'
import { createMock } from '../create-mock.js'
import { writeFileAtomic } from './atomic-write.js'
import { parseSnapshot } from './snapshot.js'
import { openStateFile } from './state-file.js'

const tmpfs = tryMountTmpfs('16k')
afterAll(() => tmpfs.remove())

describe.runIf(tmpfs.mounted)('on a 16 KiB tmpfs', () => {
  it('writeFileAtomic of 40 KB throws ENOSPC, the previous file stays whole, no temporary is left', () => {
    expect(tmpfs.reset('16k')).toBe(true)
    const file = join(tmpfs.dir, 'state.json')
    writeFileSync(file, '{"previous":true}')
    expect(() => writeFileAtomic(file, `${JSON.stringify({ big: 'x'.repeat(40_000) })}\n`)).toThrow(/ENOSPC|wrote \d+ of/)
    expect(readFileSync(file, 'utf8')).toBe('{"previous":true}')
    expect(readdirSync(tmpfs.dir)).toEqual(['state.json'])
  })

  it('a state file that outgrows the disk keeps its last whole version, warns once, and is written once space is back', async () => {
    expect(tmpfs.reset('16k')).toBe(true)
    const file = join(tmpfs.dir, 'state.json')
    const errors: string[] = []
    let recovered = 0
    const stateFile = openStateFile('vro-7.1', {
      path: file,
      sessions: false,
      delayMs: 5,
      retryMs: 10,
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
    expect(readdirSync(tmpfs.dir).sort()).toEqual(['state.json', 'state.json.lock'])
    expect(tmpfs.resize('1m')).toBe(true)
    await vi.waitFor(() => expect(recovered).toBe(1), { timeout: 5000 })
    expect(parseSnapshot(readFileSync(file, 'utf8'), 'vro-7.1').accounts).toHaveLength(200)
    stateFile.close()
    expect(readdirSync(tmpfs.dir)).toEqual(['state.json'])
  })
})

// Only where the tests above cannot run does a skipped test say so.
if (!tmpfs.mounted) it.skip('on a 16 KiB tmpfs: skipped, because mounting a tmpfs is not permitted here (needs root)', () => {})
