/** @module The docs' command blocks, run as written against the real CLI, and their generated tables, as generated. */
import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { assumptionsMarkdown, profilesMarkdown } from '../src/docs/profiles-table.js'
import { PROFILES } from '../src/profiles/index.js'
import { startCli } from './support/cli-process.js'
import { docPage, type DocPage } from './support/doc-page.js'

const README = docPage('README.md')
const PROFILES_PAGE = docPage('docs/profiles.md')
const STAND_IN = docPage('docs/stand-in.md')
const TEST_HARNESS = docPage('docs/test-harness.md')

describe('README and docs pages', () => {
  it('README shows the profile table generated from the profiles (paste profilesMarkdown(PROFILES) when it changes)', () => {
    expect(README.between('<!-- profiles:begin', '<!-- profiles:end -->')).toBe(profilesMarkdown(PROFILES))
  })

  it('docs/profiles.md shows the assumptions table generated from the profiles (paste assumptionsMarkdown(PROFILES))', () => {
    expect(PROFILES_PAGE.between('<!-- assumptions:begin', '<!-- assumptions:end -->')).toBe(assumptionsMarkdown(PROFILES))
  })

  async function runWalkthrough(page: DocPage, marker: string, profile: string, flags: string[] = []): Promise<string[]> {
    const script = page.between(`<!-- walkthrough:${marker} -->`, '```\n\n').replace(/^```bash\n/, '')
    const { child, url } = await startCli(['--profile', profile, '--port', '0', ...flags])
    try {
      const local = script.replace(/^BASE=http:\/\/127\.0\.0\.1:\d+$/m, `BASE=${url}`)
      const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', local])
      return stdout.trim().split('\n')
    } finally {
      child.kill('SIGTERM')
    }
  }

  /**
   * Runs a block that starts with its own `npm start -- FLAGS` line: the CLI is started with those flags on a
   * free port (and a temporary folder for /tmp/mock-tls), and the rest of the block runs against it.
   */
  async function runServedBlock(page: DocPage, marker: string): Promise<string[]> {
    const [start, ...rest] = page.between(`<!-- walkthrough:${marker} -->`, '```\n\n').replace(/^```bash\n/, '').split('\n')
    const flags = /^npm start -- (.+?)(?:\s+#.*)?$/.exec(start!)?.[1]?.split(/\s+/)
    if (flags === undefined) throw new Error(`the ${marker} block does not start with npm start -- FLAGS`)
    const dir = mkdtempSync(join(tmpdir(), 'readme-'))
    const localFlags = flags.map((flag) => flag.replace('/tmp/mock-tls', dir))
    const portAt = localFlags.indexOf('--port')
    if (portAt === -1) localFlags.push('--port', '0')
    else localFlags[portAt + 1] = '0'
    const { child, url } = await startCli(localFlags)
    try {
      const script = rest.join('\n').replaceAll('/tmp/mock-tls', dir).replaceAll(':9898', `:${new URL(url).port}`)
      const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script])
      return stdout.trim().split('\n')
    } finally {
      child.kill('SIGTERM')
      rmSync(dir, { recursive: true, force: true })
    }
  }

  it('docs/test-harness.md has a tenants curl example that works against its own npm start line, conformance on a tenant included', async () => {
    expect(await runServedBlock(TEST_HARNESS, 'tenants')).toEqual(['200', '401', '200', '401', '0', 'conformance passed'])
  }, 60_000)

  it('docs/stand-in.md has a single-session curl example that works against its own npm start line', async () => {
    expect(await runServedBlock(STAND_IN, 'single-session')).toEqual(['401', '200'])
  })

  it('docs/stand-in.md has a TLS curl example (trusting the written certificate, then -k) that works against its own npm start line', async () => {
    const lines = await runServedBlock(STAND_IN, 'tls')
    expect(lines).toHaveLength(2)
    for (const line of lines) {
      expect(JSON.parse(line)).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 899, refresh_token: expect.any(String) })
    }
  })

  it('README has a vro-7.1 curl walkthrough that works verbatim against npm start', async () => {
    const lines = await runWalkthrough(README, 'curl', 'vro-7.1')
    expect(lines).toHaveLength(5)
    const [userList, clientList, ...statuses] = lines
    expect(JSON.parse(userList!)).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)])
    expect(JSON.parse(clientList!)).toEqual(JSON.parse(userList!))
    expect(statuses).toEqual(['204', '204', '401'])
  })

  it('README has a vao-3 curl walkthrough that works against npm start -- --profile vao-3', async () => {
    const [tokenType, list, status, ...rest] = await runWalkthrough(README, 'vao-3', 'vao-3')
    expect([tokenType, status, rest]).toEqual(['bearer', '204', []])
    expect(JSON.parse(list!)).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)])
  })

  it('README has a vbr-12 curl walkthrough: login with x-api-version, serverInfo, refresh, logout, refused afterwards', async () => {
    const [expires, build, logout, refused, noVersion, ...rest] = await runWalkthrough(README, 'vbr-12', 'vbr-12')
    expect(Date.parse(expires!) - Date.now()).toBeGreaterThan(14 * 60_000)
    expect(expires).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+00:00$/)
    expect([build, logout, refused, noVersion, rest]).toEqual([
      '12.0.0.1420',
      '{}',
      'AccessDenied',
      'Unsupported RESTAPI version. The following versions are supported: v1.0-rev1, v1.0-rev2, v1.1-rev0.',
      [],
    ])
  })

  it('README has a vac-2 curl walkthrough that works against npm start -- --profile vac-2', async () => {
    expect(await runWalkthrough(README, 'vac-2', 'vac-2')).toEqual(['"You have been logged out."'])
  })

  it('docs/stand-in.md shows fixtures/stubs.example.json as it is', () => {
    const block = STAND_IN.between('<!-- stubs-example -->', '```\n\n').replace(/^```json\n/, '')
    expect(block).toBe(readFileSync(new URL('../fixtures/stubs.example.json', import.meta.url), 'utf8'))
  })

  it('docs/stand-in.md has a stubs curl example that works against npm start -- --stubs fixtures/stubs.example.json', async () => {
    const lines = await runWalkthrough(STAND_IN, 'stubs', 'vro-7.1', ['--stubs', 'fixtures/stubs.example.json'])
    const [plans, ...rest] = lines
    expect(JSON.parse(plans!)).toEqual([{ id: '7c9e6679-7425-40de-944b-e07fc1f90ae7', name: 'Tier 1 failover' }])
    expect(rest).toEqual(['401', '202', '{"rows":0}', '401'])
  })
})
