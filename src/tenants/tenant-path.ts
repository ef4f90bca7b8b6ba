/**
 * @module How a request names its tenant: the path prefix `/t/{name}/...`, or the `X-Mock-Tenant` header for clients
 * that cannot change their base path. Routing sees the path without the prefix.
 */
import { getPath } from 'hono/utils/url'

export const TENANT_PREFIX = '/t/'
export const TENANT_HEADER = 'x-mock-tenant'

/** Letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most 64: safe in a path, a header and a log. */
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/

export const TENANT_NAME_RULE = '1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit'

export function isTenantName(name: string): boolean {
  return NAME.test(name)
}

type GetPath = (request: Request) => string

/** The routing path with a leading `/t/{name}` removed (`/t/ci-1` alone routes as `/`). */
export function stripTenant(path: string): string {
  if (!path.startsWith(TENANT_PREFIX)) return path
  const end = path.indexOf('/', TENANT_PREFIX.length)
  return end < 0 ? '/' : path.slice(end)
}

/** Hono's getPath (or `inner`) without the tenant prefix, for the apps of a mock with tenants. */
export function tenantGetPath(inner: GetPath = getPath): GetPath {
  return (request) => stripTenant(inner(request))
}

/** The name in a request path's tenant prefix, as sent (unchecked), or undefined without a prefix. */
export function prefixName(request: Request): string | undefined {
  const path = getPath(request)
  if (!path.startsWith(TENANT_PREFIX)) return undefined
  const end = path.indexOf('/', TENANT_PREFIX.length)
  return path.slice(TENANT_PREFIX.length, end < 0 ? undefined : end)
}

/** `/t/{name}` when the request came through a tenant prefix, else `''` (a header-selected tenant has none). */
export function prefixOf(request: Request): string {
  const name = prefixName(request)
  return name === undefined ? '' : `${TENANT_PREFIX}${name}`
}
