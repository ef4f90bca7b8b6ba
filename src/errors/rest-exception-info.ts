/**
 * @module Veeam Backup for Microsoft 365's `RESTExceptionInfo`, on every route the token endpoint included:
 * `{message}` (v6), plus `errorCode` (v7) and `stackTrace` (v8) where the version's schema has them. The stack
 * trace is always null: nothing internal reaches a client.
 */
import { z } from '@hono/zod-openapi'
import type { Refusal } from '../oauth/errors.js'
import type { ErrorModelSpec } from '../profiles/profile.js'
import { messageOf, type ErrorModel } from './error-model.js'

const SCHEMAS = new Map<string, z.ZodType>()

/** The version's schema: `message`, and the optional properties `spec.fields` names (cached per shape). */
function schemaFor(spec: ErrorModelSpec): z.ZodType {
  const fields = spec.fields ?? []
  const codes = spec.codes ?? []
  const key = `${fields.join(',')}|${codes.join(',')}`
  let schema = SCHEMAS.get(key)
  if (schema === undefined) {
    const shape: Record<string, z.ZodType> = { message: z.string().openapi({ description: 'Error message.' }) }
    if (fields.includes('errorCode')) {
      const code = codes.length > 0 ? z.enum(codes as [string, ...string[]]) : z.string()
      shape['errorCode'] = code.nullable().openapi({ description: 'Error code.' })
    }
    if (fields.includes('stackTrace')) shape['stackTrace'] = z.string().nullable().openapi({ description: 'Error stack trace (always null here).' })
    schema = z.object(shape).openapi('RESTExceptionInfo')
    SCHEMAS.set(key, schema)
  }
  return schema
}

function body(spec: ErrorModelSpec, refusal: Refusal, message: string): Record<string, unknown> {
  const fields = spec.fields ?? []
  return {
    message,
    ...(fields.includes('errorCode') && { errorCode: spec.refusals?.[refusal]?.code ?? null }),
    ...(fields.includes('stackTrace') && { stackTrace: null }),
  }
}

export const restExceptionInfo: ErrorModel = {
  // v6 has no errorCode: its refusals name no code, so the field is never compared.
  codeField: { token: 'errorCode', resource: 'errorCode' },
  render(error, spec, supported) {
    const status = spec.refusals?.[error.refusal]?.status ?? error.status
    return { status, body: body(spec, error.refusal, messageOf(spec, error.refusal, error.message, supported)), headers: error.headers }
  },
  // The version's schema replaces these (schemaFor); they are the v6 shape.
  tokenSchema: schemaFor({ model: 'rest-exception-info' }),
  resourceSchema: schemaFor({ model: 'rest-exception-info' }),
  schemaFor,
  example: (refusal, spec, message, supported) => body(spec, refusal, messageOf(spec, refusal, message, supported)),
}
