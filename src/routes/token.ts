/** @module POST <tokenPath>: the OAuth 2.0 token endpoint. */
import { createRoute } from '@hono/zod-openapi'
import { issueSession } from '../engine/sessions.js'
import type { MockState } from '../engine/mock-state.js'
import { bodyTooLarge, invalidClient, invalidGrant, unsupportedGrantType } from '../oauth/errors.js'
import { BAD_CLIENT_TEXT } from '../oauth/grants/client-credentials.js'
import { WRONG_PASSWORD_TEXT } from '../oauth/grants/password.js'
import { GRANTS } from '../oauth/grants/index.js'
import { readTokenParams } from '../oauth/token-params.js'
import type { GrantType } from '../profiles/profile.js'
import { mount, type App } from './env.js'
import { readLimitedBody } from './read-body.js'
import { NO_STORE } from './render-error.js'
import { requestHeader } from './request-header.js'
import { json, OAuthErrorBody, TokenResponse, tokenRequestSchema } from './schemas.js'

export const TOKEN_BODY_LIMIT = 64 * 1024

const TOKEN_HEADERS = { 'content-type': 'application/json', ...NO_STORE }

/** The 200 body as the server shapes it: the profile's fields, token type and expires_in; sample tokens. */
function tokenExample(state: MockState): Record<string, unknown> {
  const sample: Record<string, unknown> = {
    access_token: '0G072fREAFX3G2hIOQYiCLxvx-NvSra2GtQ',
    token_type: state.profile.tokenResponse.tokenType,
    expires_in: Math.max(1, state.lifetimes.accessSeconds - 1),
    refresh_token: 'Yp5SaGYSR6ChFkr9T5LJ2PcNNGAR+Df9ixOALtAsOD0=',
  }
  return Object.fromEntries(state.profile.tokenResponse.fields.map((field) => [field, sample[field]]))
}

export function mountToken(app: App, state: MockState): void {
  const { profile } = state
  const form = { schema: tokenRequestSchema(profile) }
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
        content: Object.fromEntries(profile.formContentTypes.map((type) => [type, form])),
      },
    },
    responses: {
      200: json(TokenResponse, 'An access token, its lifetime and a refresh token.', tokenExample(state)),
      400: json(OAuthErrorBody, 'The request was refused (RFC 6749 section 5.2), e.g. a wrong password.', invalidGrant(WRONG_PASSWORD_TEXT).body()),
      // Only the client_credentials grant authenticates a client, with HTTP Basic as one way.
      ...(profile.grants.includes('client_credentials') && {
        401: json(OAuthErrorBody, 'Client authentication with HTTP Basic failed (invalid_client).', invalidClient(BAD_CLIENT_TEXT, true).body()),
      }),
      413: json(OAuthErrorBody, `The body exceeds ${TOKEN_BODY_LIMIT / 1024} KiB.`, bodyTooLarge(TOKEN_BODY_LIMIT).body()),
    },
  })
  mount(app, route, async (c) => {
    const request = c.req.raw
    const params = await readTokenParams(requestHeader(request, c.env, 'content-type'), profile.formContentTypes, () =>
      readLimitedBody(request, c.env, TOKEN_BODY_LIMIT),
    )
    c.set('token', { params })
    const grantType = params.get('grant_type') ?? profile.defaultGrant
    if (!profile.grants.includes(grantType as GrantType)) {
      if (state.quirks.has('server-error-on-bad-grant')) throw new Error(`quirk: unhandled grant_type ${grantType}`)
      throw unsupportedGrantType(`grant_type=${grantType} is not supported; use ${profile.grants.join(', ')}.`)
    }
    const principal = GRANTS[grantType as GrantType](state, params, requestHeader(request, c.env, 'authorization'))
    const body = issueSession(state, principal, grantType !== 'refresh_token')
    const { access_token, refresh_token } = body
    if (typeof access_token === 'string' && typeof refresh_token === 'string') c.set('token', { params, issued: { access_token, refresh_token } })
    // A plain header object lets @hono/node-server write the response without building a Headers object.
    return new Response(JSON.stringify(body), { status: 200, headers: TOKEN_HEADERS })
  })
}
