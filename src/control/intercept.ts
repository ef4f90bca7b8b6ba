/** @module One middleware for the harness: journals each request and applies fault rules (only when there are any). */
import type { MockState } from '../engine/mock-state.js'
import { resolvePrincipal } from '../engine/principal.js'
import type { FaultResponse } from './faults.js'
import { fingerprint } from './fingerprint.js'
import type { JournalInput } from './journal.js'
import type { Middleware } from '../routes/env.js'
import { requestHeader } from '../routes/request-header.js'
import { peekTokenFields, tokenFields, type TokenFields } from './token-fields.js'

export const CONTROL_PREFIX = '/__control'

/** Responses standing for "cut the connection"; the wrapped fetch turns them into a rejection. */
const DROPPED = new WeakSet<Response>()

/**
 * The error a dropped request rejects with in-process.
 *
 * @example
 * ```ts
 * harness.faults.add({ operation: 'issueToken', drop: true })
 * await expect(app.request('/api/token', init)).rejects.toBeInstanceOf(ConnectionDropped)
 * ```
 */
export class ConnectionDropped extends Error {
  constructor() {
    super('The mock dropped the connection (fault rule).')
  }
}

export interface InterceptOptions {
  tokenPath: string
  defaultGrant: string
  /** `METHOD path` to operationId; read when the first request arrives (all routes are mounted by then). */
  operations: () => Map<string, string>
  /** Operations of templated paths (the vendor documents'), asked when `operations` has none for the request. */
  operationOf?: (method: string, path: string) => string | undefined
}

/** The user name and client id behind a live access token, for matching faults on bearer routes. */
function whoIs(state: MockState, token: string): { account?: string; client_id?: string } {
  const session = state.store.byAccessToken(token, state.clock.now())
  const resolved = session && resolvePrincipal(state, session.principal)
  if (resolved === undefined) return {}
  const account = `${resolved.account.domain}\\${resolved.account.name}`
  return resolved.client === undefined ? { account } : { account, client_id: resolved.client.id }
}

function faultResponse(respond: FaultResponse): Response {
  const headers = new Headers(respond.headers)
  let body: string | null = null
  if (typeof respond.body === 'string') body = respond.body
  else if (respond.body !== undefined) {
    body = JSON.stringify(respond.body)
    if (!headers.has('content-type')) headers.set('content-type', 'application/json')
  }
  return new Response(body, { status: respond.status, headers })
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Journals the request and applies fault rules, with the harness of the request's tenant. */
export function intercept(options: InterceptOptions): Middleware {
  const { tokenPath, defaultGrant } = options
  let operations: Map<string, string> | undefined
  return async function harness(c, next) {
    const { path, method } = c.req
    if (path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`)) return next()
    const { clock, journal, faults } = c.get('tenant').harness!
    operations ??= options.operations()
    const entry: JournalInput = { at: clock.now(), method, path, status: 0 }
    const operation = operations.get(`${method} ${path}`) ?? options.operationOf?.(method, path)
    if (operation !== undefined) entry.operation = operation
    const isToken = method === 'POST' && path === tokenPath
    let fields: TokenFields = {}
    // Faults must match before the handler, so only then is the body read here; otherwise the journal
    // takes what the token handler parsed and issued (no second read of the body or the response).
    const peek = isToken && faults.size > 0
    if (peek) {
      const peeked = await peekTokenFields(c.req.raw)
      fields = peeked.fields
      c.req.raw = peeked.request
      Object.assign(entry, fields)
      entry.grant_type = fields.grant_type ?? defaultGrant
    }
    const authorization = requestHeader(c.req.raw, c.env, 'authorization')
    const bearer = authorization !== undefined && /^bearer /i.test(authorization) ? authorization.slice(7).trim() : undefined
    if (bearer !== undefined) entry.access_token = fingerprint(bearer)

    let fault
    if (faults.size > 0) {
      const who = bearer === undefined ? fields : whoIs(c.get('state'), bearer)
      fault = faults.take({ operation, path, grantType: entry.grant_type, account: who.account ?? who.client_id })
    }
    if (fault !== undefined) {
      entry.fault = fault.id
      if (fault.delayMs !== undefined) await sleep(fault.delayMs)
      if (fault.drop === true) {
        journal.add(entry)
        const dropped = new Response(null, { status: 599 })
        DROPPED.add(dropped)
        return dropped
      }
      if (fault.respond !== undefined) {
        const response = faultResponse(fault.respond)
        entry.status = response.status
        journal.add(entry)
        return response
      }
    }
    await next()
    entry.status = c.res.status
    // Set by bearer authentication: who the token spoke for, at no extra cost.
    const caller = c.get('caller') as { account: { domain: string; name: string }; client?: { id: string } } | undefined
    if (caller !== undefined) {
      entry.account = `${caller.account.domain}\\${caller.account.name}`
      if (caller.client !== undefined) entry.client_id = caller.client.id
    }
    if (isToken) {
      const exchange = c.get('token') as typeof c.var.token | undefined
      if (!peek) {
        fields = exchange === undefined ? tokenFields(() => undefined, authorization) : tokenFields((name) => exchange.params.get(name), authorization)
        Object.assign(entry, fields)
        entry.grant_type = fields.grant_type ?? defaultGrant
      }
      if (exchange?.issued !== undefined) {
        entry.issued = { access_token: fingerprint(exchange.issued.access_token), refresh_token: fingerprint(exchange.issued.refresh_token) }
      }
    }
    journal.add(entry)
  }
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- passes the runtime's own bindings through
type Fetch = (request: Request, env?: any, ctx?: any) => Response | Promise<Response>

interface NodeBindings {
  incoming?: { socket?: { destroy(): void } }
}

/** Wraps an app's fetch so a dropped response cuts the socket (node server) or rejects (in-process). */
export function dropAware(fetch: Fetch): Fetch {
  return async function fetchWithDrops(request, env, ctx) {
    const response = await fetch(request, env, ctx)
    if (!DROPPED.has(response)) return response
    const socket = (env as NodeBindings | undefined)?.incoming?.socket
    if (socket === undefined) throw new ConnectionDropped()
    socket.destroy()
    return response
  }
}
