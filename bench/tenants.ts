/**
 * @module Tenants: what one costs (made in-process: time and heap, bare and after a login), and the token endpoint's
 * throughput with 1,000 tenants live (each request another tenant's) against one tenant, alternating in one run.
 */
import { readFileSync } from 'node:fs'
import autocannon from 'autocannon'
import { createMock } from '../src/create-mock.js'
import { CONNECTIONS, type LoadResult } from './load.js'
import { spawnServer, type ServerProcess } from './spawn-server.js'

export const TENANTS = 1000
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const LOGIN = 'grant_type=password&username=vdro%5Cadministrator&password=Password1'

function heapBytes(): number {
  globalThis.gc?.()
  return process.memoryUsage().heapUsed
}

export interface TenantCost {
  /** Microseconds to make one tenant from the fixtures (mean over TENANTS), the test harness included. */
  createMicros: number
  /** Heap per tenant after gc, just made. */
  bareKiB: number
  /** Heap per tenant after gc, each with one login (a session) and its journal entry. */
  loggedInKiB: number
}

/** Made in-process, as the server makes them: through the app, the harness on. */
export async function tenantCost(): Promise<TenantCost> {
  if (globalThis.gc === undefined) throw new Error('run with node --expose-gc (npm run bench does)')
  const { app, tenants } = createMock({ profile: 'vro-7.1', control: true, tenants: { max: TENANTS * 2 } })
  // Warm the code paths so the figures are of tenants, not of JIT compilation.
  tenants!.get('warm-up')
  await app.request('/t/warm-up/api/token', { method: 'POST', headers: FORM, body: LOGIN })
  const before = heapBytes()
  const started = performance.now()
  for (let i = 0; i < TENANTS; i++) tenants!.get(`t${i}`)
  const createMicros = ((performance.now() - started) * 1000) / TENANTS
  const made = heapBytes()
  for (let i = 0; i < TENANTS; i++) {
    const res = await app.request(`/t/t${i}/api/token`, { method: 'POST', headers: FORM, body: LOGIN })
    if (res.status !== 200) throw new Error(`tenant t${i}: login answered ${res.status}`)
  }
  const loggedIn = heapBytes()
  return { createMicros, bareKiB: (made - before) / 1024 / TENANTS, loggedInKiB: (loggedIn - before) / 1024 / TENANTS }
}

interface Target {
  server: ServerProcess
  /** One client_credentials request per tenant, cycled through by every connection. */
  requests: { method: 'POST'; path: string; headers: Record<string, string>; body: string }[]
}

/** A mock with --tenants and `count` tenants, each logged in once and holding a client whose credentials the load uses. */
async function tenantsTarget(root: string, count: number): Promise<Target> {
  // node itself (not the tsx launcher, which would be a second process), so the pid's RSS is the server's.
  const server = await spawnServer(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', 'serve', '--port', '0', '--tenants', '--max-tenants', String(count * 2)], root)
  const requests: Target['requests'] = []
  for (let i = 0; i < count; i++) {
    const base = `${server.url}/t/t${i}`
    const login = (await (await fetch(`${base}/api/token`, { method: 'POST', headers: FORM, body: LOGIN })).json()) as { access_token: string }
    const created = await fetch(`${base}/api/v7.1/Clients`, { method: 'POST', headers: { authorization: `Bearer ${login.access_token}` } })
    const { client_id, client_secret } = (await created.json()) as { client_id: string; client_secret: string }
    requests.push({ method: 'POST', path: `/t/t${i}/api/token`, headers: FORM, body: new URLSearchParams({ grant_type: 'client_credentials', client_id, client_secret }).toString() })
  }
  return { server, requests }
}

async function loadTarget(target: Target, seconds: number): Promise<LoadResult> {
  const result = await autocannon({ url: target.server.url, requests: target.requests, connections: CONNECTIONS, duration: seconds })
  return { rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, errors: result.errors + result.timeouts + result.non2xx }
}

export interface TenantLoad {
  many: LoadResult[]
  one: LoadResult[]
  /** Resident memory of each server after its set-up and after the load (Linux /proc), MiB. */
  rssMiB: { many: number; one: number; manyAfter: number; oneAfter: number }
}

/** A process's resident set from /proc (this bench runs on Linux); NaN elsewhere. */
function rssMiB(pid: number | undefined): number {
  try {
    const kib = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
    return kib === undefined ? Number.NaN : Number(kib) / 1024
  } catch {
    return Number.NaN
  }
}

/** Alternating rounds, many then one, as the main table's cases alternate. */
export async function tenantLoad(root: string, rounds: number, seconds: number, print: (line: string) => void): Promise<TenantLoad> {
  const many = await tenantsTarget(root, TENANTS)
  const one = await tenantsTarget(root, 1)
  try {
    await loadTarget(many, 1)
    await loadTarget(one, 1)
    const results: TenantLoad = { many: [], one: [], rssMiB: { many: rssMiB(many.server.child.pid), one: rssMiB(one.server.child.pid), manyAfter: 0, oneAfter: 0 } }
    for (let round = 1; round <= rounds; round++) {
      const m = await loadTarget(many, seconds)
      const o = await loadTarget(one, seconds)
      results.many.push(m)
      results.one.push(o)
      print(`round ${round} token, ${TENANTS} tenants live ${m.rps.toFixed(0).padStart(7)} req/s; one tenant ${o.rps.toFixed(0).padStart(7)} req/s`)
    }
    results.rssMiB.manyAfter = rssMiB(many.server.child.pid)
    results.rssMiB.oneAfter = rssMiB(one.server.child.pid)
    return results
  } finally {
    await Promise.all([many.server.stop(), one.server.stop()])
  }
}

const mean = (runs: LoadResult[]) => runs.reduce((sum, r) => sum + r.rps, 0) / runs.length

/** The tenants section of `npm run bench`: cost per tenant, then the load rounds and their ratio. */
export async function tenantsCase(root: string, rounds: number, seconds: number): Promise<void> {
  const cost = await tenantCost()
  console.log(
    `\ntenants: one made in ${cost.createMicros.toFixed(1)} µs (mean of ${TENANTS}, harness included); heap per tenant after gc ` +
      `${cost.bareKiB.toFixed(1)} KiB as made, ${cost.loggedInKiB.toFixed(1)} KiB after one login`,
  )
  const { many, one, rssMiB: rss } = await tenantLoad(root, rounds, seconds, console.log)
  console.log(
    `server RSS after set-up: ${rss.many.toFixed(0)} MiB with ${TENANTS} tenants (each a login and a client), ${rss.one.toFixed(0)} MiB with one: ` +
      `${(((rss.many - rss.one) * 1024) / (TENANTS - 1)).toFixed(1)} KiB per tenant; after the load ${rss.manyAfter.toFixed(0)} and ${rss.oneAfter.toFixed(0)} MiB ` +
      `(each tenant's journal keeps up to --journal-size entries)`,
  )
  const worst = (runs: LoadResult[]) => `p99 ${Math.max(...runs.map((r) => r.p99))} ms, errors ${runs.reduce((s, r) => s + r.errors, 0)}`
  console.log(
    `token endpoint, ${TENANTS} tenants live (each request another tenant's client): ${mean(many).toFixed(0)} req/s (${worst(many)}); ` +
      `one tenant: ${mean(one).toFixed(0)} req/s (${worst(one)}); ratio ${(mean(many) / mean(one)).toFixed(2)}`,
  )
}
