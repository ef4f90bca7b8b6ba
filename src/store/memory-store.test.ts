import { describe, expect, it, vi } from 'vitest'
import { MemoryStore } from './memory-store.js'
import type { Principal, Session } from './types.js'

const user: Principal = { kind: 'user', accountId: 'a' }
const other: Principal = { kind: 'user', accountId: 'b' }
const session = (principal: Principal, n: number, issuedAt: number): Session => ({
  principal,
  accessToken: `access-${n}`,
  refreshToken: `refresh-${n}`,
  accessExpiresAt: issuedAt + 10,
  refreshExpiresAt: issuedAt + 20,
})

describe('MemoryStore sessions by principal', () => {
  it('revokeSessionsOf ends the sessions of that principal only', () => {
    const store = new MemoryStore({ sessionsByPrincipal: true })
    store.addSession(session(user, 1, 0), 0)
    store.addSession(session(other, 2, 0), 0)
    store.addSession(session(user, 3, 0), 0)
    expect(store.revokeSessionsOf(user)).toBe(2)
    expect(store.byAccessToken('access-1', 1)).toBeUndefined()
    expect(store.byRefreshToken('refresh-3', 1)).toBeUndefined()
    expect(store.byAccessToken('access-2', 1)?.principal).toBe(other)
    expect(store.revokeSessionsOf(user)).toBe(0)
  })

  it('does not keep expired sessions of a principal: the index stays as small as the live sessions', () => {
    const store = new MemoryStore({ sessionsByPrincipal: true })
    // One session per time unit, each dead 20 units after it was issued.
    for (let now = 0; now < 10_000; now++) store.addSession(session(user, now, now), now)
    // Live at 9999: those issued from 9980 on (their refresh tokens run to 10000 and later), 20 of them.
    expect(store.revokeSessionsOf(user)).toBe(20)
    expect(store.byRefreshToken('refresh-9980', 9999)).toBeUndefined()
  })

  it('keeps no principal index unless asked (multiple-session mode), and says so if one is needed', () => {
    const store = new MemoryStore()
    store.addSession(session(user, 1, 0), 0)
    expect(() => store.revokeSessionsOf(user)).toThrow(/sessionsByPrincipal/)
    expect(store.byAccessToken('access-1', 1)?.principal).toBe(user)
  })

  it('reports each kind of change to its observer', () => {
    const onChange = vi.fn()
    const store = new MemoryStore({ onChange })
    const account = store.addAccount({ domain: 'lab', name: 'ci', role: 'Plan Author', password: 'x' })
    store.updateAccount(account.id, { disabled: true })
    store.addClient({ id: 'c', ownerId: account.id, secretHash: Buffer.alloc(32) })
    store.addSession(session(user, 1, 0), 0)
    expect(onChange.mock.calls.map(([change]) => change)).toEqual(['accounts', 'accounts', 'clients', 'sessions'])
  })
})
