/** @module Veeam Backup & Replication's `Error` model, on every route the token endpoint included: `{errorCode, message}`. */
import { z } from '@hono/zod-openapi'
import type { Refusal } from '../oauth/errors.js'
import type { ErrorModelSpec } from '../profiles/profile.js'
import { messageOf, type ErrorModel } from './error-model.js'

/** The errorCode enum of the vendor's `Error` schema. */
export const VBR_ERROR_CODES = [
  'AccessDenied',
  'ExpiredToken',
  'InvalidToken',
  'InvalidURI',
  'MethodNotAllowed',
  'NotFound',
  'NotImplemented',
  'ServiceUnavailable',
  'UnexpectedContent',
  'UnknownError',
] as const

const VbrErrorBody = z
  .object({
    errorCode: z.enum(VBR_ERROR_CODES).openapi({ description: 'Identifies the error condition, for programs.' }),
    message: z.string().openapi({ description: 'The error condition in English, for people.' }),
    resourceId: z.string().optional().openapi({ description: 'ID of the object involved in the error (or empty).' }),
  })
  .openapi('Error')

function answer(spec: ErrorModelSpec, refusal: Refusal): { status: number; code: string } {
  const entry = spec.refusals?.[refusal]
  // The profile validation test requires an entry for every refusal; this keeps a gap from becoming a 5xx.
  return { status: entry?.status ?? 500, code: entry?.code ?? 'UnknownError' }
}

export const vbrError: ErrorModel = {
  codeField: { token: 'errorCode', resource: 'errorCode' },
  render(error, spec, supported) {
    const { status, code } = answer(spec, error.refusal)
    return { status, body: { errorCode: code, message: messageOf(spec, error.refusal, error.message, supported) }, headers: error.headers }
  },
  tokenSchema: VbrErrorBody,
  resourceSchema: VbrErrorBody,
  example(refusal, spec, message, supported) {
    return { errorCode: answer(spec, refusal).code, message: messageOf(spec, refusal, message, supported) }
  },
}
