import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { startCli } from './support/cli-process.js'
import { exampleDocument } from './support/vendor-documents.js'

const DOC = readFileSync(new URL('../docs/vendor-document.md', import.meta.url), 'utf8')

function block(marker: string): string {
  const from = DOC.indexOf(`<!-- run:${marker} -->`)
  if (from === -1) throw new Error(`docs/vendor-document.md lacks the ${marker} block`)
  const start = DOC.indexOf('```bash\n', from) + '```bash\n'.length
  return DOC.slice(start, DOC.indexOf('```\n', start))
}

describe('docs/vendor-document.md', () => {
  it('fixtures/openapi.example.json is the example document of the tests', () => {
    expect(JSON.parse(readFileSync(new URL('../fixtures/openapi.example.json', import.meta.url), 'utf8'))).toEqual(exampleDocument())
  })

  it('its curl block works against the npm start line it opens with', async () => {
    const [start, ...rest] = block('vendor-document').split('\n')
    const flags = /^npm start -- (.+)$/.exec(start!)?.[1]?.split(/\s+/)
    expect(flags).toBeDefined()
    const { child, url } = await startCli([...flags!, '--port', '0'])
    try {
      const script = rest.join('\n').replaceAll(':9898', `:${new URL(url).port}`)
      const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script])
      const lines = stdout.trim().split('\n')
      expect(lines).toHaveLength(8)
      expect(lines[0]).toBe('401')
      expect(lines[1]).toMatch(/^(\d+) of \1$/)
      expect(lines.slice(2, 4)).toEqual(['1', '404'])
      expect(lines[4]).toContain('Query parameter \\"limit\\"')
      expect(lines.slice(5)).toEqual(['404', '{"serverTime":"2024-01-01T10:00:00+01:00","timeZone":"CET"}', '401'])
    } finally {
      child.kill('SIGTERM')
    }
  }, 30_000)

  it('its two opening commands work: a document file, and a document fetched from a (self-signed) server with --insecure', async () => {
    const lines = DOC.slice(DOC.indexOf('```\nnpm start -- ') + 4, DOC.indexOf('```', DOC.indexOf('```\nnpm start -- ') + 4)).trim().split('\n')
    const flagsOf = (line: string) => /^npm start -- (.+)$/.exec(line)![1]!.split(/\s+/)
    const [fromFile, fromUrl] = lines.map(flagsOf)
    expect([fromFile!.slice(0, 3), fromUrl!.slice(0, 3), fromUrl!.at(-1)]).toEqual([['--profile', 'vbr-12', '--openapi'], ['--profile', 'vbr-13', '--openapi'], '--insecure'])
    const dir = mkdtempSync(join(tmpdir(), 'vendor-doc-'))
    // The file the first line names: a VBR 1.1-rev0 document (one written for the tests, not the vendor's).
    const file = join(dir, 'vbr-1.1-rev0.json')
    writeFileSync(file, JSON.stringify(exampleDocument()))
    const first = await startCli([...fromFile!.map((flag) => (flag === './vbr-1.1-rev0.json' ? file : flag)), '--port', '0'])
    // The server the second line fetches from: a mock of VBR 13.0.1 (REST 1.3-rev1) over https, which serves its document where VBR does.
    const lab = await startCli(['--profile', 'vbr-13.0.1', '--tls', '--port', '0'])
    try {
      expect(first.output()).toContain('listening on')
      const url = fromUrl![3]!.replace('https://vbr.lab:9419', lab.url)
      expect(url).toBe(`${lab.url}/swagger/v1.3-rev1/swagger.json`)
      const second = await startCli([...fromUrl!.slice(0, 3), url, '--insecure', '--port', '0'])
      second.child.kill('SIGTERM')
      expect(second.output()).toContain('listening on')
    } finally {
      first.child.kill('SIGTERM')
      lab.child.kill('SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    }
  }, 60_000)

  it('names the flags the CLI has', async () => {
    const { SERVE_HELP } = await import('../src/cli/serve.js')
    for (const flag of ['--openapi FILE|URL', '--insecure', '--ca FILE', '--seed S']) {
      expect(SERVE_HELP).toContain(flag)
      expect(DOC).toContain(flag.replace('|', '\\|'))
    }
  })
})
