/** @module Records every request a page makes and aborts any that would leave 127.0.0.1. */
import type { BrowserContext } from 'playwright-core'

export interface SeenRequest {
  method: string
  url: string
  headers: Record<string, string>
  body: string | null
}

export interface OfflineGuard {
  /** Every request the page made, in order. */
  seen: SeenRequest[]
  /** Requests to any other host (aborted); a walkthrough passes only when this stays empty. */
  foreign: string[]
}

export async function guardOffline(context: BrowserContext): Promise<OfflineGuard> {
  const guard: OfflineGuard = { seen: [], foreign: [] }
  await context.route('**/*', async (route) => {
    const request = route.request()
    const url = new URL(request.url())
    guard.seen.push({ method: request.method(), url: request.url(), headers: request.headers(), body: request.postData() })
    if (url.protocol !== 'http:' || url.hostname !== '127.0.0.1') {
      guard.foreign.push(request.url())
      return route.abort('blockedbyclient')
    }
    return route.continue()
  })
  return guard
}
