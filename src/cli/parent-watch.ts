/**
 * @module Stopping `npm start` stops the server. npm passes SIGTERM only to its script's shell (`sh -c`), which
 * dies without passing it on; the server, reparented, would serve on. Under an npm script, then, the server
 * stops when its parent process goes away.
 */

/** Calls `stop` once the parent process is gone (checked twice a second; the timer keeps nothing alive). */
export function stopWhenOrphaned(env: Record<string, string | undefined>, stop: () => void): () => void {
  if (env['npm_lifecycle_event'] === undefined) return () => {}
  const parent = process.ppid
  const timer = setInterval(() => {
    if (process.ppid !== parent) stop()
  }, 500)
  timer.unref()
  return () => clearInterval(timer)
}
