/** @module Starts a server process and waits for the `listening on <url>` line it prints. */
import { spawn, type ChildProcess } from 'node:child_process'

export interface ServerProcess {
  url: string
  /** Milliseconds from spawn to the printed URL. */
  readyMs: number
  child: ChildProcess
  stop(): Promise<void>
}

export function spawnServer(command: string, args: string[], cwd: string): Promise<ServerProcess> {
  const started = performance.now()
  const child = spawn(command, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  let output = ''
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8')
      const url = /listening on (http:\/\/[^\s/]+)/.exec(output)?.[1]
      if (url === undefined) return
      child.stdout!.off('data', onData)
      child.stdout!.resume()
      child.stderr!.resume()
      resolve({ url, readyMs: performance.now() - started, child, stop: () => (child.kill('SIGTERM'), exited) })
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.once('exit', (code) => reject(new Error(`${command} ${args.join(' ')} exited (${code}):\n${output}`)))
  })
}
