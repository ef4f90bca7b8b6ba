import { beforeEach, describe, expect, inject, it } from 'vitest'

// The recipe of docs/test-harness.md: globalSetup starts the mock once; each test starts from the fixtures.
const url = inject('mockUrl')
beforeEach(async () => {
  await fetch(`${url}/__control/reset`, { method: 'POST' })
})

const login = () =>
  fetch(`${url}/api/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=password&username=vdro%5Cadministrator&password=Password1',
  })

describe('vitest globalSetup + beforeEach(reset) recipe', () => {
  it('a test that breaks state: removes the administrator and moves the clock', async () => {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect((await fetch(`${url}/__control/accounts/vdro%5Cadministrator`, { method: 'DELETE' })).status).toBe(204)
    await fetch(`${url}/__control/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advance: '1d' }),
    })
    expect((await login()).status).toBe(400)
  })

  it('the next test starts from the fixtures and the real clock again', async () => {
    expect((await login()).status).toBe(200)
    const clock = (await (await fetch(`${url}/__control/clock`)).json()) as { offsetMs: number }
    expect(clock.offsetMs).toBe(0)
  })
})
