import { describe, expect, it } from 'vitest'
import { parseServeArgs, type ServeConfig } from '../cli/serve.js'
import { appSteps, type Tokens } from '../control/test-helpers.js'
import { createMock } from '../create-mock.js'

async function userToken(s: ReturnType<typeof appSteps>, username = 'vdro\\administrator'): Promise<string> {
  return ((await (await s.password(username)).json()) as Tokens).access_token
}

describe('client accounts per user are capped', () => {
  it('refuses the 1,001st client account of one user with 403 in the Clients error shape; others may still create', async () => {
    const mock = createMock()
    const s = appSteps(mock.app)
    const token = await userToken(s)
    for (let i = 0; i < 1000; i++) {
      const res = await s.clients(token, 'POST')
      if (res.status !== 200) throw new Error(`client ${i + 1} answered ${res.status}`)
    }
    const refused = await s.clients(token, 'POST')
    expect(refused.status).toBe(403)
    expect(await refused.json()).toEqual({ message: 'This user already has 1000 client accounts, the most the mock allows; delete one first.' })
    expect(mock.state.store.clientCount).toBe(1000)
    expect((await s.clients(await userToken(s, 'vdro\\planauthor'), 'POST')).status).toBe(200)
  })

  it('deleting one makes room again; maxClientsPerUser sets the cap', async () => {
    const mock = createMock({ maxClientsPerUser: 2 })
    const s = appSteps(mock.app)
    const token = await userToken(s)
    const first = (await (await s.clients(token, 'POST')).json()) as { client_id: string }
    expect((await s.clients(token, 'POST')).status).toBe(200)
    expect((await s.clients(token, 'POST')).status).toBe(403)
    const remove = await mock.app.request(`/api/v7.1/Clients?clientId=${first.client_id}`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })
    expect(remove.status).toBe(204)
    expect((await s.clients(token, 'POST')).status).toBe(200)
  })

  it('--max-clients-per-user N reaches the mock; 0 or a word is a usage error', async () => {
    expect(((await parseServeArgs(['--max-clients-per-user', '50000'])) as ServeConfig).options.maxClientsPerUser).toBe(50000)
    await expect(parseServeArgs(['--max-clients-per-user', '0'])).rejects.toThrow('--max-clients-per-user')
    await expect(parseServeArgs(['--max-clients-per-user', 'many'])).rejects.toThrow('--max-clients-per-user')
    expect(() => createMock({ maxClientsPerUser: 0 })).toThrow('maxClientsPerUser must be a positive integer (got 0).')
  })
})
