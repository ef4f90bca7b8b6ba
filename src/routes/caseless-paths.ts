/**
 * @module Case-insensitive routing for profiles that ask for it (ASP.NET matches `/v6/Token` and `/v6/token` alike):
 * a request path that equals a documented path but for case is routed, and seen by every handler, as that path.
 */
import { getPath } from 'hono/utils/url'
import type { App } from './env.js'

type GetPath = (request: Request) => string

/** Hono's getPath, mapped onto the documented spelling of each route's path; the map is built on the first request. */
export function caselessGetPath(app: () => App, inner: GetPath = getPath): GetPath {
  let canonical: Map<string, string> | undefined
  return (request) => {
    const path = inner(request)
    canonical ??= new Map(
      app()
        .openAPIRegistry.definitions.filter((d) => d.type === 'route')
        .map((d) => [d.route.path.toLowerCase(), d.route.path]),
    )
    return canonical.get(path.toLowerCase()) ?? path
  }
}
