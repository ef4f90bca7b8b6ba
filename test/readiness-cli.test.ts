/** @module Readiness for scripts through the real CLI: --port 0, the first stdout line, --ready-file, /__control/health. */
import { execFile } from 'node:child_process'
import { once } from 'node:events'
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import { afterAll, describe, expect, it } from 'vitest'
import { runCli, spawnCli, startCli } from './support/cli-process.js'
import { docPage } from './support/doc-page.js'

const dir = mkdtempSync(join(tmpdir(), 'vam-ready-'))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

/** Polls for a condition (a file appearing, written by another process); generous limit, no fixed sleep. */
async function until<T>(probe: () => T | undefined, what: string, limitMs = 30_000): Promise<T> {
  const deadline = Date.now() + limitMs
  for (;;) {
    const value = probe()
    if (value !== undefined) return value
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}

function readRecord(file: string): { ready: true; url: string } | undefined {
  if (!existsSync(file)) return undefined
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as { ready?: boolean; url: string }
    return record.ready === true ? (record as { ready: true; url: string }) : undefined
  } catch {
    return undefined
  }
}

describe('readiness', () => {
  it('--port 0 --log json: the first stdout line is the ready record, and its URL answers', async () => {
    const { child, url, output } = await startCli(['--port', '0', '--log', 'json'])
    try {
      const first = output().split('\n')[0]!
      const record = JSON.parse(first) as Record<string, unknown>
      expect(record).toEqual({ ready: true, url, profile: 'vro-7.1', pid: expect.any(Number) })
      expect(Object.keys(record).slice(0, 2)).toEqual(['ready', 'url'])
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
      expect(url).not.toBe('http://127.0.0.1:9898')
      const health = await fetch(`${url}/__control/health`)
      expect(health.status).toBe(200)
      expect(await health.json()).toEqual({ status: 'ok', profile: 'vro-7.1', uptimeSeconds: expect.any(Number) })
    } finally {
      child.kill('SIGTERM')
    }
  }, 60_000)

  it('otherwise the first line is the stable "veeam-auth-mock listening on URL (profile ID)"', async () => {
    const { child, output } = await startCli(['--port', '0', '--profile', 'vac-2'])
    try {
      expect(output().split('\n')[0]).toMatch(/^veeam-auth-mock listening on http:\/\/127\.0\.0\.1:\d+ \(profile vac-2\)$/)
    } finally {
      child.kill('SIGTERM')
    }
  }, 60_000)

  it('--ready-file with --log off: replaces a stale file, appears with the URL, is removed on SIGTERM', async () => {
    const file = join(dir, 'ready.json')
    writeFileSync(file, '{"ready":true,"url":"http://127.0.0.1:1"}\n')
    const child = spawnCli(['serve', '--port', '0', '--log', 'off', '--ready-file', file])
    let stdout = ''
    child.stdout!.on('data', (d) => (stdout += d))
    const exited = once(child, 'exit')
    try {
      const record = await until(() => {
        const r = readRecord(file)
        return r !== undefined && r.url !== 'http://127.0.0.1:1' ? r : undefined
      }, 'the ready file')
      expect(record).toEqual({ ready: true, url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+$/), profile: 'vro-7.1', pid: expect.any(Number) })
      expect((await fetch(`${record.url}/__control/health`)).status).toBe(200)
      expect(readdirSync(dir)).toEqual(['ready.json'])
    } finally {
      child.kill('SIGTERM')
    }
    const [code] = await exited
    expect(code).toBe(0)
    expect(existsSync(file)).toBe(false)
    expect(stdout).toBe('')
  }, 60_000)

  it('--ready-file under a missing directory: exit 2 with one line, nothing on stdout', async () => {
    const file = join(dir, 'missing', 'ready.json')
    const { code, stdout, stderr } = await runCli(['serve', '--port', '0', '--ready-file', file])
    expect(stderr).toBe(`veeam-auth-mock: --ready-file ${file}: cannot write (ENOENT).\n`)
    expect(code).toBe(2)
    expect(stdout).toBe('')
  }, 60_000)

  it('/__control/health is 404 with --no-control (there is no control API to ask)', async () => {
    const { child, url } = await startCli(['--port', '0', '--no-control'])
    try {
      expect((await fetch(`${url}/__control/health`)).status).toBe(404)
    } finally {
      child.kill('SIGTERM')
    }
  }, 60_000)

  it('/__control/health answers without the control token that guards the rest', async () => {
    const { child, url } = await startCli(['--port', '0', '--control-token', 'Tok3n-for-ci'])
    try {
      expect((await fetch(`${url}/__control/health`)).status).toBe(200)
      expect((await fetch(`${url}/__control/clock`)).status).toBe(401)
    } finally {
      child.kill('SIGTERM')
    }
  }, 60_000)
})

describe('docs/stand-in.md "Readiness for CI"', () => {
  it('runs the bash block verbatim: it reads the URL from --ready-file, health answers, the file goes on exit', async () => {
    const block = /<!-- readiness:ci -->\n```bash\n([\s\S]*?)```/.exec(docPage('docs/stand-in.md').text)?.[1]
    expect(block).toBeDefined()
    const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', `${block}echo "READY=$READY"\n`], {
      cwd: fileURLToPath(new URL('..', import.meta.url)),
      timeout: 120_000,
    })
    // npm start --silent: no "> veeam-auth-mock start" header from npm; the health answer is the first line.
    const [health, ready, ...rest] = stdout.trim().split('\n')
    expect(rest).toEqual([])
    expect(ready).toMatch(/^READY=/)
    expect(JSON.parse(health!)).toEqual({ status: 'ok', profile: 'vro-7.1', uptimeSeconds: expect.any(Number) })
    const file = ready!.replace(/^READY=/, '')
    expect(file).toMatch(/mock-ready\.json$/)
    // The trap signalled the server; it removes the file as it stops.
    await until(() => (existsSync(file) ? undefined : true), 'the ready file to be removed')
  }, 150_000)
})
