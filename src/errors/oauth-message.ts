/** @module The orchestrator family's errors: RFC 6749 section 5.2 JSON on the token endpoint, `{message}` on every other route. */
import { OAuthError } from '../oauth/errors.js'
import { OAuthErrorBody, ResourceErrorBody } from '../routes/schemas.js'
import type { ErrorModel } from './error-model.js'

export const oauthMessage: ErrorModel = {
  codeField: { token: 'error' },
  render(error) {
    if (error instanceof OAuthError) return { status: error.status, body: error.body(), headers: error.headers }
    return { status: error.status, body: { message: error.message }, headers: error.headers }
  },
  tokenSchema: OAuthErrorBody,
  resourceSchema: ResourceErrorBody,
  // Routes other than the token endpoint answer {message}; the token endpoint documents its RFC 6749 bodies itself.
  example: (_refusal, _spec, message) => ({ message }),
}
