/** @module The few autocannon types the bench uses (the package ships none). */
declare module 'autocannon' {
  interface Histogram {
    average: number
    p50: number
    p99: number
  }
  interface Options {
    url: string
    method?: string
    headers?: Record<string, string>
    body?: string
    connections?: number
    duration?: number
    /** Each connection sends these in turn, over and over (paths relative to url). */
    requests?: { method?: string; path?: string; headers?: Record<string, string>; body?: string }[]
  }
  interface Result {
    requests: Histogram
    latency: Histogram
    errors: number
    timeouts: number
    non2xx: number
  }
  function autocannon(options: Options): Promise<Result>
  export default autocannon
}
