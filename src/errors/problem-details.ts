/**
 * @module RFC 7807 ProblemDetails as ASP.NET Core writes them (Veeam ONE): `{type, title, status, traceId}`,
 * under the profile's media type (application/problem+json unless it says otherwise).
 */
import { randomBytes } from 'node:crypto'
import { z } from '@hono/zod-openapi'
import type { ErrorModelSpec } from '../profiles/profile.js'
import { messageOf, type ErrorModel } from './error-model.js'

/** ASP.NET Core's `type` links per status (its ProblemDetails defaults). */
const TYPES: Record<number, string> = {
  400: 'https://tools.ietf.org/html/rfc7231#section-6.5.1',
  401: 'https://tools.ietf.org/html/rfc7235#section-3.1',
  403: 'https://tools.ietf.org/html/rfc7231#section-6.5.3',
  404: 'https://tools.ietf.org/html/rfc7231#section-6.5.4',
  405: 'https://tools.ietf.org/html/rfc7231#section-6.5.5',
  413: 'https://tools.ietf.org/html/rfc7231#section-6.5.11',
  500: 'https://tools.ietf.org/html/rfc7231#section-6.6.1',
  501: 'https://tools.ietf.org/html/rfc7231#section-6.6.2',
}

const ProblemDetails = z
  .object({
    type: z.string().nullable().optional(),
    title: z.string().nullable().optional(),
    status: z.int().nullable().optional(),
    detail: z.string().nullable().optional(),
    instance: z.string().nullable().optional(),
  })
  .catchall(z.unknown())
  .openapi('ProblemDetails')

/** A W3C traceparent-shaped id, as ASP.NET Core puts in every problem (random: it names one response). */
const traceId = () => `00-${randomBytes(16).toString('hex')}-${randomBytes(8).toString('hex')}-00`

function problem(status: number, title: string, trace: string): Record<string, unknown> {
  return { type: TYPES[status] ?? TYPES[400], title, status, traceId: trace }
}

const mediaTypeOf = (spec: ErrorModelSpec) => spec.mediaType ?? 'application/problem+json'

export const problemDetails: ErrorModel = {
  // ProblemDetails has no code member: refusals are told apart by status alone.
  codeField: {},
  render(error, spec, supported) {
    const status = spec.refusals?.[error.refusal]?.status ?? error.status
    const title = messageOf(spec, error.refusal, error.message, supported)
    return { status, body: problem(status, title, traceId()), headers: { ...error.headers, 'Content-Type': `${mediaTypeOf(spec)}; charset=utf-8` } }
  },
  tokenSchema: ProblemDetails,
  resourceSchema: ProblemDetails,
  example(refusal, spec, message, supported) {
    const status = spec.refusals?.[refusal]?.status ?? 400
    return problem(status, messageOf(spec, refusal, message, supported), '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-00')
  },
}
