import { createHash } from 'node:crypto'
import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { defaultFixtures } from '../accounts/fixtures.js'
import { createMock } from '../create-mock.js'
import { issueSession } from '../engine/sessions.js'
import { tokenDigest } from '../security/secret.js'
import { parseSnapshot } from './snapshot.js'
import { openStateFile } from './state-file.js'

// Counts the token hashing a write does; the digests themselves stay real.
vi.mock('../security/secret.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../security/secret.js')>()
  return { ...real, tokenDigest: vi.fn(real.tokenDigest) }
})

const SESSIONS = 30_000

describe('--state-sessions writes with many sessions', () => {
  it(`hash each of ${SESSIONS} sessions' tokens once, not once per write`, () => {
    const file = join(mkdtempSync(join(tmpdir(), 'session-tokens-')), 'state.json')
    const stateFile = openStateFile('vro-7.1', { path: file, sessions: true, onWriteError: (error) => { throw error } })
    const mock = createMock({ profile: 'vro-7.1', onStateChange: (change) => stateFile.onChange(change) })
    const admin = mock.state.store.findAccount('vdro', 'administrator')!
    stateFile.attach(mock.state, defaultFixtures('vro-7.1'))
    const sessions = Array.from({ length: SESSIONS }, () => issueSession(mock.state, { kind: 'user', accountId: admin.id }))
    const digest = vi.mocked(tokenDigest)
    digest.mockClear()
    for (let write = 0; write < 3; write++) {
      const started = performance.now()
      stateFile.onChange('sessions')
      stateFile.flush()
      console.log(`write ${write + 1} with ${SESSIONS} sessions: ${(performance.now() - started).toFixed(0)} ms`)
    }
    expect(digest).toHaveBeenCalledTimes(2 * SESSIONS)
    const written = parseSnapshot(readFileSync(file, 'utf8'), 'vro-7.1').sessions!
    expect(written).toHaveLength(SESSIONS)
    const last = sessions.at(-1)!['access_token'] as string
    expect(written.at(-1)!.access!.sha256).toBe(createHash('sha256').update(last).digest('hex'))
    stateFile.close()
  })
})
