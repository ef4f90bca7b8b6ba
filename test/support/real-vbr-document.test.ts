import { existsSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { generate, validatorsFor } from '../../src/vendor-document/generate/generate.js'

// The one real vendor document, kept outside the repository (../shared/vendor-specs); never committed, never required.
const file = fileURLToPath(new URL('../../../shared/vendor-specs/vbr-1.1-rev0.openapi.json', import.meta.url))
const present = existsSync(file)

describe('the real VBR 1.1-rev0 document', () => {
  it.skipIf(!present)(`generates a body that validates for every 2xx JSON response${present ? '' : ' (skipped: ../shared/vendor-specs/vbr-1.1-rev0.openapi.json is absent)'}`, () => {
    const doc = JSON.parse(readFileSync(file, 'utf8'))
    const validators = validatorsFor(doc, '3.0')
    const failures: string[] = []
    let checked = 0
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      for (const [method, op] of Object.entries<any>(item)) {
        for (const [status, response] of Object.entries<any>(op.responses ?? {})) {
          const schema = response.content?.['application/json']?.schema
          if (!status.startsWith('2') || !schema) continue
          const body = generate(schema, { root: doc, dialect: '3.0', seed: 'real', key: `${method} ${path} ${status}` })
          const issues = validators.validate(schema, body, 'response')
          if (issues.length > 0) failures.push(`${method} ${path}: ${JSON.stringify(issues[0])}`)
          checked++
        }
      }
    }
    expect(failures).toEqual([])
    expect(checked).toBeGreaterThan(100)
  }, 120_000)
})
