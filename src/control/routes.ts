/** @module The control API under /__control: its own app and OpenAPI document, mounted on the mock only when enabled. */
import { createHash, timingSafeEqual } from 'node:crypto'
import { createRoute, OpenAPIHono, type RouteConfig, type z } from '@hono/zod-openapi'
import type { Context, Handler } from 'hono'
import type { App } from '../routes/env.js'
import { OAuthError } from '../oauth/errors.js'
import { readLimitedBody } from '../routes/read-body.js'
import { describeIssue, StubError } from '../stubs/stub-schema.js'
import { FaultError } from './faults.js'
import type { Harness } from './harness.js'
import { mountHealth } from './health.js'
import { mountIndex } from './index-route.js'
import { CONTROL_PREFIX } from './intercept.js'
import { jsonDepth, MAX_JSON_DEPTH } from './json-depth.js'
import { requestGuard } from './request-guard.js'
import { pageOf, parseWindow, TOTAL_HEADER, type Page, type PageWindow } from './page.js'
import * as S from './schemas.js'

export const CONTROL_TAG = 'Control'

class BadInput extends Error {}

class TooLarge extends Error {}

/** Every control body is read up to this size; a larger one is a 413 and changes nothing. */
export const CONTROL_BODY_LIMIT = 1024 * 1024

async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let bytes: Buffer
  try {
    bytes = await readLimitedBody(c.req.raw, undefined, CONTROL_BODY_LIMIT)
  } catch (error) {
    if (error instanceof OAuthError && error.status === 413) throw new TooLarge(`The body exceeds ${CONTROL_BODY_LIMIT / 1024 / 1024} MiB.`)
    throw new BadInput('The body could not be read.')
  }
  let data: unknown
  try {
    data = JSON.parse(bytes.toString('utf8'))
  } catch {
    throw new BadInput('The body must be JSON.')
  }
  if (jsonDepth(data) > MAX_JSON_DEPTH) throw new BadInput(`The body nests deeper than ${MAX_JSON_DEPTH} levels.`)
  const result = schema.safeParse(data)
  if (!result.success) throw new BadInput(describeIssue(result.error).replace(/^\(stub\):/, '(body):'))
  return result.data
}

/** The window `?limit=&offset=` asks for; BadInput when it is not one. */
function windowOf(c: Context): PageWindow {
  const window = parseWindow(c.req.query('limit'), c.req.query('offset'))
  if (typeof window === 'string') throw new BadInput(window)
  return window
}

/** A page as the listings answer it: the items as a JSON array, the total in a header. */
const pageResponse = <T>(c: Context, page: Page<T>) => c.json(page.items, 200, { [TOTAL_HEADER]: String(page.total) })

const sameToken = (a: string, b: string) =>
  timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest())

/** What the mock hands the control app with each request: the harness of the request's tenant. */
interface ControlBindings {
  harness: Harness
}

const harnessOf = (c: Context) => (c.env as ControlBindings).harness

/**
 * The control app; paths are absolute (`/__control/...`), routed by `getPath` (the mock's: with tenants, without
 * their prefix). One app serves every tenant: each request brings its tenant's harness (see mountControl).
 */
export function controlApp(profileId: string, token?: string, listenHost?: string, getPath?: (request: Request) => string): OpenAPIHono {
  const app = new OpenAPIHono(getPath === undefined ? {} : { getPath })
  app.use(requestGuard(listenHost))
  const op = (route: RouteConfig & { getRoutingPath(): string }, handler: Handler) => {
    app.openAPIRegistry.registerPath(route)
    app.on(route.method.toUpperCase(), [route.getRoutingPath()], handler)
  }
  const base = { tags: [CONTROL_TAG], ...(token === undefined ? {} : { security: [{ ControlToken: [] }] }) }
  const badQuery = { 400: S.json(S.ControlError, 'Bad limit or offset.') }
  const bad = {
    400: S.json(S.ControlError, 'Bad input; nothing changed.'),
    413: S.json(S.ControlError, `The body exceeds ${CONTROL_BODY_LIMIT / 1024 / 1024} MiB; nothing changed.`),
    415: S.json(S.ControlError, 'The body is not Content-Type: application/json.'),
  }
  mountHealth(app, CONTROL_TAG, profileId)
  if (token !== undefined) {
    app.openAPIRegistry.registerComponent('securitySchemes', 'ControlToken', { type: 'http', scheme: 'bearer' })
    app.use(async (c, next) => {
      const header = c.req.header('authorization') ?? ''
      const given = /^bearer /i.test(header) ? header.slice(7).trim() : ''
      if (!sameToken(given, token)) return c.json({ message: 'The control API needs its bearer token.' }, 401)
      await next()
    })
  }
  const p = `${CONTROL_PREFIX}`

  op(createRoute({ ...base, method: 'post', path: `${p}/reset`, operationId: 'reset', summary: 'Back to the fixtures: accounts, no clients, no sessions, real clock, no faults, empty journal', responses: { 200: S.json(S.ClockState, 'The clock after reset.') } }), (c) => {
    harnessOf(c).reset()
    return c.json(harnessOf(c).clock.state())
  })

  op(createRoute({ ...base, method: 'get', path: `${p}/clock`, operationId: 'getClock', summary: "The mock's time", responses: { 200: S.json(S.ClockState, 'The clock.') } }), (c) =>
    c.json(harnessOf(c).clock.state()),
  )
  op(createRoute({ ...base, method: 'post', path: `${p}/clock`, operationId: 'changeClock', summary: 'Advance, set or freeze the clock', request: { body: S.jsonBody(S.ClockChange) }, responses: { 200: S.json(S.ClockState, 'The clock after the change.'), ...bad } }), async (c) => {
    const change = await readJson(c, S.ClockChange)
    try {
      if ('advance' in change) return c.json(harnessOf(c).clock.advance(change.advance))
      if ('set' in change) return c.json(harnessOf(c).clock.set(change.set))
      return c.json(harnessOf(c).clock.freeze(change.freeze))
    } catch (error) {
      throw new BadInput((error as Error).message)
    }
  })

  op(createRoute({ ...base, method: 'get', path: `${p}/faults`, operationId: 'listFaults', summary: 'Active fault rules', responses: { 200: S.json(S.Fault.array(), 'Rules, first match wins.') } }), (c) =>
    c.json(harnessOf(c).faults.list()),
  )
  op(createRoute({ ...base, method: 'post', path: `${p}/faults`, operationId: 'addFault', summary: 'Add a fault rule', request: { body: S.jsonBody(S.FaultRule) }, responses: { 201: S.json(S.Fault, 'The rule.'), ...bad } }), async (c) => {
    const rule = await readJson(c, S.FaultRule)
    try {
      return c.json(harnessOf(c).faults.add(rule as Parameters<Harness['faults']['add']>[0]), 201)
    } catch (error) {
      if (error instanceof FaultError) throw new BadInput(error.message)
      throw error
    }
  })
  op(createRoute({ ...base, method: 'delete', path: `${p}/faults`, operationId: 'clearFaults', summary: 'Remove every fault rule', responses: { 204: { description: 'Cleared.' } } }), (c) => {
    harnessOf(c).faults.clear()
    return c.body(null, 204)
  })

  op(createRoute({ ...base, method: 'get', path: `${p}/requests`, operationId: 'listRequests', summary: 'The request journal, oldest first (secrets left out, tokens as fingerprints), a page at a time', request: { query: S.JournalQuery }, responses: { 200: S.page(S.JournalEntry, 'Entries.'), 400: S.json(S.ControlError, 'Bad since, limit or offset.') } }), (c) => {
    const operation = c.req.query('operation')
    const since = c.req.query('since')
    if (since !== undefined && !/^\d+$/.test(since) && Number.isNaN(Date.parse(since))) {
      throw new BadInput('since must be an ISO 8601 instant or a seq number.')
    }
    const filter = {
      ...(operation === undefined ? {} : { operation }),
      ...(since === undefined ? {} : { since: /^\d+$/.test(since) ? Number(since) : since }),
    }
    return pageResponse(c, harnessOf(c).journal.page(filter, windowOf(c)))
  })
  op(createRoute({ ...base, method: 'delete', path: `${p}/requests`, operationId: 'clearRequests', summary: 'Empty the journal', responses: { 204: { description: 'Cleared.' } } }), (c) => {
    harnessOf(c).journal.clear()
    return c.body(null, 204)
  })

  op(createRoute({ ...base, method: 'get', path: `${p}/accounts`, operationId: 'listAccounts', summary: 'Accounts (without passwords), a page at a time', request: { query: S.PageQuery }, responses: { 200: S.page(S.Account, 'Accounts.'), ...badQuery } }), (c) =>
    pageResponse(c, harnessOf(c).accounts.page(windowOf(c))),
  )
  op(createRoute({ ...base, method: 'post', path: `${p}/accounts`, operationId: 'addAccount', summary: 'Add (or replace) an account', request: { body: S.jsonBody(S.NewAccount) }, responses: { 201: S.json(S.Account, 'The account.'), ...bad } }), async (c) => {
    const { disabled, ...account } = await readJson(c, S.NewAccount)
    try {
      return c.json(harnessOf(c).accounts.add(disabled === undefined ? account : { ...account, disabled }), 201)
    } catch (error) {
      throw new BadInput((error as Error).message)
    }
  })
  const notFound = { 404: S.json(S.ControlError, 'No such account.') }
  op(createRoute({ ...base, method: 'patch', path: `${p}/accounts/{username}`, operationId: 'updateAccount', summary: 'Re-role, disable/enable or change the password of an account; its clients follow at once', request: { params: S.UsernameParam, body: S.jsonBody(S.AccountPatch) }, responses: { 200: S.json(S.Account, 'The account.'), ...bad, ...notFound } }), async (c) => {
    const patch = await readJson(c, S.AccountPatch)
    const clean = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
    let updated
    try {
      updated = harnessOf(c).accounts.update(c.req.param('username') ?? '', clean)
    } catch (error) {
      throw new BadInput((error as Error).message)
    }
    return updated === undefined ? c.json({ message: 'No such account.' }, 404) : c.json(updated)
  })
  op(createRoute({ ...base, method: 'delete', path: `${p}/accounts/{username}`, operationId: 'deleteAccount', summary: 'Delete an account and its client accounts', request: { params: S.UsernameParam }, responses: { 204: { description: 'Deleted.' }, ...notFound } }), (c) =>
    harnessOf(c).accounts.remove(c.req.param('username') ?? '') ? c.body(null, 204) : c.json({ message: 'No such account.' }, 404),
  )

  op(createRoute({ ...base, method: 'get', path: `${p}/accounts/{username}/totp`, operationId: 'getTotpCode', summary: "The current second-factor code of an account with an mfaSecret (so a test needs no authenticator app)", request: { params: S.UsernameParam }, responses: { 200: S.json(S.TotpCode, 'The code.'), 404: S.json(S.ControlError, 'No such account, or it has no second factor.') } }), (c) => {
    const code = harnessOf(c).accounts.totp(c.req.param('username') ?? '')
    return code === undefined ? c.json({ message: 'No such account, or it has no second factor.' }, 404) : c.json(code)
  })

  op(createRoute({ ...base, method: 'get', path: `${p}/sessions`, operationId: 'listSessions', summary: 'Live sessions (tokens as fingerprints), a page at a time', request: { query: S.PageQuery }, responses: { 200: S.page(S.Session, 'Sessions.'), ...badQuery } }), (c) =>
    pageResponse(c, harnessOf(c).sessions.page(windowOf(c))),
  )
  op(createRoute({ ...base, method: 'delete', path: `${p}/sessions`, operationId: 'revokeSessions', summary: 'Revoke every session', responses: { 200: S.json(S.Count, 'How many were revoked.') } }), (c) =>
    c.json({ count: harnessOf(c).sessions.revokeAll() }),
  )
  op(createRoute({ ...base, method: 'delete', path: `${p}/sessions/{id}`, operationId: 'revokeSession', summary: 'Revoke one session: neither of its tokens works afterwards', request: { params: S.SessionIdParam }, responses: { 204: { description: 'Revoked.' }, 404: S.json(S.ControlError, 'No live session with this id.') } }), (c) =>
    harnessOf(c).sessions.revoke(c.req.param('id') ?? '') ? c.body(null, 204) : c.json({ message: 'No live session with this id.' }, 404),
  )

  op(createRoute({ ...base, method: 'get', path: `${p}/stubs`, operationId: 'listStubs', summary: 'Stub resources: those added at runtime first, then those the mock started with, a page at a time', request: { query: S.PageQuery }, responses: { 200: S.page(S.StubView, 'Stubs.'), ...badQuery } }), (c) =>
    pageResponse(c, pageOf(harnessOf(c).stubs.list(), windowOf(c), (stub) => stub)),
  )
  op(createRoute({ ...base, method: 'post', path: `${p}/stubs`, operationId: 'addStub', summary: 'Add a stub behind the bearer check (replacing one with the same method and path); reset drops it', request: { body: S.jsonBody(S.Stub) }, responses: { 201: S.json(S.Stub, 'The stub.'), ...bad } }), async (c) => {
    const stub = await readJson(c, S.Stub)
    try {
      return c.json(harnessOf(c).stubs.add(stub), 201)
    } catch (error) {
      if (error instanceof StubError) throw new BadInput(error.message)
      throw error
    }
  })
  op(createRoute({ ...base, method: 'delete', path: `${p}/stubs`, operationId: 'clearStubs', summary: 'Remove the stubs added at runtime (those the mock started with stay)', responses: { 204: { description: 'Cleared.' } } }), (c) => {
    harnessOf(c).stubs.clear()
    return c.body(null, 204)
  })

  mountIndex(app, base, () => controlDocument(app))
  app.get(`${p}/openapi.json`, (c) => c.json(controlDocument(app)))
  app.notFound((c) => c.json({ message: `No control resource at ${c.req.method} ${c.req.path}.` }, 404))
  app.onError((error, c) => {
    if (error instanceof BadInput) return c.json({ message: error.message }, 400)
    if (error instanceof TooLarge) return c.json({ message: error.message }, 413, { Connection: 'close' })
    return c.json({ message: 'Internal server error.' }, 500)
  })
  return app
}

/** The control API's OpenAPI 3.1 document. */
export function controlDocument(app: OpenAPIHono) {
  return app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: {
      title: 'veeam-auth-mock control API',
      version: '1',
      description: 'Test harness of veeam-auth-mock: virtual clock, faults, request journal, accounts, sessions and stubs at runtime. Not part of any Veeam API. Every operation answers 403 to a Host other than loopback (or the --host it listens on) and to a foreign Origin, so a web page cannot drive it; a body must be application/json, at most 1 MiB.',
    },
    tags: [{ name: CONTROL_TAG, description: 'Harness operations.' }],
  })
}

/** Serves the control app under /__control on the mock, without adding it to the vendor document. */
export function mountControl(app: App, control: OpenAPIHono): void {
  app.all(`${CONTROL_PREFIX}/*`, (c) => control.fetch(c.req.raw, { ...(c.env as object), harness: c.get('tenant').harness! } satisfies ControlBindings))
}
