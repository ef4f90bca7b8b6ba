/** @module The Hono environment of the app: what middleware hands to handlers. */
import type { OpenAPIHono, RouteConfig } from '@hono/zod-openapi'
import type { Handler as HonoHandler, MiddlewareHandler } from 'hono'
import type { MockState } from '../engine/mock-state.js'
import type { ResolvedPrincipal } from '../engine/principal.js'
import type { Tenant } from '../tenants/tenant.js'
import type { Session } from '../store/types.js'

export interface Caller extends ResolvedPrincipal {
  session: Session
}

/** What the token endpoint read and issued, for the journal (so it never re-reads the body or the response). */
export interface TokenExchange {
  params: ReadonlyMap<string, string>
  issued?: { access_token: string; refresh_token: string }
}

export interface AppEnv {
  /**
   * `state` and `tenant`: the tenant the request is for (the default one unless --tenants selects another), set
   * first on every request; handlers read state here, never from what they closed over at mount time.
   */
  Variables: { caller: Caller; token: TokenExchange; state: MockState; tenant: Tenant }
}

export type App = OpenAPIHono<AppEnv>
export type Middleware = MiddlewareHandler<AppEnv>
export type Handler = HonoHandler<AppEnv>

/**
 * Declares `route` in the OpenAPI document and serves it with plain handlers. Each handler checks
 * its own input, so urlencoded bodies skip the generic form validator (formData is slow).
 */
export function mount(
  app: App,
  route: RouteConfig & { getRoutingPath(): string },
  ...handlers: [...Middleware[], Handler]
): void {
  app.openAPIRegistry.registerPath(route)
  app.on(route.method.toUpperCase(), [route.getRoutingPath()], ...(handlers as [Handler]))
}
