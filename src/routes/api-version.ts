/** @module The profile's version header (VBR's x-api-version, VSPC's optional x-client-version): checked before any route. */
import type { MockState } from '../engine/mock-state.js'
import { CONTROL_PREFIX } from '../control/intercept.js'
import { OAuthError, ResourceError, type Refusal } from '../oauth/errors.js'
import type { Middleware } from './env.js'
import { requestHeader } from './request-header.js'

/** Pages of the mock's own (docs, Swagger UI, discovery, control) that answer without the header. */
export function isApiPath(path: string, discovery: ReadonlySet<string>): boolean {
  if (path === '/' || path === '/openapi.json' || discovery.has(path)) return false
  if (path === '/swagger' || path.startsWith('/swagger/')) return false
  return !(path === CONTROL_PREFIX || path.startsWith(`${CONTROL_PREFIX}/`))
}

/** Middleware refusing API requests without an accepted version; undefined when the profile has no version header. */
export function apiVersionCheck(state: MockState, discoveryPaths: readonly string[]): Middleware | undefined {
  const rule = state.profile.apiVersion
  if (rule === undefined) return undefined
  const accepted = new Set(rule.accepted)
  const discovery = new Set(discoveryPaths)
  const list = rule.accepted.join(', ')
  const header = rule.header.toLowerCase()
  const { tokenPath } = state.profile
  // On the token endpoint the refusal takes the token endpoint's error shape (VSPC: OAuth2Error, as /token documents 400).
  const refuse = (path: string, message: string, refusal: Refusal) =>
    path === tokenPath ? new OAuthError(400, 'invalid_request', message, {}, refusal) : new ResourceError(400, message, {}, refusal)
  return async function apiVersion(c, next) {
    if (!isApiPath(c.req.path, discovery)) return next()
    // From node's parsed headers (lower-case names): c.req.header() would build a Headers object on every request.
    const sent = requestHeader(c.req.raw, c.env, header)
    if (sent === undefined || sent.trim() === '') {
      if (rule.optional === true || state.quirks.has('api-version-not-required')) return next()
      throw refuse(c.req.path, `The ${rule.header} header is required; send one of ${list}.`, 'missing-version')
    }
    const version = sent.trim()
    if (!accepted.has(version) && !state.quirks.has('any-api-version-accepted')) {
      const shown = version.length > 40 ? `${version.slice(0, 40)}...` : version
      throw refuse(c.req.path, `API version ${JSON.stringify(shown)} is not supported; send one of ${list}.`, 'unsupported-version')
    }
    await next()
  }
}
