import { existsSync, linkSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { writeFileAtomic } from './atomic-write.js'
import { CoalescingWriter } from './coalescing-writer.js'
import { defaultFixtures } from '../accounts/fixtures.js'
import { createMock } from '../engine/create-mock.js'
import { parseSnapshot } from './snapshot.js'
import { openStateFile } from './state-file.js'

const freshDir = () => mkdtempSync(join(tmpdir(), 'state-file-'))

describe('writeFileAtomic', () => {
  it('replaces the file by rename: a hard link to the old file keeps the old text, no temp file is left', () => {
    const dir = freshDir()
    const file = join(dir, 'state.json')
    writeFileSync(file, 'old')
    linkSync(file, join(dir, 'old-link'))
    const inode = statSync(file).ino
    writeFileAtomic(file, 'new')
    expect(readFileSync(file, 'utf8')).toBe('new')
    // An in-place write would have changed the linked inode too.
    expect(readFileSync(join(dir, 'old-link'), 'utf8')).toBe('old')
    expect(statSync(file).ino).not.toBe(inode)
    expect(readdirSync(dir).sort()).toEqual(['old-link', 'state.json'])
  })

  it('creates the file readable by its owner only (mode 0600)', () => {
    const file = join(freshDir(), 'state.json')
    writeFileAtomic(file, '{}')
    expect(statSync(file).mode & 0o777).toBe(0o600)
  })

  it('when the rename fails, leaves the target as it was and no temp file behind', () => {
    const dir = freshDir()
    const target = join(dir, 'state.json')
    mkdirSync(target)
    expect(() => writeFileAtomic(target, 'new')).toThrow()
    expect(statSync(target).isDirectory()).toBe(true)
    expect(readdirSync(dir)).toEqual(['state.json'])
  })
})

describe('CoalescingWriter', () => {
  afterEach(() => vi.useRealTimers())

  it('turns a burst of changes into one write, 200 ms after the first', () => {
    vi.useFakeTimers()
    const write = vi.fn()
    const writer = new CoalescingWriter(write)
    for (let i = 0; i < 5; i++) writer.schedule()
    vi.advanceTimersByTime(199)
    expect(write).not.toHaveBeenCalled()
    writer.schedule()
    vi.advanceTimersByTime(1)
    expect(write).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1000)
    expect(write).toHaveBeenCalledTimes(1)
  })

  it('a steady stream of changes still gets written every 200 ms', () => {
    vi.useFakeTimers()
    const write = vi.fn()
    const writer = new CoalescingWriter(write)
    for (let ms = 0; ms < 1000; ms += 10) {
      writer.schedule()
      vi.advanceTimersByTime(10)
    }
    expect(write).toHaveBeenCalledTimes(5)
  })

  it('flush writes a pending change at once, and nothing when none is pending', () => {
    vi.useFakeTimers()
    const write = vi.fn()
    const writer = new CoalescingWriter(write)
    writer.flush()
    expect(write).not.toHaveBeenCalled()
    writer.schedule()
    writer.flush()
    expect(write).toHaveBeenCalledTimes(1)
    vi.advanceTimersByTime(1000)
    expect(write).toHaveBeenCalledTimes(1)
  })
})

describe('openStateFile', () => {
  it('leaves a missing file alone until attach, which creates it; reading a directory is one clear error', () => {
    const dir = freshDir()
    const file = join(dir, 'state.json')
    const stateFile = openStateFile('vro-7.1', { path: file, sessions: false, onWriteError: () => {} })
    expect(existsSync(file)).toBe(false)
    stateFile.attach(createMock({ profile: 'vro-7.1' }).state, defaultFixtures('vro-7.1'))
    const written = parseSnapshot(readFileSync(file, 'utf8'), 'vro-7.1')
    expect([written.accounts, written.removedAccounts, written.clients]).toEqual([[], [], []])
    expect(() => openStateFile('vro-7.1', { path: dir, sessions: false, onWriteError: () => {} })).toThrow(
      `State file ${dir} cannot be read (EISDIR).`,
    )
  })
})
