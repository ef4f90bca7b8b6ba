/** @module The vitest globalSetup recipe of docs/test-harness.md, live: one mock for the whole run, its URL handed to tests with provide/inject. */
import type { TestProject } from 'vitest/node'
import { startMock } from '../../src/index.js'

declare module 'vitest' {
  export interface ProvidedContext {
    mockUrl: string
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const mock = await startMock({ profile: 'vro-7.1', port: 0, tenants: true })
  project.provide('mockUrl', mock.url)
  return () => mock.close()
}
