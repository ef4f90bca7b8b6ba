import { spawn, spawnSync } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { acquireLock, LockHeldError } from './state-lock.js'

const statePath = () => join(mkdtempSync(join(tmpdir(), 'state-lock-')), 'state.json')

describe('acquireLock', () => {
  it('writes FILE.lock with our pid (mode 0600); release removes it, and only once', () => {
    const path = statePath()
    const lock = acquireLock(path)
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe(`${process.pid}\n`)
    expect(statSync(`${path}.lock`).mode & 0o777).toBe(0o600)
    lock.release()
    expect(existsSync(`${path}.lock`)).toBe(false)
    // A second release must not remove a lock someone else has taken since.
    writeFileSync(`${path}.lock`, '1\n')
    lock.release()
    expect(readFileSync(`${path}.lock`, 'utf8')).toBe('1\n')
  })

  it('refuses while a live process holds it: another process, or this one', async () => {
    const path = statePath()
    const other = spawn('sleep', ['30'])
    try {
      writeFileSync(`${path}.lock`, `${other.pid}\n`)
      expect(() => acquireLock(path)).toThrow(new LockHeldError(`${path}.lock`, other.pid!))
    } finally {
      other.kill()
      await once(other, 'exit')
    }
    const mine = statePath()
    const lock = acquireLock(mine)
    expect(() => acquireLock(mine)).toThrow(LockHeldError)
    lock.release()
  })

  it('takes over a stale lock: its pid is gone, its content is not a pid, or it is our pid from an earlier run', () => {
    const dead = spawnSync('true').pid
    for (const content of [`${dead}\n`, '', 'garbage', `${process.pid}\n`]) {
      const path = statePath()
      writeFileSync(`${path}.lock`, content)
      const lock = acquireLock(path)
      expect(readFileSync(`${path}.lock`, 'utf8')).toBe(`${process.pid}\n`)
      lock.release()
    }
  })
})
