/** @module POST <tokenPath>: the OAuth 2.0 token endpoint. */
import { createRoute } from '@hono/zod-openapi'
import { issueAntiforgery } from '../engine/antiforgery.js'
import { issueSession } from '../engine/sessions.js'
import type { MockState } from '../engine/mock-state.js'
import { unsupportedGrantType } from '../oauth/errors.js'
import { GRANTS } from '../oauth/grants/index.js'
import { readTokenParams } from '../oauth/token-params.js'
import type { GrantType, Profile } from '../profiles/profile.js'
import { mount, type App } from './env.js'
import { readLimitedBody } from './read-body.js'
import { NO_STORE } from './render-error.js'
import { requestHeader } from './request-header.js'
import { errorResponse } from './error-responses.js'
import { json, OAuthErrorBody, tokenRequestSchema, tokenResponseSchema } from './schemas.js'

export const TOKEN_BODY_LIMIT = 64 * 1024

const TOKEN_HEADERS = { 'content-type': 'application/json', ...NO_STORE }

/** The success headers: the profile's content type where it names one (VB365: with a charset). */
function tokenHeaders(profile: Profile): Record<string, string> {
  const type = profile.tokenResponse.contentType
  return type === undefined ? TOKEN_HEADERS : { ...TOKEN_HEADERS, 'content-type': type }
}

/** The token endpoint's refusals: RFC 6749 for the orchestrators, the profile's error model otherwise. */
function errorResponses(state: MockState) {
  if (state.profile.errors.model === 'oauth-message') {
    return {
      400: json(OAuthErrorBody, 'The request was refused (RFC 6749 section 5.2).'),
      401: json(OAuthErrorBody, 'Client authentication with HTTP Basic failed (invalid_client).'),
      413: json(OAuthErrorBody, `The body exceeds ${TOKEN_BODY_LIMIT / 1024} KiB.`),
    }
  }
  const token = { token: true }
  // Models that answer bad credentials with 400 (VB365, Veeam ONE) document one 400 for every refusal.
  const credentials = state.profile.errors.refusals?.['invalid-credentials']?.status ?? 400
  return {
    400: errorResponse(
      state,
      'invalid-request',
      credentials === 400
        ? 'The request is refused: a missing field, an unsupported grant_type, wrong credentials, or a used, expired or unknown refresh token.'
        : 'The request is malformed: a missing field, an unsupported grant_type or API version.',
      token,
    ),
    ...(credentials !== 400 && {
      [credentials]: errorResponse(state, 'invalid-credentials', 'The user name or password is incorrect, or the refresh token is used up or expired.', token),
    }),
    413: errorResponse(state, 'too-large', `The body exceeds ${TOKEN_BODY_LIMIT / 1024} KiB.`, token),
  }
}

/** The engine's grant for a grant_type as sent, if the profile performs it (ignoring case where the profile says so). */
function grantMatcher(profile: Profile): (sent: string) => GrantType | undefined {
  const byName = new Map<string, GrantType>(profile.grants.map((grant) => [profile.grantsIgnoreCase ? grant.toLowerCase() : grant, grant]))
  return profile.grantsIgnoreCase ? (sent) => byName.get(sent.toLowerCase()) : (sent) => byName.get(sent)
}

export function mountToken(app: App, state: MockState): void {
  const { profile } = state
  const grantOf = grantMatcher(profile)
  const shortTermField = profile.shortTermRefresh?.field
  const form = { schema: tokenRequestSchema(profile) }
  const jsonTypes = profile.jsonContentTypes ?? []
  const headers = tokenHeaders(profile)
  const route = createRoute({
    method: 'post',
    path: profile.tokenPath,
    operationId: 'issueToken',
    tags: [profile.tokenTag],
    summary: 'Obtain an access token and a refresh token',
    description: `Grants: ${profile.grants.join(', ')}. grant_type defaults to ${profile.defaultGrant}.`,
    request: {
      body: {
        required: true,
        content: Object.fromEntries([...profile.formContentTypes, ...jsonTypes].map((type) => [type, form])),
      },
    },
    responses: {
      200: json(tokenResponseSchema(profile), 'An access token, its lifetime and a refresh token.'),
      ...errorResponses(state),
    },
  })
  mount(app, route, async (c) => {
    const request = c.req.raw
    const params = await readTokenParams(
      requestHeader(request, c.env, 'content-type'),
      profile.formContentTypes,
      () => readLimitedBody(request, c.env, TOKEN_BODY_LIMIT),
      jsonTypes,
    )
    c.set('token', { params })
    const grantType = grantOf(params.get('grant_type') ?? profile.defaultGrant)
    if (grantType === undefined) {
      const named = params.get('grant_type')
      if (state.quirks.has('server-error-on-bad-grant')) throw new Error(`quirk: unhandled grant_type ${named}`)
      throw unsupportedGrantType(`grant_type=${named} is not supported; use ${profile.grants.join(', ')}.`)
    }
    // Inline and anonymous: tsx would wrap a named closure in __name on every request.
    const principal = GRANTS[grantType](state, params, requestHeader(request, c.env, 'authorization'), (name) => requestHeader(request, c.env, name))
    const shortTerm = shortTermField !== undefined && params.get(shortTermField)?.toLowerCase() === 'true'
    const antiforgery = issueAntiforgery(state, params)
    const body = issueSession(state, principal, { login: grantType !== 'refresh_token', shortTerm, ...(antiforgery !== undefined && { antiforgery: antiforgery.digest }) })
    const { access_token, refresh_token } = body
    if (typeof access_token === 'string' && typeof refresh_token === 'string') c.set('token', { params, issued: { access_token, refresh_token } })
    // A plain header object lets @hono/node-server write the response without building a Headers object.
    const sent = antiforgery === undefined ? headers : { ...headers, 'set-cookie': antiforgery.setCookie }
    return new Response(JSON.stringify(body), { status: 200, headers: sent })
  })
}
