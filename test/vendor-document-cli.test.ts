import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { runCli, startCli } from './support/cli-process.js'
import { SchemaValidators } from '../src/vendor-document/schema/validators.js'
import { jobsDocument } from './support/vendor-documents.js'

const dir = mkdtempSync(join(tmpdir(), 'vendor-doc-cli-'))
function file(name: string, text: string): string {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const jobsFile = file('jobs.json', JSON.stringify(jobsDocument()))

/** The bytes a client sees for a fixed walk through the document, logged in as the fixture administrator. */
async function walk(url: string): Promise<string[]> {
  const login = await fetch(`${url}/api/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: 'grant_type=password&username=vdro%5Cadministrator&password=Password1',
  })
  const { access_token } = (await login.json()) as { access_token: string }
  const get = async (path: string) => (await fetch(`${url}${path}`, { headers: { authorization: `Bearer ${access_token}`, 'x-api-version': '1.0-rev0' } })).text()
  const first = await get('/api/v1/jobs?skip=0&limit=4')
  const id = (JSON.parse(first) as { data: { id: string }[] }).data[1]!.id
  return [first, await get('/api/v1/jobs?skip=4&limit=4'), await get(`/api/v1/jobs/${id}`), await get('/api/v1/generatedInfo'), await get('/api/v1/jobs/0b1b1a9e-0000-4000-8000-000000000002/sessions/0b1b1a9e-0000-4000-8000-000000000003')]
}

describe('veeam-auth-mock serve --openapi (the real CLI)', () => {
  it('two processes with the same --seed answer byte-identical bodies; another seed differs', async () => {
    const runs: string[][] = []
    for (const seed of ['7', '7', '8']) {
      const { child, url, output } = await startCli(['--port', '0', '--seed', seed, '--openapi', jobsFile])
      try {
        if (runs.length === 0) {
          expect(output()).toContain(`Documents   9 operations from ${jobsFile}`)
          // The warnings go to stderr just after the banner: give them a moment to arrive.
          for (let i = 0; i < 50 && !output().includes('warning:'); i++) await new Promise((r) => setTimeout(r, 20))
          expect(output()).toContain('warning: GET /api/v1/broken (GetBroken) answers 501')
        }
        runs.push(await walk(url))
      } finally {
        child.kill('SIGTERM')
      }
    }
    expect(runs[1]).toEqual(runs[0])
    const validators = new SchemaValidators(jobsDocument(), '3.0')
    const schemas = ['JobsResult', 'JobsResult', 'JobModel', 'ServerInfo', 'Session']
    runs[0]!.forEach((text, i) => expect(validators.validate({ $ref: `#/components/schemas/${schemas[i]}` }, JSON.parse(text), 'response')).toEqual([]))
    expect(runs[2]).not.toEqual(runs[0])
  })

  it.each([
    ['broken.json', '{"openapi":"3.0.3","paths":{"/a":{"get":{"parameters":[{"name":"x","in":"body"}],"responses":{}}}}}', '/paths/~1a/get/parameters/0/in: "in" must be one of path, query, header, cookie (got "body")'],
    ['not-json.json', '{"openapi":', 'not valid JSON'],
    ['bad-yaml.yaml', 'openapi: [3.0\n  x: : :', 'not valid JSON or YAML'],
    ['version.json', '{"openapi":"4.0.0","paths":{}}', '/openapi: not an OpenAPI 3.0, 3.1 or Swagger 2.0 document'],
  ])('%s: exit 2 with one line naming the document and the JSON pointer', async (name, text, problem) => {
    const path = file(name, text)
    const { code, stdout, stderr } = await runCli(['serve', '--port', '0', '--openapi', path])
    expect(code).toBe(2)
    expect(stdout).toBe('')
    expect(stderr.split('\n')).toHaveLength(2)
    expect(stderr).toContain(`veeam-auth-mock: Bad OpenAPI document: ${path}: `)
    expect(stderr).toContain(problem)
  })

  it('--insecure without an --openapi URL is a usage error', async () => {
    const { code, stderr } = await runCli(['serve', '--insecure'])
    expect(code).toBe(2)
    expect(stderr).toBe('veeam-auth-mock: --insecure and --ca apply to --openapi URLs; give an --openapi URL.\n')
  })

  it('--help documents --openapi, --insecure and --ca', async () => {
    const { stdout } = await runCli(['serve', '--help'])
    for (const flag of ['--openapi FILE|URL', '--insecure', '--ca FILE']) expect(stdout).toContain(flag)
  })
})
