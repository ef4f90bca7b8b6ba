/** @module `npm start` as scripts use it: with --silent the first stdout line is the ready line, and stopping npm stops the server. */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('..', import.meta.url))

function npmStart(args: string[]): { npm: ChildProcess; firstLine: Promise<string> } {
  const npm = spawn('npm', ['start', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] })
  let stdout = ''
  const firstLine = new Promise<string>((resolve, reject) => {
    npm.stdout!.on('data', (chunk) => {
      stdout += chunk
      if (stdout.includes('\n')) resolve(stdout.slice(0, stdout.indexOf('\n')))
    })
    npm.once('exit', (code) => reject(new Error(`npm exited with ${code} before a line: ${stdout}`)))
  })
  return { npm, firstLine }
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

async function until(probe: () => Promise<boolean> | boolean, what: string, limitMs = 10_000): Promise<void> {
  const deadline = Date.now() + limitMs
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`gave up waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const answers = (url: string) => fetch(`${url}/__control/health`).then(() => true, () => false)

describe('npm start', () => {
  it('with --silent, the first stdout line is the ready line (npm prints no header)', async () => {
    const { npm, firstLine } = npmStart(['--silent', '--', '--port', '0'])
    let url: string | undefined
    try {
      const line = await firstLine
      expect(line).toMatch(/^veeam-auth-mock listening on http:\/\/127\.0\.0\.1:\d+ \(profile vro-7\.1\)$/)
      url = /(http:\S+)/.exec(line)![1]
    } finally {
      npm.kill('SIGTERM')
    }
    // Killed right after its first line, the server still stops (it knew its parent before printing it).
    await until(async () => !(await answers(url!)), 'the server to stop')
  }, 60_000)

  it('SIGTERM to the npm process stops the server: the port stops answering and no server process remains', async () => {
    const { npm, firstLine } = npmStart(['--silent', '--', '--port', '0', '--log', 'json'])
    const ready = JSON.parse(await firstLine) as { url: string; pid: number }
    expect(ready.pid).not.toBe(npm.pid)
    expect(await answers(ready.url)).toBe(true)
    try {
      npm.kill('SIGTERM')
      await once(npm, 'exit')
      await until(async () => !alive(ready.pid) && !(await answers(ready.url)), 'the server to stop')
    } finally {
      if (alive(ready.pid)) process.kill(ready.pid, 'SIGKILL')
    }
  }, 60_000)
})
