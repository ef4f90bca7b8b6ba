import * as fsCalls from 'node:fs'
import { existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { writeFileAtomic, type WriteFs } from './atomic-write.js'
import { CoalescingWriter } from './coalescing-writer.js'
import { defaultFixtures } from '../accounts/fixtures.js'
import { createMock } from '../create-mock.js'
import { parseSnapshot } from './snapshot.js'
import { openStateFile, StateFileError } from './state-file.js'

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
    stateFile.close()
    const written = parseSnapshot(readFileSync(file, 'utf8'), 'vro-7.1')
    expect([written.accounts, written.removedAccounts, written.clients]).toEqual([[], [], []])
    expect(() => openStateFile('vro-7.1', { path: dir, sessions: false, onWriteError: () => {} })).toThrow(
      `State file ${dir} cannot be read (EISDIR).`,
    )
  })
})

describe('openStateFile: failed writes', () => {
  it('a failing write is reported once per failure streak and retried until it succeeds; the file stays whole', async () => {
    const file = join(freshDir(), 'state.json')
    let full = false
    const io: WriteFs = {
      ...fsCalls,
      writeSync: (fd, data, offset, length) => {
        if (full) throw Object.assign(new Error('ENOSPC: no space left on device'), { code: 'ENOSPC' })
        return fsCalls.writeSync(fd, data, offset, length)
      },
    }
    const errors: string[] = []
    let recovered = 0
    const stateFile = openStateFile('vro-7.1', {
      path: file,
      sessions: false,
      delayMs: 1,
      retryMs: 5,
      io,
      onWriteError: (error) => errors.push((error as NodeJS.ErrnoException).code!),
      onWriteRecovered: () => recovered++,
    })
    const { state } = createMock({ profile: 'vro-7.1', onStateChange: (change) => stateFile.onChange(change) })
    stateFile.attach(state, defaultFixtures('vro-7.1'))
    const initial = readFileSync(file, 'utf8')
    full = true
    state.store.addAccount({ domain: 'lab', name: 'one', role: 'Plan Author', password: 'x' })
    await vi.waitFor(() => expect(errors).toEqual(['ENOSPC']))
    await new Promise((r) => setTimeout(r, 50)) // several retries, all failing
    expect(errors).toEqual(['ENOSPC'])
    expect(readFileSync(file, 'utf8')).toBe(initial)
    full = false
    await vi.waitFor(() => expect(recovered).toBe(1))
    expect(parseSnapshot(readFileSync(file, 'utf8'), 'vro-7.1').accounts.map((a) => a.username)).toEqual(['lab\\one'])
    // A new streak is reported again.
    full = true
    state.store.addAccount({ domain: 'lab', name: 'two', role: 'Plan Author', password: 'x' })
    await vi.waitFor(() => expect(errors).toEqual(['ENOSPC', 'ENOSPC']))
    stateFile.close()
    expect(readdirSync(dirname(file))).toEqual(['state.json'])
  })
})

describe('openStateFile: what it refuses', () => {
  it('a path that is a symbolic link: one clear error, the link and its target untouched, no lock left', () => {
    const dir = freshDir()
    const target = join(dir, 'elsewhere.json')
    writeFileSync(target, 'not ours')
    const file = join(dir, 'state.json')
    symlinkSync(target, file)
    expect(() => openStateFile('vro-7.1', { path: file, sessions: false, onWriteError: () => {} })).toThrow(
      new StateFileError(`State file ${file} is a symbolic link; refused (give the path of the file itself).`),
    )
    expect(readFileSync(target, 'utf8')).toBe('not ours')
    expect(lstatSync(file).isSymbolicLink()).toBe(true)
    expect(readdirSync(dir).sort()).toEqual(['elsewhere.json', 'state.json'])
  })

  it('a file another writer holds: one clear error naming its pid; free again once that writer closes', () => {
    const file = join(freshDir(), 'state.json')
    const options = { path: file, sessions: false, onWriteError: () => {} }
    const first = openStateFile('vro-7.1', options)
    first.attach(createMock({ profile: 'vro-7.1' }).state, defaultFixtures('vro-7.1'))
    expect(readFileSync(`${file}.lock`, 'utf8')).toBe(`${process.pid}\n`)
    expect(() => openStateFile('vro-7.1', options)).toThrow(
      new StateFileError(`State file ${file} is in use by process ${process.pid} (lock ${file}.lock); stop it or use another --state file.`),
    )
    first.close()
    expect(existsSync(`${file}.lock`)).toBe(false)
    openStateFile('vro-7.1', options).close()
  })

  it('a file in a missing directory: one clear error naming the lock it could not create', () => {
    const file = join(freshDir(), 'missing', 'state.json')
    expect(() => openStateFile('vro-7.1', { path: file, sessions: false, onWriteError: () => {} })).toThrow(
      new StateFileError(`State file ${file} cannot be locked: ${file}.lock cannot be created (ENOENT).`),
    )
  })

  it('removes temporaries an earlier run left behind, once it holds the lock', () => {
    const dir = freshDir()
    const file = join(dir, 'state.json')
    writeFileSync(`${file}.tmp-999999-0123456789ab`, '{"torn')
    const stateFile = openStateFile('vro-7.1', { path: file, sessions: false, onWriteError: () => {} })
    expect(readdirSync(dir)).toEqual(['state.json.lock'])
    stateFile.close()
  })
})
