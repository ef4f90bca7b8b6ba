/** @module Request and response schemas of the control API (its own OpenAPI document, apart from the vendor's). */
import { z } from '@hono/zod-openapi'
import { PAGE_DEFAULT_LIMIT, PAGE_MAX_LIMIT, TOTAL_HEADER } from './page.js'
import { NULL_BODY_STATUSES, ResponseHeaders, StubSchema } from '../stubs/stub-schema.js'

export const ControlError = z.object({ message: z.string() }).openapi('ControlError')

export const ClockState = z
  .object({ now: z.string().openapi({ example: '2026-01-01T12:00:00.000Z' }), frozen: z.boolean(), offsetMs: z.number() })
  .openapi('ClockState')

export const ClockChange = z
  .union([
    z.strictObject({ advance: z.string().openapi({ example: '16m', description: 'e.g. 16m, 90s, 2h, 1d, 500ms, -5m' }) }),
    z.strictObject({ set: z.string().openapi({ example: '2026-01-01T12:00:00Z', description: 'ISO 8601 instant' }) }),
    z.strictObject({ freeze: z.boolean() }),
  ])
  .openapi('ClockChange')

const FaultFields = {
  operation: z.string().optional().openapi({ example: 'issueToken' }),
  grantType: z.string().optional().openapi({ example: 'refresh_token' }),
  path: z.string().optional(),
  account: z.string().optional(),
  respond: z
    .strictObject({
      status: z.number().int().min(200).max(599),
      headers: ResponseHeaders.optional(),
      body: z.unknown().optional(),
    })
    .refine((r) => !(NULL_BODY_STATUSES.has(r.status) && r.body !== undefined), { message: 'must have no body with status 204, 205 or 304', path: ['body'] })
    .optional(),
  delayMs: z.number().int().min(0).max(60_000).optional(),
  drop: z.boolean().optional(),
  times: z.number().int().min(1).optional(),
}

export const FaultRule = z
  .strictObject(FaultFields)
  .refine((r) => r.respond !== undefined || r.drop === true || r.delayMs !== undefined, 'a fault needs respond, drop or delayMs')
  .openapi('FaultRule', { example: { operation: 'issueToken', grantType: 'refresh_token', respond: { status: 429, headers: { 'retry-after': '2' } } } })

export const Fault = z
  .object({ ...FaultFields, id: z.number(), remaining: z.number() })
  .openapi('Fault')

export const JournalEntry = z
  .object({
    seq: z.number(),
    time: z.string(),
    method: z.string(),
    path: z.string(),
    operation: z.string().optional(),
    grant_type: z.string().optional(),
    account: z.string().optional(),
    client_id: z.string().optional(),
    refresh_token: z.string().optional().openapi({ description: 'fingerprint (first 8 hex of SHA-256)' }),
    access_token: z.string().optional().openapi({ description: 'fingerprint of the bearer token sent' }),
    issued: z.object({ access_token: z.string(), refresh_token: z.string() }).optional(),
    status: z.number().openapi({ description: '0 when a fault dropped the connection' }),
    fault: z.number().optional(),
    event: z.string().optional().openapi({ description: 'what the mock did, on entries that are not requests (method "-"), e.g. "tenant ci-3 evicted after 1800 s idle"' }),
  })
  .openapi('JournalEntry')

export const PageQuery = z.object({
  limit: z.string().optional().openapi({ example: String(PAGE_DEFAULT_LIMIT), description: `Items to answer, 1 to ${PAGE_MAX_LIMIT} (default ${PAGE_DEFAULT_LIMIT}).` }),
  offset: z.string().optional().openapi({ example: '0', description: 'Items to skip (default 0).' }),
})

export const JournalQuery = z.object({
  ...PageQuery.shape,
  operation: z.string().optional().openapi({ example: 'issueToken' }),
  since: z.string().optional().openapi({ description: 'ISO 8601 instant, or a seq number (entries after it)' }),
})

export const Account = z
  .object({ username: z.string().openapi({ example: 'VDRO\\ci' }), role: z.string(), disabled: z.boolean() })
  .openapi('ControlAccount')

export const NewAccount = z
  .strictObject({
    username: z.string().min(1).openapi({ example: 'lab\\ci' }),
    password: z.string().min(1),
    role: z.string().min(1).openapi({ example: 'Plan Author' }),
    disabled: z.boolean().optional(),
  })
  .openapi('NewAccount')

export const AccountPatch = z
  .strictObject({ role: z.string().min(1).optional(), disabled: z.boolean().optional(), password: z.string().min(1).optional() })
  .openapi('AccountPatch')

export const UsernameParam = z.object({
  username: z.string().openapi({ param: { name: 'username', in: 'path' }, example: 'vdro\\viewer', description: 'URL-encoded (\\ is %5C)' }),
})

export const TotpCode = z
  .object({
    code: z.string().openapi({ example: '287082', description: 'The six-digit code (RFC 6238) at the mock\'s clock.' }),
    validForSeconds: z.number().openapi({ example: 17, description: 'Seconds until the next 30-second step.' }),
  })
  .openapi('TotpCode')

export const Session = z
  .object({
    id: z.string(),
    kind: z.enum(['user', 'client']),
    account: z.string().optional(),
    client_id: z.string().optional(),
    access_token: z.string(),
    refresh_token: z.string(),
    access_expires_at: z.string(),
    refresh_expires_at: z.string(),
  })
  .openapi('Session')

export const SessionIdParam = z.object({ id: z.string().openapi({ param: { name: 'id', in: 'path' }, example: '3f1a9c07' }) })

export const Count = z.object({ count: z.number() }).openapi('Count')

export const Stub = StubSchema.openapi('Stub', {
  example: { method: 'GET', path: '/api/v7.1/Plans/{id}', status: 200, headers: { 'x-stub': '1' }, body: { id: 'p1' } },
})

export const StubView = z
  .object({ ...StubSchema.shape, origin: z.enum(['startup', 'runtime']).openapi({ description: 'reset drops the runtime ones' }) })
  .openapi('StubView')

export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  content: { 'application/json': { schema } },
  description,
})

/** A listing's answer: one page of items as an array, the total in a header. */
export const page = <S extends z.ZodType>(schema: S, description: string) => ({
  ...json(schema.array(), `${description} At most limit of them, after offset.`),
  headers: z.object({ [TOTAL_HEADER]: z.string().openapi({ description: 'How many there are in all (before limit and offset).', example: '1' }) }),
})

export const jsonBody = <S extends z.ZodType>(schema: S) => ({
  required: true,
  content: { 'application/json': { schema } },
})
