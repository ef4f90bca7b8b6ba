/** @module Every flag `serve` parses is a public interface: named in its --help and in the README's flags table. */
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { PACKAGE_ROOT } from '../package-root.js'
import { SERVE_FLAGS, SERVE_HELP } from './serve.js'

const README = readFileSync(`${PACKAGE_ROOT}/README.md`, 'utf8')
const table = README.slice(README.indexOf('## Command line'), README.indexOf('## Profiles'))

describe('serve flags', () => {
  it.each(Object.keys(SERVE_FLAGS))('--%s is in serve --help and in the README flags table', (flag) => {
    expect(SERVE_HELP).toContain(`--${flag}`)
    expect(table).toContain(`--${flag}`)
  })
})
