/** @module One autocannon run and the figures the table needs. */
import autocannon from 'autocannon'

export interface LoadRequest {
  url: string
  method: 'GET' | 'POST'
  headers: Record<string, string>
  body?: string
}

export interface LoadResult {
  rps: number
  p50: number
  p99: number
  errors: number
}

export const CONNECTIONS = 16

export async function load(request: LoadRequest, seconds: number): Promise<LoadResult> {
  const result = await autocannon({ ...request, connections: CONNECTIONS, duration: seconds })
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // Anything but a 2xx counts: a fast wrong answer is not a result.
    errors: result.errors + result.timeouts + result.non2xx,
  }
}
