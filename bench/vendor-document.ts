/** @module The vendor-document cases: start-up with the 4 MB VBR-like document, and memory after start and after every GET once. */
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createMock } from '../src/create-mock.js'
import { vbrLikeDocument } from '../test/support/vbr-like-document.js'
import { spawnServer } from './spawn-server.js'

const LOGIN = 'grant_type=password&username=vdro%5Cadministrator&password=Password1'
const FORM = { 'content-type': 'application/x-www-form-urlencoded' }
/** The VBR-like document's x-api-version. */
export const API_VERSION = '1.3-rev2'

/** Writes the generated document to a temporary file: the bench serves it as a user would, with --openapi FILE. */
export function writeDocument(): { file: string; bytes: number } {
  const text = JSON.stringify(vbrLikeDocument())
  const file = join(mkdtempSync(join(tmpdir(), 'bench-openapi-')), 'vbr-like.json')
  writeFileSync(file, text)
  return { file, bytes: Buffer.byteLength(text) }
}

async function firstAnswer(root: string, extra: string[]): Promise<number> {
  const started = performance.now()
  const server = await spawnServer(join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', 'serve', '--port', '0', ...extra], root)
  try {
    const login = await fetch(`${server.url}/api/token`, { method: 'POST', headers: FORM, body: LOGIN })
    const { access_token } = (await login.json()) as { access_token: string }
    const path = extra.length === 0 ? '/api/v7.1/Clients' : '/api/v1/jobs'
    const res = await fetch(`${server.url}${path}`, { headers: { authorization: `Bearer ${access_token}`, 'x-api-version': API_VERSION } })
    await res.arrayBuffer()
    if (res.status !== 200) throw new Error(`GET ${path} answered ${res.status}`)
    return performance.now() - started
  } finally {
    await server.stop()
  }
}

/** Medians of 3 alternating runs: start to the first answered GET behind a token, without and with the document. */
export async function documentStartup(root: string, file: string): Promise<{ withoutMs: number; withMs: number }> {
  const without: number[] = []
  const withDocument: number[] = []
  for (let i = 0; i < 3; i++) {
    without.push(await firstAnswer(root, []))
    withDocument.push(await firstAnswer(root, ['--openapi', file]))
  }
  const median = (times: number[]) => times.sort((a, b) => a - b)[1]!
  return { withoutMs: median(without), withMs: median(withDocument) }
}

const rssMiB = () => (globalThis.gc?.(), process.memoryUsage().rss / 2 ** 20)

/** RSS in this process: before, after createMock with the document, and after every GET of it answered once. */
export async function documentMemory(document: object): Promise<{ beforeMiB: number; startedMiB: number; afterMiB: number; gets: number }> {
  const beforeMiB = rssMiB()
  const mock = createMock({ profile: 'vro-7.1', openapi: [document] })
  const startedMiB = rssMiB()
  const login = await mock.app.request('/api/token', { method: 'POST', headers: FORM, body: LOGIN })
  const { access_token } = (await login.json()) as { access_token: string }
  const headers = { authorization: `Bearer ${access_token}`, 'x-api-version': API_VERSION }
  let gets = 0
  for (const { op } of mock.documents!.served) {
    if (op.method !== 'GET') continue
    gets++
    await (await mock.app.request(op.path.replace(/\{[^}]+\}/g, '3fa85f64-5717-4562-b3fc-2c963f66afa6'), { headers })).arrayBuffer()
  }
  return { beforeMiB, startedMiB, afterMiB: rssMiB(), gets }
}
