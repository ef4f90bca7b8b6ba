/** @module Wire schemas, shared by the routes and the emitted OpenAPI document. */
import { z } from '@hono/zod-openapi'
import type { Profile, TokenField } from '../profiles/profile.js'
import { UNAUTHORIZED_TEXT } from '../oauth/errors.js'

/**
 * The token form as Swagger UI should render it: a grant_type drop-down and flat fields. Which
 * fields each grant needs is enforced by the server (a oneOf would not render as a form). Every
 * field has an empty example so "Try it out" sends no placeholder text.
 */
export function tokenRequestSchema(profile: Profile) {
  // VBR 1.3-rev1 and later document Password, Refresh_token, ...; the server takes any case (grantsIgnoreCase).
  const spell = (grant: string) => (profile.grantSpelling === 'capitalised' ? grant[0]!.toUpperCase() + grant.slice(1) : grant)
  const grants = [...profile.grants, ...profile.listedGrants].map(spell) as [string, ...string[]]
  const field = (description: string) => z.string().optional().openapi({ description, example: '' })
  const clientFields = profile.grants.includes('client_credentials')
    ? {
        client_id: field('Required if grant_type is client_credentials (or send HTTP Basic).'),
        client_secret: field('Required if grant_type is client_credentials (or send HTTP Basic).'),
      }
    : {}
  return z
    .object({
      grant_type: z.enum(grants).default(spell(profile.defaultGrant)).openapi({ description: 'The OAuth 2.0 grant.' }),
      username: field(
        profile.usernames.bareAllowed
          ? 'Required if grant_type is password. DOMAIN\\USERNAME or USERNAME.'
          : 'Required if grant_type is password. DOMAIN\\USERNAME.',
      ),
      password: field('Required if grant_type is password.'),
      ...clientFields,
      refresh_token: field('Required if grant_type is refresh_token.'),
      ...(profile.grants.includes('authorization_code') && { code: field('Required if grant_type is authorization_code.') }),
      ...(profile.grants.includes('mfa') && {
        mfa_token: field('Required if grant_type is mfa: the mfa_token of the password step.'),
        mfa_code: field('Required if grant_type is mfa: the current six-digit TOTP code.'),
      }),
      ...(profile.grants.includes('as') && { userUid: field('Required if grant_type is as: the UID of the user to act as.') }),
      ...(profile.readOnlyField !== undefined && {
        [profile.readOnlyField]: field('true or false. If true, the token may only send GET requests. Any grant type.'),
      }),
      // A text field, not a boolean: Swagger UI would pick "true" in a boolean drop-down and send it unasked.
      ...(profile.shortTermRefresh !== undefined && {
        [profile.shortTermRefresh.field]: field(
          `true or false. If true, the refresh token lives the access token lifetime plus ${profile.shortTermRefresh.extraSeconds / 60} minutes.`,
        ),
      }),
      ...(profile.antiforgery !== undefined && {
        [profile.antiforgery.optOutField]: z.boolean().nullable().optional().openapi({
          description: `If true, the tokens need no antiforgery token; otherwise the response sets the ${profile.antiforgery.cookie} cookie and every later request, refresh included, must repeat its value in the ${profile.antiforgery.header} header.`,
        }),
      }),
      ...Object.fromEntries((profile.listedFields ?? []).map((name) => [name, field('Listed by the vendor; not emulated (its grant is answered as unsupported).')])),
    })
    .openapi('TokenRequest')
}

export const TokenResponse = z
  .object({
    access_token: z.string().openapi({ example: '0G072fREAFX3G2hIOQYiCLxvx-NvSra2GtQ' }),
    token_type: z.string().openapi({ example: 'bearer' }),
    expires_in: z.int().positive().openapi({ description: 'Seconds until the access token expires.', example: 899 }),
    refresh_token: z.string().openapi({ example: 'Yp5SaGYSR6ChFkr9T5LJ2PcNNGAR+Df9ixOALtAsOD0=' }),
  })
  .strict()
  .openapi('TokenResponse')

const TOKEN_FIELD_SCHEMAS: Record<TokenField, z.ZodType> = {
  access_token: z.string().openapi({ description: 'String that represents authorization issued to the client.' }),
  token_type: z.string().openapi({ example: 'bearer' }),
  refresh_token: z.string().openapi({ description: 'Used once to obtain a new pair of tokens.' }),
  expires_in: z.int().positive().openapi({ description: 'Lifetime of the access token, in seconds.', example: 900 }),
  '.issued': z.string().openapi({ format: 'date-time', description: 'Date and time when the access token is issued.' }),
  '.expires': z.string().openapi({ format: 'date-time', description: 'Date and time when the access token expires.' }),
  username: z.string().openapi({ description: 'The user name the tokens were issued to.', example: 'administrator' }),
  mfa_token: z.string().openapi({ description: 'MFA token: send it with grant_type=mfa and the TOTP code.' }),
  encrypted_code: z.string().openapi({ description: 'Encrypted authorization code.' }),
  userName: z.string().openapi({ description: 'Name of the authorized user.', example: 'administrator' }),
  user: z.string().openapi({ description: 'User name in the DOMAIN\\USERNAME format.', example: 'one-srv\\administrator' }),
  user_role: z.string().openapi({ description: 'Role of the user (AccessTokenRole).', example: 'Admin' }),
}

const ORCHESTRATOR_FIELDS = 'access_token,token_type,expires_in,refresh_token'

/** The success body of the token endpoint: the orchestrators' four fields, or exactly the profile's (VBR's TokenModel). */
export function tokenResponseSchema(profile: Profile): z.ZodType {
  const { fields, nullable, optional = [], schemaName } = profile.tokenResponse
  if (fields.join(',') === ORCHESTRATOR_FIELDS && schemaName === undefined) return TokenResponse
  const schema = (field: TokenField) => {
    const base = nullable === true ? TOKEN_FIELD_SCHEMAS[field].nullable() : TOKEN_FIELD_SCHEMAS[field]
    return optional.includes(field) ? base.optional() : base
  }
  return z.object(Object.fromEntries(fields.map((field) => [field, schema(field)]))).strict().openapi(schemaName ?? 'TokenModel')
}

export const OAuthErrorBody = z
  .object({
    error: z.enum([
      'invalid_request',
      'invalid_client',
      'invalid_grant',
      'unauthorized_client',
      'unsupported_grant_type',
      'invalid_scope',
    ]),
    error_description: z.string().optional(),
  })
  .openapi('OAuthError', { description: 'RFC 6749 section 5.2 error response.' })

// No field example: each response gives its own, the text the server sends with that status.
export const ResourceErrorBody = z.object({ message: z.string() }).openapi('ResourceError')

export const ClientCredentialsBody = z
  .object({
    client_id: z.string().openapi({ example: '4a346f40-d4b6-4ed8-913d-d6e1297a75a4' }),
    client_secret: z.string().openapi({ example: 'AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA...' }),
  })
  .strict()
  .openapi('ClientCredentials')

export const ClientIdList = z
  .array(z.string())
  .openapi('ClientIdList', { example: ['4f82b8c7-4019-416d-9692-3eae94523bdc'] })

/** A JSON response; `example` is what the server answers with this status (test/openapi-examples.test.ts holds it to that). */
export const json = <S extends z.ZodType>(schema: S, description: string, example?: unknown) => ({
  content: { 'application/json': { schema, ...(example === undefined ? {} : { example }) } },
  description,
})

export const UNAUTHORIZED_RESPONSE = json(ResourceErrorBody, UNAUTHORIZED_TEXT, { message: UNAUTHORIZED_TEXT })

/** A sample client ID; the 404 example names it, as the server does the ID it was given. */
export const SAMPLE_CLIENT_ID = '4f82b8c7-4019-416d-9692-3eae94523bdc'

/** The security of bearer-protected operations, as the vendor's 7.21 reference declares it plus a plain bearer. */
export function bearerSecurity(profile: Profile): Record<string, string[]>[] {
  const oauth = profile.grants.includes('client_credentials') ? [{ userAuth: [] }, { clientAuth: [] }] : [{ userAuth: [] }]
  return [...oauth, { bearerAuth: [] }]
}
