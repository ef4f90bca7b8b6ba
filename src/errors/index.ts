/** @module The error models by name: a profile's `errors.model` picks one. */
import type { ErrorModelSpec } from '../profiles/profile.js'
import type { ErrorModel } from './error-model.js'
import { oauthMessage } from './oauth-message.js'
import { problemDetails } from './problem-details.js'
import { restExceptionInfo } from './rest-exception-info.js'
import { vbrError } from './vbr-error.js'
import { vspcError } from './vspc.js'

export const ERROR_MODELS: Readonly<Record<ErrorModelSpec['model'], ErrorModel>> = {
  'oauth-message': oauthMessage,
  'vbr-error': vbrError,
  vspc: vspcError,
  'rest-exception-info': restExceptionInfo,
  'problem-details': problemDetails,
}

export type { ErrorModel, WireError } from './error-model.js'
