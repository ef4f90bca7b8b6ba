/** @module `npm run bench`: memory, start-up, then A B A B load rounds against the mock, a bare server and a peer. */
import { readFileSync, writeFileSync } from 'node:fs'
import { cpus, loadavg } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { CONNECTIONS, load, type LoadRequest, type LoadResult } from './load.js'
import { memoryCase } from './memory.js'
import { spawnServer, type ServerProcess } from './spawn-server.js'
import { startPrism } from './prism-peer.js'
import { startupCase } from './startup.js'
import { tenantsCase } from './tenants.js'
import { API_VERSION, documentMemory, documentStartup, writeDocument } from './vendor-document.js'

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..')
/** The small document both the mock and Prism serve for the peer row (Prism takes minutes to start on the 4 MB one). */
const SMALL_DOCUMENT = join(ROOT, 'fixtures/openapi.example.json')
/** `npm run bench -- --prism-large`: Prism serves the 4 MB VBR-like document instead (minutes to start). */
const PRISM_LARGE = process.argv.includes('--prism-large')
// Short alternating rounds: this VM's throughput drifts from second to second, and every case sees the drift.
const ROUNDS = 4
const SECONDS = 3
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
const fixed = (n: number, digits = 0) => n.toFixed(digits)
// Ratios move with what else the machine runs: each run states how busy it was.
const loadAverage = () => `load average ${loadavg().map((n) => n.toFixed(2)).join(' ')}`

async function setUpMock(url: string): Promise<{ clientForm: string; bearer: string; tokenBody: string }> {
  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(`${url}/api/token`, { method: 'POST', headers: { ...FORM, ...headers }, body })
  const login = (await (await post('grant_type=password&username=vdro%5Cadministrator&password=Password1')).json()) as {
    access_token: string
  }
  const bearer = `Bearer ${login.access_token}`
  const created = await fetch(`${url}/api/v7.1/Clients`, { method: 'POST', headers: { authorization: bearer } })
  const { client_id, client_secret } = (await created.json()) as { client_id: string; client_secret: string }
  const clientForm = new URLSearchParams({ grant_type: 'client_credentials', client_id, client_secret }).toString()
  const tokenBody = await (await post(clientForm)).text()
  return { clientForm, bearer, tokenBody }
}

async function main(): Promise<void> {
  console.log(`veeam-auth-mock bench, ${new Date().toISOString()}, node ${process.version}, ${cpus().length} CPUs, ${loadAverage()}\n`)
  const memory = memoryCase()
  console.log(
    `memory: ${memory.tokens.toLocaleString('en')} tokens in ${fixed(memory.seconds, 1)} s; heap after gc ` +
      `${fixed(memory.startMiB, 1)} MiB at start, ${fixed(memory.endMiB, 1)} MiB after the sweep ` +
      `(peak ${memory.peakIndexed} refresh tokens indexed, ${memory.endIndexed} left)`,
  )
  const startup = await startupCase(ROOT)
  console.log(
    `start-up to first answered token request: tsx ${fixed(startup.tsxMs)} ms, ` +
      `node on tsc-built JS ${fixed(startup.nodeMs)} ms (median of 3; build ${fixed(startup.buildSeconds, 1)} s)\n`,
  )
  const document = writeDocument()
  const documentStart = await documentStartup(ROOT, document.file)
  console.log(
    `vendor document (VBR-like, ${fixed(document.bytes / 2 ** 20, 1)} MiB): start-up to the first answered GET with a token ` +
      `${fixed(documentStart.withMs)} ms, without it ${fixed(documentStart.withoutMs)} ms (+${fixed(documentStart.withMs - documentStart.withoutMs)} ms, target < 1000; medians of 3)`,
  )
  const documentRss = await documentMemory(JSON.parse(readFileSync(document.file, 'utf8')) as object)
  console.log(
    `vendor document memory (RSS): ${fixed(documentRss.beforeMiB)} MiB before, ${fixed(documentRss.startedMiB)} MiB after start, ` +
      `${fixed(documentRss.afterMiB)} MiB after its ${documentRss.gets} GETs answered once\n`,
  )

  const servers: ServerProcess[] = []
  try {
    // The mock as `npm start` runs it, on a free port, with the VBR-like document (its routes pay nothing for it).
    const mock = await spawnServer(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'serve', '--port', '0', '--openapi', document.file], ROOT)
    servers.push(mock)
    const { clientForm, bearer, tokenBody } = await setUpMock(mock.url)
    const bare = await spawnServer(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts', tokenBody], ROOT)
    servers.push(bare)
    const peer = await spawnServer(process.execPath, ['--import', 'tsx', 'bench/peer-server.ts'], ROOT)
    servers.push(peer)
    // The ceiling for the document GET: a bare server answering the very bytes the mock answers (a page of jobs is
    // tens of KB, where the token body is a few hundred bytes, so the token's bare server is no ceiling for it).
    const page = await fetch(`${mock.url}/api/v1/jobs`, { headers: { authorization: bearer, 'x-api-version': API_VERSION } })
    const pageBytes = Buffer.from(await page.arrayBuffer())
    // A member of that list, `GET /api/v1/jobs/{id}`: a generated single-item GET (a few KiB, where the page is tens).
    const itemPath = `/api/v1/jobs/${encodeURIComponent((JSON.parse(pageBytes.toString('utf8')) as { data: { id: string }[] }).data[0]!.id)}`
    const item = await fetch(`${mock.url}${itemPath}`, { headers: { authorization: bearer, 'x-api-version': API_VERSION } })
    const itemBytes = (await item.arrayBuffer()).byteLength
    if (item.status !== 200) throw new Error(`GET ${itemPath} answered ${item.status}`)
    const pageFile = join(dirname(document.file), 'jobs-page.json')
    writeFileSync(pageFile, pageBytes)
    const barePage = await spawnServer(process.execPath, ['--import', 'tsx', 'bench/bare-server.ts', `@${pageFile}`], ROOT)
    servers.push(barePage)
    console.log(`document GET answers ${fixed(pageBytes.length / 1024, 1)} KiB, its item GET ${fixed(itemBytes / 1024, 1)} KiB; the token endpoint ${tokenBody.length} bytes\n`)
    // The small document on a second mock, so the mock and Prism answer the same operation of the same document.
    const small = await spawnServer(join(ROOT, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'serve', '--port', '0', '--openapi', SMALL_DOCUMENT], ROOT)
    servers.push(small)
    const smallBearer = (await setUpMock(small.url)).bearer
    const prismStarted = performance.now()
    const prism = await startPrism(ROOT, PRISM_LARGE ? document.file : SMALL_DOCUMENT)
    servers.push(prism)
    console.log(`Prism ${PRISM_LARGE ? 'on the 4 MB document' : 'on fixtures/openapi.example.json'}: start-up ${fixed(performance.now() - prismStarted)} ms\n`)
    // The small document's server has the base path /api, which Prism leaves out; the VBR-like one's paths hold it.
    const prismPath = PRISM_LARGE ? '/api/v1/jobs' : '/v1/jobs'
    const prismVersion = PRISM_LARGE ? API_VERSION : '1.0-rev0'

    const token = { method: 'POST', headers: FORM, body: clientForm } as const
    const cases: [string, LoadRequest][] = [
      ['token (mock)', { url: `${mock.url}/api/token`, ...token }],
      ['bare node:http', { url: `${bare.url}/api/token`, ...token }],
      ['Clients GET (mock)', { url: `${mock.url}/api/v7.1/Clients`, method: 'GET', headers: { authorization: bearer } }],
      ['document GET (mock)', { url: `${mock.url}/api/v1/jobs`, method: 'GET', headers: { authorization: bearer, 'x-api-version': API_VERSION } }],
      ['document item GET (mock)', { url: `${mock.url}${itemPath}`, method: 'GET', headers: { authorization: bearer, 'x-api-version': API_VERSION } }],
      ['bare node:http, same bytes', { url: `${barePage.url}/api/v1/jobs`, method: 'GET', headers: {} }],
      ['oauth2-mock-server', { url: `${peer.url}/token`, ...token }],
      ['small document GET (mock)', { url: `${small.url}/api/v1/jobs`, method: 'GET', headers: { authorization: smallBearer, 'x-api-version': '1.0-rev0' } }],
      // Prism knows no tokens: any bearer passes, and it serves the paths without the servers' base path.
      ['small document GET (Prism)', { url: `${prism.url}${prismPath}`, method: 'GET', headers: { authorization: 'Bearer any', 'x-api-version': prismVersion } }],
    ]
    for (const [, request] of cases) await load(request, 1) // warm-up: JIT, connections
    const results = new Map<string, LoadResult[]>(cases.map(([name]) => [name, []]))
    for (let round = 1; round <= ROUNDS; round++) {
      for (const [name, request] of cases) {
        const result = await load(request, SECONDS)
        results.get(name)!.push(result)
        console.log(`round ${round} ${name.padEnd(20)} ${fixed(result.rps).padStart(7)} req/s`)
      }
      const runs = (name: string) => results.get(name)!
      console.log(`round ${round} token / bare ${fixed(runs('token (mock)')[round - 1]!.rps / runs('bare node:http')[round - 1]!.rps, 2)}`)
    }
    printTable(results)
  } finally {
    await Promise.all(servers.map((server) => server.stop()))
  }
  // After the table's servers are gone, so the two tenant mocks have the machine to themselves.
  await tenantsCase(ROOT, ROUNDS, SECONDS)
  console.log(`\nat the end: ${loadAverage()}`)
}

function printTable(results: Map<string, LoadResult[]>): void {
  const summary = new Map(
    [...results].map(([name, runs]) => [
      name,
      {
        rps: runs.reduce((sum, r) => sum + r.rps, 0) / runs.length,
        p50: Math.max(...runs.map((r) => r.p50)),
        p99: Math.max(...runs.map((r) => r.p99)),
        errors: runs.reduce((sum, r) => sum + r.errors, 0),
      },
    ]),
  )
  const rps = (name: string) => summary.get(name)!.rps
  console.log(`\n${CONNECTIONS} connections, ${ROUNDS} rounds x ${SECONDS} s per case, alternating; p50/p99 are the worst round's`)
  console.log('| case | requests/s | p50 ms | p99 ms | errors |')
  console.log('|---|---:|---:|---:|---:|')
  for (const [name, s] of summary) console.log(`| ${name} | ${fixed(s.rps)} | ${s.p50} | ${s.p99} | ${s.errors} |`)
  const ratio = (a: string, b: string, target: number) => {
    const value = rps(a) / rps(b)
    // Rounded down, so a ratio just under its target never prints as the target.
    return `${a} / ${b} = ${(Math.floor(value * 100) / 100).toFixed(2)} (target >= ${target}: ${value >= target ? 'met' : 'MISSED'})`
  }
  console.log(`\n${ratio('token (mock)', 'bare node:http', 0.4)}`)
  console.log(ratio('Clients GET (mock)', 'bare node:http', 0.5))
  console.log(ratio('document GET (mock)', 'bare node:http', 0.5))
  console.log(ratio('document GET (mock)', 'bare node:http, same bytes', 0.5))
  console.log(ratio('document item GET (mock)', 'bare node:http', 0.5))
  console.log(ratio('token (mock)', 'oauth2-mock-server', 5))
  console.log(ratio('small document GET (mock)', 'small document GET (Prism)', 1))
}

await main()
