/**
 * @module Runs the real CLI from its sources for tests, with tsx's loader as `npm start` does. `node --import tsx`
 * rather than the tsx binary: the binary starts node a second time, about 0.2 s per CLI this suite starts.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { once } from 'node:events'
import { fileURLToPath } from 'node:url'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))

/** `env`: variables added to this process's environment. */
export function spawnCli(args: string[], env: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/cli/main.ts', ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, ...env },
  })
}

/** Runs the CLI to completion. */
export async function runCli(args: string[], env?: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawnCli(args, env)
  let stdout = ''
  let stderr = ''
  child.stdout!.on('data', (d) => (stdout += d))
  child.stderr!.on('data', (d) => (stderr += d))
  const [code] = (await once(child, 'exit')) as [number | null]
  return { code, stdout, stderr }
}

/** The URL in the first stdout line of `serve`: the banner's, or the ready record's with --log json. */
export function readyUrl(output: string): string | undefined {
  const match = /listening on (https?:\/\/\S+) |^\{"ready":true,"url":"(https?:\/\/[^"]+)"/m.exec(output)
  return match === null ? undefined : (match[1] ?? match[2])
}

/** Starts `serve` and resolves with its URL once the first line says it is listening. */
export async function startCli(args: string[], env?: Record<string, string>): Promise<{ child: ChildProcess; url: string; output: () => string }> {
  const child = spawnCli(['serve', ...args], env)
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (d) => {
      output += d
      const url = readyUrl(output)
      if (url !== undefined) resolve(url)
    })
    child.stderr!.on('data', (d) => (output += d))
    child.once('exit', (code) => reject(new Error(`CLI exited with ${code}: ${output}`)))
  })
  return { child, url, output: () => output }
}
