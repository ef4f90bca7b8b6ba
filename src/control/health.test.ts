import { describe, expect, it } from 'vitest'
import { createMock } from '../create-mock.js'

describe('GET /__control/health', () => {
  it('answers 200 with the status and profile, without the control token even when one is set', async () => {
    const { app } = createMock({ profile: 'vac-2', control: { token: 'T0ken' } })
    const res = await app.request('/__control/health')
    expect(res.status).toBe(200)
    const body = (await res.json()) as { status: string; profile: string; uptimeSeconds: number }
    expect(body).toEqual({ status: 'ok', profile: 'vac-2', uptimeSeconds: expect.any(Number) })
    expect(body.uptimeSeconds).toBeGreaterThanOrEqual(0)
    // The token still guards everything else.
    expect((await app.request('/__control/clock')).status).toBe(401)
    expect((await app.request('/__control/clock', { headers: { authorization: 'Bearer T0ken' } })).status).toBe(200)
  })

  it('is not there when the control API is off', async () => {
    const { app } = createMock({})
    expect((await app.request('/__control/health')).status).toBe(404)
  })

  it('is not journaled, so probing readiness leaves the request journal empty', async () => {
    const { app, harness } = createMock({ control: true })
    await app.request('/__control/health')
    expect(harness!.journal.list()).toEqual([])
  })
})
