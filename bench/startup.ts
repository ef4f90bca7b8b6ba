/** @module Start-up: spawning the CLI to its first answered token request, under tsx and as built JS under node. */
import { execFileSync } from 'node:child_process'
import { join } from 'node:path'
import { spawnServer } from './spawn-server.js'

const LOGIN = 'grant_type=password&username=vdro%5Cadministrator&password=Password1'

async function once(command: string, args: string[], root: string): Promise<number> {
  const started = performance.now()
  const server = await spawnServer(command, args, root)
  try {
    const res = await fetch(`${server.url}/api/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: LOGIN,
    })
    if (res.status !== 200) throw new Error(`first request answered ${res.status}`)
    return performance.now() - started
  } finally {
    await server.stop()
  }
}

async function median(runs: number, run: () => Promise<number>): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) times.push(await run())
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!
}

export interface StartupResult {
  tsxMs: number
  nodeMs: number
  buildSeconds: number
}

export async function startupCase(root: string): Promise<StartupResult> {
  const args = ['serve', '--port', '0']
  const tsxMs = await median(3, () => once(join(root, 'node_modules/.bin/tsx'), ['src/cli/main.ts', ...args], root))
  // The package's own build (tsconfig.build.json) into a git-ignored folder of dist/: the package root, and
  // with it fixtures/ and spec/, resolve as from source.
  const buildStarted = performance.now()
  const outDir = 'dist/bench-build'
  execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json', '--outDir', outDir], {
    cwd: root,
  })
  const buildSeconds = (performance.now() - buildStarted) / 1000
  const nodeMs = await median(3, () => once(process.execPath, [`${outDir}/src/cli/main.js`, ...args], root))
  return { tsxMs, nodeMs, buildSeconds }
}
