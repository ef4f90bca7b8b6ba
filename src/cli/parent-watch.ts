/**
 * @module Stopping `npm start` stops the server. npm passes SIGTERM only to its script's shell (`sh -c`), which
 * dies without passing it on; the server, reparented, would serve on. Under an npm script, then, the server
 * stops when its parent process goes away.
 */

/**
 * Calls `stop` once the parent process is gone (checked twice a second; the timer keeps nothing alive).
 * `parent` is read at start-up, before the ready line: a parent that dies right after reading it is still seen.
 */
export function stopWhenOrphaned(env: Record<string, string | undefined>, parent: number, stop: () => void): () => void {
  if (env['npm_lifecycle_event'] === undefined) return () => {}
  const orphaned = () => process.ppid !== parent
  if (orphaned()) {
    queueMicrotask(stop)
    return () => {}
  }
  const timer = setInterval(() => {
    if (orphaned()) stop()
  }, 500)
  timer.unref()
  return () => clearInterval(timer)
}
