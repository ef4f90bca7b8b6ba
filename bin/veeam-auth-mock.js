#!/usr/bin/env node
// The package's command. In a git clone (src/ present) it runs the TypeScript sources through tsx, so it
// never runs a stale build; an installed package has no src/ and runs the built CLI in dist/.
import { existsSync } from 'node:fs'

const sources = new URL('../src/cli/main.ts', import.meta.url)
if (existsSync(sources)) {
  const { register } = await import('tsx/esm/api')
  register()
  await import(sources.href)
} else {
  await import(new URL('../dist/src/cli/main.js', import.meta.url).href)
}
