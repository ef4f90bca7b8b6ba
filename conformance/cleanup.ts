/** @module Removes what the run created: client accounts (by their owner) and sessions (logout); reports what it could not. */
import { pairOf, type Account, type Context } from './context.js'
import { TransportError, type Exchange } from './http.js'
import { deleteClient } from './scenarios/clients.js'

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Sends again after a 429, as the throttling server asks (Retry-After, at most 5 s; 1 s without one), up to 3 times. */
export async function patiently(send: () => Promise<Exchange>): Promise<Exchange> {
  let ex = await send()
  for (let tries = 0; ex.status === 429 && tries < 3; tries++) {
    const seconds = Number(ex.headers['retry-after'] ?? '1')
    await sleep(Math.min(Number.isFinite(seconds) ? seconds : 1, 5) * 1000)
    ex = await send()
  }
  return ex
}

/** Returns a line per thing left behind on the target. */
export async function cleanUp(t: Context): Promise<string[]> {
  const left: string[] = []
  const owners = new Map<Account, string | undefined>()
  try {
    for (const [id, owner] of [...t.clients]) {
      if (!owners.has(owner)) owners.set(owner, pairOf(await t.login(owner))?.access)
      const bearer = owners.get(owner)
      const ex = bearer === undefined ? undefined : await deleteClient(t, bearer, id)
      // 404: already gone (deleted by a check, or by its own deletion).
      if (ex?.status === 404) t.clients.delete(id)
      else if (ex?.status !== 204) left.push(`client account ${id} of ${owner.username} (delete answered ${ex?.status ?? 'nothing: login failed'})`)
    }
    // Without a logout (VB365 v6) the sessions can only expire, as any client's do there.
    if (t.spec.operation('logout') === undefined) t.sessions.clear()
    for (const access of [...t.sessions]) {
      const ex = await patiently(() => t.logout(access))
      // 401: the session already ended (logged out, or its client deleted).
      if ((ex.status >= 200 && ex.status < 300) || ex.status === 401) t.sessions.delete(access)
      else left.push(`a session (logout answered ${ex.status})`)
    }
  } catch (error) {
    if (!(error instanceof TransportError)) throw error
    for (const [id, owner] of t.clients) if (!left.some((line) => line.includes(id))) left.push(`client account ${id} of ${owner.username} (target unreachable)`)
    if (t.sessions.size > 0) left.push(`${t.sessions.size} session(s) not logged out (target unreachable); they expire by themselves`)
  }
  return left
}
