#!/usr/bin/env node
// The package's command: the built CLI when there is one (an installed package, or after `npm run build`),
// else the TypeScript sources through tsx (a git clone after `npm install`).
import { existsSync } from 'node:fs'

const built = new URL('../dist/src/cli/main.js', import.meta.url)
if (existsSync(built)) {
  await import(built.href)
} else {
  const { register } = await import('tsx/esm/api')
  register()
  await import(new URL('../src/cli/main.ts', import.meta.url).href)
}
