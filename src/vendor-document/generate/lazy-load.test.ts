import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { vbrLikeDocument } from '../../../test/support/vbr-like-document.js'
import { generate } from './generate.js'

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
const { vbrLikeDocument } = await import('./test/support/vbr-like-document.ts')
const doc = vbrLikeDocument({ operations: 40 })
steps.body = generate(doc.paths['/api/v1/jobs'].get.responses['200'].content['application/json'].schema, { root: doc, dialect: '3.0', seed: 'cross', key: 'GET /api/v1/jobs 200' })
console.log(JSON.stringify(steps))
`

describe('lazy loading', () => {
  it('loads neither faker nor ajv at import; faker on the first value that needs it, ajv on the first validation', () => {
    const out = JSON.parse(execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: repo, encoding: 'utf8' }))
    expect({ ...out, body: undefined }).toEqual({ imported: [], plainValue: [], pattern: ['@faker-js'], example: ['@faker-js', 'ajv'], body: undefined })
    // Another process, other calls before it, warm caches here and cold ones there: the same value.
    const doc = vbrLikeDocument({ operations: 40 }) as any
    const schema = doc.paths['/api/v1/jobs'].get.responses['200'].content['application/json'].schema
    for (let i = 0; i < 50; i++) generate(schema, { root: doc, dialect: '3.0', seed: 'cross', key: `warm ${i}` })
    expect(out.body).toEqual(generate(schema, { root: doc, dialect: '3.0', seed: 'cross', key: 'GET /api/v1/jobs 200' }))
  })
})
