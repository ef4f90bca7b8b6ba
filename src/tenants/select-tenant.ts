/** @module The first middleware of every request: which tenant it is for, set on the context for every later handler. */
import { ResourceError } from '../oauth/errors.js'
import type { Middleware } from '../routes/env.js'
import { requestHeader } from '../routes/request-header.js'
import { isTenantName, prefixName, TENANT_HEADER, TENANT_NAME_RULE } from './tenant-path.js'
import type { Tenant } from './tenant.js'
import { Tenants, TenantsFull } from './tenants.js'

/** Without tenants every request is the default tenant's: two context writes, no parsing. */
export function selectTenant(root: Tenant, tenants?: Tenants): Middleware {
  if (tenants === undefined) {
    // Not async: one frame less on every request.
    return function defaultTenant(c, next) {
      c.set('tenant', root)
      c.set('state', root.state)
      return next()
    }
  }
  return async function tenantOfRequest(c, next) {
    const fromPath = prefixName(c.req.raw)
    const fromHeader = requestHeader(c.req.raw, c.env, TENANT_HEADER)
    if (fromPath !== undefined && fromHeader !== undefined && fromHeader !== fromPath) {
      throw new ResourceError(400, `The path names tenant "${fromPath.slice(0, 64)}" and X-Mock-Tenant another; send one, or the same in both.`)
    }
    const name = fromPath ?? fromHeader
    let tenant = root
    if (name !== undefined) {
      if (!isTenantName(name)) throw new ResourceError(400, `A tenant name is ${TENANT_NAME_RULE}.`)
      try {
        tenant = tenants.get(name)
      } catch (error) {
        if (error instanceof TenantsFull) throw new ResourceError(503, error.message, { 'Retry-After': '60' })
        throw error
      }
    }
    c.set('tenant', tenant)
    c.set('state', tenant.state)
    await next()
  }
}
