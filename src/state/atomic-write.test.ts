import * as fs from 'node:fs'
import { mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { removeStaleTemporaries, writeFileAtomic, type WriteFs } from './atomic-write.js'

const freshDir = () => mkdtempSync(join(tmpdir(), 'atomic-write-'))

/** node:fs, except that writeSync goes through `write` (which may write less, or fail). */
function fsWith(write: (fd: number, data: Uint8Array, offset: number, length: number, call: number) => number) {
  const calls: { open: [string, string, number][] } = { open: [] }
  let call = 0
  const stand: WriteFs = {
    openSync: (path, flags, mode) => (calls.open.push([path, flags, mode]), fs.openSync(path, flags, mode)),
    writeSync: (fd, data, offset, length) => write(fd, data, offset, length, call++),
    fsyncSync: fs.fsyncSync,
    closeSync: fs.closeSync,
    renameSync: fs.renameSync,
    rmSync: fs.rmSync,
  }
  return { stand, calls }
}

const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' })
const TEXT = `${'x'.repeat(20_000)}\n`

describe('writeFileAtomic: whole or not at all', () => {
  it('a short write followed by ENOSPC (a disk filling up) throws, keeps the previous file whole, leaves no temporary', () => {
    const dir = freshDir()
    const file = join(dir, 'state.json')
    writeFileSync(file, 'previous')
    const { stand } = fsWith((fd, data, offset, length, call) => {
      if (call > 0) throw enospc()
      return fs.writeSync(fd, data, offset, Math.min(length, 8192))
    })
    expect(() => writeFileAtomic(file, TEXT, stand)).toThrow('ENOSPC')
    expect(readFileSync(file, 'utf8')).toBe('previous')
    expect(readdirSync(dir)).toEqual(['state.json'])
  })

  it('a write that makes no progress (returns 0) throws instead of renaming a cut-off file', () => {
    const dir = freshDir()
    const file = join(dir, 'state.json')
    writeFileSync(file, 'previous')
    const { stand } = fsWith((fd, data, offset, length, call) => (call === 0 ? fs.writeSync(fd, data, offset, Math.min(length, 100)) : 0))
    expect(() => writeFileAtomic(file, TEXT, stand)).toThrow(`wrote 100 of ${TEXT.length} bytes`)
    expect(readFileSync(file, 'utf8')).toBe('previous')
    expect(readdirSync(dir)).toEqual(['state.json'])
  })

  it('short writes that make progress are continued until the whole text is written', () => {
    const file = join(freshDir(), 'state.json')
    const { stand } = fsWith((fd, data, offset, length) => fs.writeSync(fd, data, offset, Math.min(length, 1000)))
    writeFileAtomic(file, TEXT, stand)
    expect(readFileSync(file, 'utf8')).toBe(TEXT)
  })
})

describe('writeFileAtomic: the temporary file', () => {
  it('is created exclusively (wx), mode 0600, under a new random name each time', () => {
    const file = join(freshDir(), 'state.json')
    const { stand, calls } = fsWith((fd, data, offset, length) => fs.writeSync(fd, data, offset, length))
    writeFileAtomic(file, 'one', stand)
    writeFileAtomic(file, 'two', stand)
    const [first, second] = calls.open
    expect(first![0]).toMatch(new RegExp(`^${file.replace(/[.]/g, '\\.')}\\.tmp-${process.pid}-[0-9a-f]{12}$`))
    expect(second![0]).not.toBe(first![0])
    expect(calls.open.map(([, flags, mode]) => [flags, mode])).toEqual([['wx', 0o600], ['wx', 0o600]])
  })

  it('a link planted at the old predictable name (FILE.tmp-<pid>) is not followed: its target is untouched', () => {
    const dir = freshDir()
    const file = join(dir, 'state.json')
    const victim = join(dir, 'victim.txt')
    writeFileSync(victim, 'victim', { mode: 0o644 })
    symlinkSync(victim, `${file}.tmp-${process.pid}`)
    writeFileAtomic(file, '{"state":1}')
    expect(readFileSync(victim, 'utf8')).toBe('victim')
    expect(statSync(victim).mode & 0o777).toBe(0o644)
    expect(readFileSync(file, 'utf8')).toBe('{"state":1}')
    expect(fs.lstatSync(file).isFile()).toBe(true)
  })
})

describe('removeStaleTemporaries', () => {
  it('removes FILE.tmp-<pid> and FILE.tmp-<pid>-<random> (a link as a link), and nothing else', () => {
    const dir = freshDir()
    const file = join(dir, 'state.json')
    const victim = join(dir, 'victim.txt')
    writeFileSync(victim, 'victim')
    const stale = ['state.json.tmp-123', 'state.json.tmp-4567-0123456789ab']
    const kept = ['state.json', 'state.json.tmpx', 'state.json.tmp-12-evil', 'other.json.tmp-1', 'victim.txt']
    for (const name of [...stale, ...kept]) if (name !== 'victim.txt') writeFileSync(join(dir, name), 'x')
    symlinkSync(victim, join(dir, 'state.json.tmp-99'))
    removeStaleTemporaries(file)
    expect(readdirSync(dir).sort()).toEqual([...kept].sort())
    expect(readFileSync(victim, 'utf8')).toBe('victim')
  })

  it('a missing directory is no error', () => {
    expect(() => removeStaleTemporaries(join(freshDir(), 'missing', 'state.json'))).not.toThrow()
  })
})
