import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'conformance/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 20_000,
    // Most files wait on CLIs and servers they spawn; vitest's default on 2 cores is one worker.
    maxWorkers: 2,
    // One mock for the run, handed to test/harness/recipe.test.ts (the globalSetup recipe of docs/test-harness.md).
    globalSetup: ['test/harness/global-setup.ts'],
  },
})
