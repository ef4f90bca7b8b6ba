/** @module The public factory: a Hono app for one profile, ready for `app.request()` or a server. */
import { createMock, type AppOptions } from './create-mock.js'
import type { App } from './routes/env.js'

export type { AppOptions } from './create-mock.js'

/**
 * Builds the mock's app. It has no side effects: nothing listens, no timer starts.
 *
 * @example
 * ```ts
 * const app = createApp({ profile: 'vro-7.1' })
 * const res = await app.request('/api/token', {
 *   method: 'POST',
 *   headers: { 'content-type': 'application/x-www-form-urlencoded' },
 *   body: 'grant_type=password&username=vdro\\administrator&password=Password1',
 * })
 * ```
 */
export function createApp(options: AppOptions = {}): App {
  return createMock(options).app
}
