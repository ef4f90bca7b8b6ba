import { mkdtempSync, writeFileSync } from 'node:fs'
import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import { createServer as createHttpsServer } from 'node:https'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { parse } from 'yaml'
import { SchemaValidators } from '../src/vendor-document/schema/validators.js'
import { selfSignedCertificate } from '../src/server/self-signed.js'
import { startMock, type RunningMock } from '../src/start-mock.js'
import { DocumentError } from '../src/vendor-document/document-error.js'
import { jobsDocument, YAML_31_DOCUMENT } from './support/vendor-documents.js'

const V = { 'x-api-version': '1.0-rev0' }

async function login(mock: RunningMock, form: Record<string, string> = { grant_type: 'password', username: 'vdro\\administrator', password: 'Password1' }) {
  const res = await fetch(`${mock.url}/api/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form) })
  expect(res.status).toBe(200)
  return ((await res.json()) as { access_token: string }).access_token
}

const jobsValidators = new SchemaValidators(jobsDocument(), '3.0')

/** GET /api/v1/jobs with the token; a 200's generated body is checked against JobsResult. */
async function jobs(mock: RunningMock, token: string): Promise<{ status: number; headers: Headers }> {
  const res = await fetch(`${mock.url}/api/v1/jobs`, { headers: { authorization: `Bearer ${token}`, ...V } })
  const body = await res.json()
  if (res.status === 200) expect(jobsValidators.validate({ $ref: '#/components/schemas/JobsResult' }, body, 'response')).toEqual([])
  return res
}

describe('document operations over a real socket: the token interplay', () => {
  let mock: RunningMock
  beforeAll(async () => {
    mock = await startMock({ profile: 'vro-7.1', openapi: [jobsDocument()] })
  })
  afterAll(() => mock.close())

  it('a logged-out token gets 401 on a document operation', async () => {
    const token = await login(mock)
    expect((await jobs(mock, token)).status).toBe(200)
    const out = await fetch(`${mock.url}/api/token`, { method: 'DELETE', headers: { authorization: `Bearer ${token}` } })
    expect(out.status).toBe(204)
    const after = await jobs(mock, token)
    expect(after.status).toBe(401)
    expect(after.headers.get('www-authenticate')).toContain('invalid_token')
  })

  it('a token expired under the virtual clock gets 401', async () => {
    const token = await login(mock)
    expect((await jobs(mock, token)).status).toBe(200)
    mock.clock.advance('16m')
    try {
      expect((await jobs(mock, token)).status).toBe(401)
    } finally {
      mock.clock.reset()
    }
  })

  it("a revoked client's token gets 401", async () => {
    const admin = await login(mock)
    const created = await fetch(`${mock.url}/api/v7.1/Clients`, { method: 'POST', headers: { authorization: `Bearer ${admin}` } })
    const client = (await created.json()) as { client_id: string; client_secret: string }
    const token = await login(mock, { grant_type: 'client_credentials', ...client })
    expect((await jobs(mock, token)).status).toBe(200)
    const removed = await fetch(`${mock.url}/api/v7.1/Clients?clientId=${client.client_id}`, { method: 'DELETE', headers: { authorization: `Bearer ${admin}` } })
    expect(removed.status).toBeLessThan(300)
    expect((await jobs(mock, token)).status).toBe(401)
  })
})

describe('startMock({ openapi }) loads a path (YAML, OpenAPI 3.1) and a URL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vendor-doc-'))
  let http: Server
  let https: Server
  let pem: string
  const served = JSON.stringify(jobsDocument())
  beforeAll(async () => {
    const handler = (req: IncomingMessage, res: ServerResponse) => {
      if (req.url === '/swagger/v1.0-rev0/swagger.json') {
        res.writeHead(200, { 'content-type': 'application/json' })
        res.end(served)
      } else {
        res.writeHead(404)
        res.end()
      }
    }
    http = createHttpServer(handler).listen(0, '127.0.0.1')
    const pair = await selfSignedCertificate()
    pem = pair.cert
    https = createHttpsServer(pair, handler).listen(0, '127.0.0.1')
  })
  afterAll(() => {
    http.close()
    https.close()
  })
  const port = (server: Server) => (server.address() as AddressInfo).port

  it('a YAML 3.1 file: path parameters shape the answer, nullable type arrays validate', async () => {
    const file = join(dir, 'plans.yaml')
    writeFileSync(file, YAML_31_DOCUMENT)
    const mock = await startMock({ profile: 'vro-7.1', openapi: [file] })
    try {
      const token = await login(mock)
      const id = '7c9e6679-7425-40de-944b-e07fc1f90ae7'
      const res = await fetch(`${mock.url}/api/v7.1/Plans/${id}`, { headers: { authorization: `Bearer ${token}` } })
      expect(res.status).toBe(200)
      const body = (await res.json()) as { planId: string }
      expect(body.planId).toBe(id)
      const root = parse(YAML_31_DOCUMENT) as { paths: Record<string, { get: { responses: { 200: { content: { 'application/json': { schema: unknown } } } } } }> }
      const schema = root.paths['/api/v7.1/Plans/{planId}']!.get.responses[200].content['application/json'].schema
      expect(new SchemaValidators(root, '3.1').validate(schema, body, 'response')).toEqual([])
    } finally {
      await mock.close()
    }
  })

  it('an http URL is fetched once at start', async () => {
    const mock = await startMock({ profile: 'vro-7.1', openapi: [`http://127.0.0.1:${port(http)}/swagger/v1.0-rev0/swagger.json`] })
    try {
      http.close()
      expect((await jobs(mock, await login(mock))).status).toBe(200)
    } finally {
      await mock.close()
      http = createHttpServer().listen(0, '127.0.0.1')
    }
  })

  it('an https URL with a self-signed certificate: refused with the hint, served with insecure or with its ca', async () => {
    const url = `https://127.0.0.1:${port(https)}/swagger/v1.0-rev0/swagger.json`
    const refused = await startMock({ openapi: [url] }).then(() => undefined, (error: unknown) => error)
    expect(refused).toBeInstanceOf(DocumentError)
    expect((refused as Error).message).toContain('--insecure')
    for (const openapiFetch of [{ insecure: true }, { ca: pem }]) {
      const mock = await startMock({ profile: 'vro-7.1', openapi: [url], openapiFetch })
      try {
        expect((await jobs(mock, await login(mock))).status).toBe(200)
      } finally {
        await mock.close()
      }
    }
  })

  it('a URL that answers 404 and a missing file are refused with one line', async () => {
    const notFound = await startMock({ openapi: [`https://127.0.0.1:${port(https)}/nope.json`], openapiFetch: { insecure: true } }).catch((e: Error) => e.message)
    expect(notFound).toBe(`https://127.0.0.1:${port(https)}/nope.json: (document): answered 404, not 200`)
    const missing = await startMock({ openapi: [join(dir, 'missing.json')] }).catch((e: Error) => e.message)
    expect(missing).toBe(`${join(dir, 'missing.json')}: (document): cannot be read (ENOENT)`)
  })
})
