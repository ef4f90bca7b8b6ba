import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const repo = fileURLToPath(new URL('../../../', import.meta.url))

/** Runs in a fresh process: which of faker and ajv are loaded after importing the modules, and after using them. */
const script = `
import { createRequire } from 'node:module'
const cache = createRequire(process.cwd() + '/package.json').cache
const loaded = () => [...new Set(Object.keys(cache).filter((k) => /node_modules\\/(ajv|@faker-js)\\//.test(k)).map((k) => k.split('node_modules/')[1].split('/')[0]))].sort()
const { generate } = await import('./src/vendor-document/generate/generate.ts')
await import('./src/vendor-document/schema/validators.ts')
const steps = { imported: loaded() }
generate({ type: 'integer' }, { root: {}, dialect: '3.0', seed: 's', key: 'k' })
steps.plainValue = loaded()
generate({ type: 'string', pattern: '^[a-z]{3}$' }, { root: {}, dialect: '3.0', seed: 's', key: 'k' })
steps.pattern = loaded()
generate({ type: 'string', example: 'x' }, { root: {}, dialect: '3.0', seed: 's', key: 'k' })
steps.example = loaded()
console.log(JSON.stringify(steps))
`

describe('lazy loading', () => {
  it('loads neither faker nor ajv at import; faker on the first value that needs it, ajv on the first validation', () => {
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repo, encoding: 'utf8' })
    expect(JSON.parse(out)).toEqual({ imported: [], plainValue: [], pattern: ['@faker-js'], example: ['@faker-js', 'ajv'] })
  })
})
