/**
 * @module The orchestrator family's errors: RFC 6749 section 5.2 JSON on the token endpoint, `{message}` on every
 * other route. A token refusal the profile's `errors.refusals` names answers its status and code (e.g. a role
 * refusal recorded from a server that answers unauthorized_client); the others, RFC 6749's.
 */
import { OAuthError } from '../oauth/errors.js'
import { OAuthErrorBody, ResourceErrorBody } from '../routes/schemas.js'
import type { ErrorModel } from './error-model.js'

export const oauthMessage: ErrorModel = {
  codeField: { token: 'error' },
  render(error, spec) {
    if (error instanceof OAuthError) {
      const answer = spec.refusals?.[error.refusal]
      const body = answer?.code === undefined ? error.body() : { ...error.body(), error: answer.code }
      return { status: answer?.status ?? error.status, body, headers: error.headers }
    }
    return { status: error.status, body: { message: error.message }, headers: error.headers }
  },
  tokenSchema: OAuthErrorBody,
  resourceSchema: ResourceErrorBody,
  // Routes other than the token endpoint answer {message}; the token endpoint documents its RFC 6749 bodies itself.
  example: (_refusal, _spec, message) => ({ message }),
}
