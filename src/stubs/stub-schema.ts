/** @module What a stub is: the zod schema of one stub (shared by --stubs files, startMock and /__control/stubs). */
import { z } from '@hono/zod-openapi'

export const STUB_METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const

/** A literal segment (URL path characters, no braces) or a whole-segment `{name}` parameter. */
const SEGMENT = /^(?:[A-Za-z0-9\-._~!$&'()*+,;=:@%]+|\{[A-Za-z_][A-Za-z0-9_]*\})$/

/** Headers the server frames itself; a stub that set them could corrupt the response. */
const FRAMING_HEADERS = new Set(['content-length', 'transfer-encoding', 'connection'])

/** Statuses whose response has no body. */
export const NULL_BODY_STATUSES = new Set([204, 205, 304])

/** Headers a stub or a fault may answer with: valid names and values, none that frames the response. */
export const ResponseHeaders = z
  .record(
    z.string().regex(/^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/, 'must be a valid header name'),
    z.string().regex(/^[\t\x20-\x7e\x80-\xff]*$/, 'must not hold control characters such as CR or LF'),
  )
  .refine((headers) => !Object.keys(headers).some((name) => FRAMING_HEADERS.has(name.toLowerCase())), {
    message: 'must not set Content-Length, Transfer-Encoding or Connection (the server frames the response)',
  })

function pathProblem(path: string): string | undefined {
  if (!path.startsWith('/')) return 'must start with /'
  if (path === '/') return undefined
  const segments = path.slice(1).split('/')
  const bad = segments.find((segment) => !SEGMENT.test(segment))
  if (bad !== undefined) {
    return bad === ''
      ? 'must not hold empty segments or end with /'
      : `segment "${bad}" must be a literal path segment or a whole {name} parameter`
  }
  const params = segments.filter((s) => s.startsWith('{'))
  if (new Set(params).size !== params.length) return 'names a {parameter} twice'
  return undefined
}

export const StubSchema = z
  .strictObject({
    method: z.enum(STUB_METHODS).openapi({ example: 'GET' }),
    path: z
      .string()
      .superRefine((path, ctx) => {
        const problem = pathProblem(path)
        if (problem !== undefined) ctx.addIssue({ code: 'custom', message: problem })
      })
      .openapi({ example: '/api/v7.1/Plans/{id}', description: 'Literal segments and whole-segment {name} parameters.' }),
    status: z.int().min(200).max(599).default(200).openapi({ example: 200 }),
    headers: ResponseHeaders.optional(),
    body: z.unknown().optional().openapi({ description: 'A string is sent as it is; anything else as JSON.' }),
    as: z
      .enum(['user', 'client'])
      .optional()
      .openapi({ description: 'Answer only this kind of caller; the other kind gets 403.' }),
    summary: z.string().max(200).optional().openapi({ description: 'Shown in Swagger UI.' }),
  })
  .superRefine((stub, ctx) => {
    if (NULL_BODY_STATUSES.has(stub.status) && stub.body !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['body'], message: `must be absent with status ${stub.status}` })
    }
  })

/** A stub as written (status may be left out). */
export type StubInput = z.input<typeof StubSchema>
/** A validated stub. */
export type Stub = z.output<typeof StubSchema>

/** A stub, or a list of them, that cannot be used; the message names the entry and the field. */
export class StubError extends Error {}

/** The first issue as `path: message`, e.g. `headers: must be a valid header name`. */
export function describeIssue(error: z.ZodError): string {
  const issue = error.issues[0]!
  // A bad record key reports "Invalid key in record"; the key's own issue says what is wrong with it.
  const message = issue.code === 'invalid_key' ? (issue.issues[0]?.message ?? issue.message) : issue.message
  return `${issue.path.length > 0 ? issue.path.join('.') : '(stub)'}: ${message}`
}

/** Validates one stub; `where` prefixes the message (e.g. `entry 2 (GET /x)`). */
export function parseStub(data: unknown, where?: string): Stub {
  const result = StubSchema.safeParse(data)
  if (result.success) return result.data
  const prefix = where === undefined ? '' : `${where}: `
  throw new StubError(`${prefix}${describeIssue(result.error)}`)
}

/** How an entry of a list is named in errors: its 1-based number, and its method and path when they are strings. */
export function entryName(data: unknown, index: number): string {
  const { method, path } = (typeof data === 'object' && data !== null ? data : {}) as Record<string, unknown>
  const label = typeof method === 'string' && typeof path === 'string' ? ` (${method} ${path})` : ''
  return `entry ${index + 1}${label}`
}

/** Validates a list of stubs (a --stubs file, or a profile's defaults). */
export function parseStubList(data: unknown): Stub[] {
  if (!Array.isArray(data)) throw new StubError('(root): must be a JSON array of stubs')
  return data.map((entry, index) => parseStub(entry, entryName(entry, index)))
}
