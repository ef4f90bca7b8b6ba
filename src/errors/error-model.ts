/** @module What an error model is: how a refusal looks on the wire, and how the document describes it. */
import type { z } from '@hono/zod-openapi'
import type { OAuthError, Refusal, ResourceError } from '../oauth/errors.js'
import type { ErrorModelSpec } from '../profiles/profile.js'

export interface WireError {
  status: number
  /** A JSON value; undefined for an empty body. */
  body: unknown
  headers: Record<string, string>
}

export interface ErrorModel {
  /** The body field that names the error, on the token endpoint and elsewhere (the conformance suite reads it). */
  codeField: { token?: string; resource?: string }
  /** The answer for `error` under `spec`; `supported` fills `{supported}` in the vendor's messages. */
  render(error: OAuthError | ResourceError, spec: ErrorModelSpec, supported: readonly string[]): WireError
  /** The token endpoint's error body, for the document. */
  tokenSchema: z.ZodType
  /** Every other route's error body, for the document. */
  resourceSchema: z.ZodType
  /** Models whose schema differs between versions (VB365's RESTExceptionInfo): the schema for `spec`, replacing both above. */
  schemaFor?(spec: ErrorModelSpec): z.ZodType
  /** The documented example body of a refusal (what render answers for it); undefined where the schema carries its own. */
  example(refusal: Refusal, spec: ErrorModelSpec, message: string, supported: readonly string[]): unknown
}

/** The vendor's message for a refusal with the accepted versions filled in, or the mock's own. */
export function messageOf(spec: ErrorModelSpec, refusal: Refusal, own: string, supported: readonly string[]): string {
  const vendor = spec.refusals?.[refusal]?.message
  if (vendor === undefined) return own
  return vendor.replace('{supported-v}', supported.map((v) => `v${v}`).join(', ')).replace('{supported}', supported.join(', '))
}
