import { beforeEach, describe, expect, inject, it } from 'vitest'

// The tenant recipe of docs/test-harness.md: one globalSetup mock, this worker's own tenant, reset before each test.
const url = `${inject('mockUrl')}/t/worker-${process.env.VITEST_POOL_ID}`
beforeEach(async () => {
  await fetch(`${url}/__control/reset`, { method: 'POST' })
})

const login = () =>
  fetch(`${url}/api/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=password&username=vdro%5Cadministrator&password=Password1',
  })

describe('vitest: a tenant per worker', () => {
  it("a test that breaks its tenant's state: removes the administrator and moves the clock", async () => {
    expect(process.env.VITEST_POOL_ID).toMatch(/^\d+$/)
    expect((await fetch(`${url}/__control/accounts/vdro%5Cadministrator`, { method: 'DELETE' })).status).toBe(204)
    await fetch(`${url}/__control/clock`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ advance: '1d' }) })
    expect((await login()).status).toBe(400)
  })

  it('the next test starts from the fixtures and the real clock again', async () => {
    expect((await login()).status).toBe(200)
    const clock = (await (await fetch(`${url}/__control/clock`)).json()) as { offsetMs: number }
    expect(clock.offsetMs).toBe(0)
  })
})
