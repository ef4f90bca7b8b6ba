/** @module POST <tokenPath>: the OAuth 2.0 token endpoint. */
import { createRoute } from '@hono/zod-openapi'
import { dateWithOffset, issueSession, pendingBody } from '../engine/sessions.js'
import { tokenRequestAccount } from '../engine/throttle.js'
import { issueAntiforgery } from '../engine/antiforgery.js'
import type { MockState } from '../engine/mock-state.js'
import { bodyTooLarge, invalidClient, invalidGrant, unsupportedGrantType } from '../oauth/errors.js'
import { BAD_CLIENT_TEXT } from '../oauth/grants/client-credentials.js'
import { WRONG_PASSWORD_TEXT } from '../oauth/grants/password.js'
import { GRANTS } from '../oauth/grants/index.js'
import { missingParameter, readTokenParams } from '../oauth/token-params.js'
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

/** The 200 body as the server shapes it: the profile's fields, token type and expires_in; sample tokens and dates. */
function tokenExample(state: MockState): Record<string, unknown> {
  const { tokenResponse, tokenFormat } = state.profile
  const { accessSeconds } = state.lifetimes
  const jwt = tokenFormat === 'jwt'
  const hs256 = tokenFormat === 'hs256-jwt'
  const sample: Record<string, unknown> = {
    access_token: hs256 ? 'eyJhbGciOiJIUzI1NiIsImtpZCI6IldlYkFwaVNlY3VyaXR5S2V5IiwidHlwIjoiSldUIn0...' : jwt ? 'eyJhbGciOiJSUzUxMiIsImtpZCI6IjRFOTE2QjIwMTkzMENEOUFFNDRDMjAwMTlGODdGMkE0RUYyMjczMDMiLCJ0eXAiOiJKV1QifQ...' : '0G072fREAFX3G2hIOQYiCLxvx-NvSra2GtQ',
    token_type: tokenResponse.tokenType,
    expires_in: tokenResponse.expiresIn === 'lifetime' ? accessSeconds : Math.max(1, accessSeconds - 1),
    refresh_token: hs256 ? '523cf7a168ac46b3bc4f884570f7bb5c' : jwt ? 'eyJhbGciOiJSUzUxMiIsImtpZCI6IjRFOTE2QjIwMTkzMENEOUFFNDRDMjAwMTlGODdGMkE0RUYyMjczMDMiLCJ0eXAiOiJKV1QifQ...' : 'Yp5SaGYSR6ChFkr9T5LJ2PcNNGAR+Df9ixOALtAsOD0=',
    '.issued': dateWithOffset(Date.UTC(2026, 0, 1)),
    '.expires': dateWithOffset(Date.UTC(2026, 0, 1) + accessSeconds * 1000),
    username: 'administrator',
    mfa_token: null,
    encrypted_code: null,
    userName: 'administrator',
    user: `${state.profile.usernames.defaultDomain}\\administrator`,
    user_role: state.profile.roles[0],
  }
  return Object.fromEntries(tokenResponse.fields.map((field) => [field, sample[field]]))
}

/** The token endpoint's refusals: RFC 6749 for the orchestrators, the profile's error model otherwise. */
function errorResponses(state: MockState) {
  const { profile } = state
  if (profile.errors.model === 'oauth-message') {
    return {
      400: json(OAuthErrorBody, 'The request was refused (RFC 6749 section 5.2), e.g. a wrong password.', invalidGrant(WRONG_PASSWORD_TEXT, 'invalid-credentials').body()),
      // Only the client_credentials grant authenticates a client, with HTTP Basic as one way.
      ...(profile.grants.includes('client_credentials') && {
        401: json(OAuthErrorBody, 'Client authentication with HTTP Basic failed (invalid_client).', invalidClient(BAD_CLIENT_TEXT, true).body()),
      }),
      413: json(OAuthErrorBody, `The body exceeds ${TOKEN_BODY_LIMIT / 1024} KiB.`, bodyTooLarge(TOKEN_BODY_LIMIT).body()),
      // Refusals the profile answers with another status (oauth-message.ts).
      ...Object.fromEntries(
        Object.entries(profile.errors.refusals ?? {})
          .filter(([, answer]) => ![400, 401, 413].includes(answer.status))
          .map(([refusal, answer]) => [answer.status, json(OAuthErrorBody, `The request was refused (${refusal}).`, { error: answer.code ?? 'invalid_request', error_description: 'Refused.' })]),
      ),
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
      { ...token, message: missingParameter('password', 'password').description },
    ),
    ...(credentials !== 400 && {
      [credentials]: errorResponse(state, 'invalid-credentials', 'The user name or password is incorrect, or the refresh token is used up or expired.', {
        ...token,
        message: WRONG_PASSWORD_TEXT,
      }),
    }),
    413: errorResponse(state, 'too-large', `The body exceeds ${TOKEN_BODY_LIMIT / 1024} KiB.`, { ...token, message: bodyTooLarge(TOKEN_BODY_LIMIT).description }),
  }
}

/** The engine's grant for a grant_type as sent, if the profile performs it (ignoring case where the profile says so). */
function grantMatcher(profile: Profile): (sent: string) => GrantType | undefined {
  const byName = new Map<string, GrantType>(profile.grants.map((grant) => [profile.grantsIgnoreCase ? grant.toLowerCase() : grant, grant]))
  return profile.grantsIgnoreCase ? (sent) => byName.get(sent.toLowerCase()) : (sent) => byName.get(sent)
}

export function mountToken(app: App, base: MockState): void {
  const { profile } = base
  const grantOf = grantMatcher(profile)
  const shortTermField = profile.shortTermRefresh?.field
  const readOnlyField = profile.readOnlyField
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
      200: json(tokenResponseSchema(profile), 'An access token, its lifetime and a refresh token.', tokenExample(base)),
      ...errorResponses(base),
    },
  })
  mount(app, route, async (c) => {
    const state = c.get('state')
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
    // Counted before the grant runs, so a throttled request changes nothing (a refresh token stays unused).
    state.throttle?.take(tokenRequestAccount(state, params), state.clock.now(), !state.quirks.has('throttle-without-retry-after'))
    // Inline and anonymous: tsx would wrap a named closure in __name on every request.
    const result = GRANTS[grantType](state, params, requestHeader(request, c.env, 'authorization'), (name) => requestHeader(request, c.env, name))
    if ('mfaToken' in result) return new Response(JSON.stringify(pendingBody(state, result.mfaToken)), { status: 200, headers: TOKEN_HEADERS })
    const shortTerm = shortTermField !== undefined && params.get(shortTermField)?.toLowerCase() === 'true'
    const readOnly = readOnlyField !== undefined && params.get(readOnlyField)?.toLowerCase() === 'true'
    const antiforgery = issueAntiforgery(state, params)
    const body = issueSession(state, result, {
      login: grantType !== 'refresh_token' && grantType !== 'as',
      shortTerm,
      readOnly,
      ...(antiforgery !== undefined && { antiforgery: antiforgery.digest }),
    })
    const { access_token, refresh_token } = body
    if (typeof access_token === 'string' && typeof refresh_token === 'string') c.set('token', { params, issued: { access_token, refresh_token } })
    // A plain header object lets @hono/node-server write the response without building a Headers object.
    const sent = antiforgery === undefined ? headers : { ...headers, 'set-cookie': antiforgery.setCookie }
    return new Response(JSON.stringify(body), { status: 200, headers: sent })
  })
}
