/** @module `npm pack`, installed elsewhere: the CLI through npx, the conformance suite, and typed imports. */
import { execFile, spawn } from 'node:child_process'
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const exec = promisify(execFile)
const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** What `npm pack` reads; a copy keeps the build out of the working tree. */
const PACKAGE_INPUTS = ['package.json', 'package-lock.json', 'tsconfig.json', 'tsconfig.build.json', 'README.md', 'LICENSE', 'bin', 'src', 'conformance', 'spec', 'fixtures', 'docs']
const QUIET = ['--no-audit', '--no-fund', '--prefer-offline', '--loglevel=error']

let work: string
let consumer: string
let files: string[]

const npm = (args: string[], cwd: string) => exec('npm', args, { cwd, maxBuffer: 64 * 1024 * 1024 })
const npx = (args: string[]) => exec('npx', ['veeam-auth-mock', ...args], { cwd: consumer })

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'vam-pack-'))
  const source = join(work, 'source')
  for (const input of PACKAGE_INPUTS) cpSync(join(ROOT, input), join(source, input), { recursive: true })
  symlinkSync(join(ROOT, 'node_modules'), join(source, 'node_modules'), 'dir')
  const packed = await npm(['pack', '--json', '--pack-destination', work, '--loglevel=error'], source)
  const [info] = JSON.parse(packed.stdout) as [{ filename: string; files: { path: string }[] }]
  files = info.files.map((f) => f.path)
  consumer = join(work, 'consumer')
  mkdirSync(consumer)
  writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }))
  await npm(['install', join(work, info.filename), ...QUIET], consumer)
}, 300_000)

// Removing the consumer's installed tree can take longer than the default 10 s hook timeout on a busy machine.
afterAll(() => {
  if (work !== undefined) rmSync(work, { recursive: true, force: true })
}, 60_000)

describe('the packed package', () => {
  it('holds the built JavaScript, declarations, specs, fixtures, docs and the MIT LICENSE, and no sources or tests', () => {
    for (const path of [
      'bin/veeam-auth-mock.js',
      'dist/src/index.js',
      'dist/src/index.d.ts',
      'dist/src/cli/main.js',
      'dist/conformance/cli.js',
      'spec/vro-7.1.openapi.json',
      'spec/control.openapi.json',
      'fixtures/vro-7.1.json',
      'README.md',
      'docs/sources.md',
      'LICENSE',
    ]) {
      expect(files).toContain(path)
    }
    const unwanted = files.filter((f) => /\.test\.|^src\/|^conformance\/|^test\/|^bench\/|\.map$|^dist\/bench/.test(f) || (f.endsWith('.ts') && !f.endsWith('.d.ts')))
    expect(unwanted).toEqual([])
  })

  it('runs `npx veeam-auth-mock profiles` and `--version` from the install', async () => {
    const profiles = await npx(['profiles'])
    expect(profiles.stdout).toMatch(/vro-7\.1/)
    expect(profiles.stdout).toMatch(/vac-2/)
    const version = await npx(['--version'])
    expect(version.stdout.trim()).toBe((JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version)
  })

  it('serves with `npx veeam-auth-mock serve` and passes its own conformance run through `npx veeam-auth-mock conformance`', async () => {
    const child = spawn('npx', ['veeam-auth-mock', 'serve', '--port', '0'], { cwd: consumer, stdio: ['ignore', 'pipe', 'pipe'], detached: true })
    try {
      let output = ''
      const url = await new Promise<string>((resolve, reject) => {
        child.stdout.on('data', (d) => {
          output += d
          const match = /listening on (http:\/\/\S+)/.exec(output)
          if (match) resolve(match[1]!)
        })
        child.stderr.on('data', (d) => (output += d))
        child.once('exit', (code) => reject(new Error(`serve exited with ${code}: ${output}`)))
      })
      const token = await fetch(`${url}/api/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=password&username=vdro%5Cadministrator&password=Password1',
      })
      expect(token.status).toBe(200)
      expect(Object.keys((await token.json()) as object)).toEqual(['access_token', 'token_type', 'expires_in', 'refresh_token'])
      const run = await npx(['conformance', '--target', url, '--profile', 'vro-7.1', '--username', 'vdro\\administrator', '--password', 'Password1'])
      expect(run.stdout).toMatch(/\b0 failed\b/)
    } finally {
      // npx runs the bin in a child of its own: end the whole group.
      process.kill(-child.pid!, 'SIGTERM')
    }
  })

  it('imports startMock and createApp, typed, from the installed package', async () => {
    writeFileSync(
      join(consumer, 'use.ts'),
      `import { createApp, startMock, type RunningMock } from 'veeam-auth-mock'
const app = createApp({ profile: 'vac-2' })
const res: Response = await app.request('/token', {
  method: 'POST',
  headers: { 'content-type': 'application/x-www-form-urlencoded' },
  body: 'grant_type=password&username=vac%5Cadministrator&password=Password1',
})
const mock: RunningMock = await startMock({ profile: 'vro-7.1' })
const served = await fetch(mock.url + '/swagger')
console.log(JSON.stringify({ token: res.status, swagger: served.status, url: mock.url.startsWith('http://127.0.0.1:') }))
await mock.close()
`,
    )
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          outDir: 'out',
          typeRoots: [join(ROOT, 'node_modules/@types')],
          types: ['node'],
        },
        files: ['use.ts'],
      }),
    )
    // Type-checks the consumer against the installed declarations (a wrong export or a broken .d.ts fails here).
    await exec(process.execPath, [join(ROOT, 'node_modules/typescript/bin/tsc'), '-p', 'tsconfig.json'], { cwd: consumer })
    const { stdout } = await exec(process.execPath, ['out/use.js'], { cwd: consumer })
    expect(JSON.parse(stdout)).toEqual({ token: 200, swagger: 200, url: true })
  })
}, 120_000)
