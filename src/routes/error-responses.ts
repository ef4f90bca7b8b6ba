/** @module Documented error responses in the profile's error model, with the example the server really answers. */
import { ERROR_MODELS } from '../errors/index.js'
import type { MockState } from '../engine/mock-state.js'
import { UNAUTHORIZED_TEXT, type Refusal } from '../oauth/errors.js'

/** The mock's own message for refusals the examples show without a more specific one. */
const OWN_MESSAGE: Partial<Record<Refusal, string>> = {
  'missing-token': UNAUTHORIZED_TEXT,
  'invalid-token': UNAUTHORIZED_TEXT,
}

/** A response object for `refusal`: the model's schema (token endpoint or resource) and its example. */
export function errorResponse(state: MockState, refusal: Refusal, description: string, options: { token?: boolean; message?: string } = {}) {
  const { errors, apiVersion } = state.profile
  const model = ERROR_MODELS[errors.model]
  const message = options.message ?? OWN_MESSAGE[refusal] ?? description
  const example = model.example(refusal, errors, message, apiVersion?.accepted ?? [])
  const schema = model.schemaFor?.(errors) ?? (options.token === true ? model.tokenSchema : model.resourceSchema)
  return { description, content: { [errors.mediaType ?? 'application/json']: example === undefined ? { schema } : { schema, example } } }
}

/** The 400 a bearer route answers when the session's antiforgery pair is missing; nothing for profiles without antiforgery. */
export function antiforgeryResponses(state: MockState) {
  const rule = state.profile.antiforgery
  if (rule === undefined) return {}
  return { 400: errorResponse(state, 'invalid-antiforgery', `The ${rule.cookie} cookie and ${rule.header} header are missing or differ.`, { message: 'The antiforgery token is missing or invalid.' }) }
}
