/** @module Races over a real socket: one refresh token refreshed at once, clients created at once, delete vs use. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../src/app.js'
import { listen, type RunningServer } from '../src/server/listen.js'
import { ADMIN_FORM, FORM } from './support/snapshot.js'

const CONCURRENCY = 32

describe('races over a real socket', () => {
  let server: RunningServer
  const post = (form: string, authorization?: string) =>
    fetch(`${server.url}/api/token`, {
      method: 'POST',
      headers: { ...FORM, ...(authorization === undefined ? {} : { authorization }) },
      body: form,
    })
  const clients = (method: string, token: string, query = '') =>
    fetch(`${server.url}/api/v7.1/Clients${query}`, { method, headers: { authorization: `Bearer ${token}` } })
  const adminToken = async () => ((await (await post(ADMIN_FORM)).json()) as { access_token: string; refresh_token: string })

  beforeAll(async () => {
    server = await listen(createApp().fetch, { port: 0 })
  })
  afterAll(() => server.close())

  it('of concurrent refreshes of one refresh token exactly one gets 200, the rest invalid_grant', async () => {
    const { refresh_token } = await adminToken()
    const form = new URLSearchParams({ grant_type: 'refresh_token', refresh_token }).toString()
    const answers = await Promise.all(Array.from({ length: CONCURRENCY }, () => post(form)))
    const statuses = answers.map((res) => res.status)
    expect(statuses.filter((s) => s === 200)).toHaveLength(1)
    expect(statuses.filter((s) => s === 400)).toHaveLength(CONCURRENCY - 1)
    const refused = await Promise.all(answers.filter((res) => res.status === 400).map((res) => res.json()))
    for (const body of refused) expect(body).toMatchObject({ error: 'invalid_grant' })
  })

  it('concurrent client creation gives distinct clients, all listed', async () => {
    const { access_token } = await adminToken()
    const answers = await Promise.all(Array.from({ length: CONCURRENCY }, () => clients('POST', access_token)))
    expect(answers.map((res) => res.status)).toEqual(Array(CONCURRENCY).fill(200))
    const ids = await Promise.all(answers.map(async (res) => ((await res.json()) as { client_id: string }).client_id))
    expect(new Set(ids).size).toBe(CONCURRENCY)
    const listed = (await (await clients('GET', access_token)).json()) as string[]
    expect([...listed].sort()).toEqual([...ids].sort())
  })

  it("a deleted client's token is refused from the moment the 204 is sent", async () => {
    const { access_token } = await adminToken()
    const { client_id, client_secret } = (await (await clients('POST', access_token)).json()) as {
      client_id: string
      client_secret: string
    }
    const form = new URLSearchParams({ grant_type: 'client_credentials', client_id, client_secret }).toString()
    const { access_token: clientToken } = (await (await post(form)).json()) as { access_token: string }
    // Uses of the client's token race the delete; each use that starts after the 204 must be refused.
    let deletedAt = Infinity
    const uses: Promise<{ startedAt: number; status: number }>[] = []
    const deletion = clients('DELETE', access_token, `?clientId=${client_id}`).then((res) => {
      deletedAt = performance.now()
      return res.status
    })
    for (let i = 0; i < CONCURRENCY; i++) {
      const startedAt = performance.now()
      uses.push(clients('GET', clientToken).then((res) => ({ startedAt, status: res.status })))
      await new Promise((resolve) => setImmediate(resolve))
    }
    expect(await deletion).toBe(204)
    for (const use of await Promise.all(uses)) {
      expect([200, 401]).toContain(use.status)
      if (use.startedAt > deletedAt) expect(use.status).toBe(401)
    }
    expect((await clients('GET', clientToken)).status).toBe(401)
    expect((await post(form)).status).toBe(400)
  })
})
