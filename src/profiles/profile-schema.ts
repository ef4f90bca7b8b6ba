/**
 * @module The Profile type as a zod schema: what a profile file is checked against, and the source of
 * spec/profile.schema.json. A type test (profile-schema.test.ts) holds it equal to `Profile` in profile.ts.
 */
import { z } from 'zod'
import { REFUSALS } from '../oauth/errors.js'
import { StubSchema } from '../stubs/stub-schema.js'

/** A type's error: "required" when the field is missing, else what was expected. */
const expected = (what: string) => ({ error: (issue: { input?: unknown }) => (issue.input === undefined ? 'required' : what) })
const text = z.string(expected('expected a string'))
const nonEmpty = text.min(1, { error: 'expected a non-empty string' })
const positiveInt = z.int(expected('expected a positive integer')).min(1, { error: 'expected a positive integer' })
/** A path the server answers on: starts with a slash. */
const urlPath = text.regex(/^\/[^\s?#]*$/, { error: 'expected a path starting with /' })
const jsonObject = z.record(z.string(), z.unknown(), expected('expected an object'))
const strings = z.array(text, expected('expected an array of strings'))
const optional = <T extends z.ZodType>(schema: T) => schema.exactOptional()

const TokenField = z.enum(['access_token', 'token_type', 'expires_in', 'refresh_token', '.issued', '.expires', 'username', 'mfa_token', 'encrypted_code', 'userName', 'user', 'user_role'])
const GrantType = z.enum(['password', 'client_credentials', 'refresh_token', 'authorization_code', 'mfa', 'as'])

const RefusalAnswer = z.strictObject({
  status: z.int().min(400, { error: 'expected an HTTP error status (400-599)' }).max(599, { error: 'expected an HTTP error status (400-599)' }),
  code: optional(text),
  message: optional(text),
})

const NamedSchema = z.strictObject({ name: nonEmpty, definition: jsonObject })

const resourceBase = {
  path: urlPath,
  operationId: nonEmpty,
  summary: text,
  tag: nonEmpty,
  public: optional(z.boolean()),
  roles: optional(strings),
  schema: NamedSchema,
}

const ServerResource = z.discriminatedUnion('kind', [
  z.strictObject({ ...resourceBase, kind: z.literal('static'), body: jsonObject }),
  z.strictObject({ ...resourceBase, kind: z.literal('server-time'), timeZone: text, ianaTimeZoneId: optional(text) }),
  z.strictObject({ ...resourceBase, kind: z.literal('current-user'), organizationUid: nonEmpty }),
])

const Assumption = z.strictObject({ id: nonEmpty, rule: nonEmpty, reason: nonEmpty })

const clientErrorStatus = z.int(expected('expected a 4xx status (400-499)')).min(400, { error: 'expected a 4xx status (400-499)' }).max(499, { error: 'expected a 4xx status (400-499)' })
const Outcomes = z.strictObject({
  'client-create-forbidden-403': optional(clientErrorStatus),
  'client-delete-other-403': optional(clientErrorStatus),
  'unknown-client-404': optional(clientErrorStatus),
  'missing-client-id-400': optional(clientErrorStatus),
  'refresh-rotation': optional(z.boolean()),
  'logout-revokes-refresh': optional(z.boolean()),
})

const LogoutStyle = z.strictObject({
  method: z.enum(['DELETE', 'POST']),
  path: urlPath,
  status: z.literal([200, 204]),
  message: optional(text),
  objectBody: optional(jsonObject),
  scope: optional(z.enum(['session', 'user'])),
  assumed: optional(z.boolean()),
  params: optional(z.strictObject({ token: nonEmpty, user: nonEmpty })),
})

/** The fields of a profile, without the cross-field rules (so a file format can extend it). */
export const ProfileObject = z.strictObject({
  id: nonEmpty.regex(/^[a-z0-9][a-z0-9.-]*$/, { error: 'expected lower-case letters, digits, dots and hyphens (e.g. vro-7.3)' }),
  product: nonEmpty,
  version: nonEmpty,
  title: nonEmpty,
  vendorPort: z.int(expected('expected a port (1-65535)')).min(1, { error: 'expected a port (1-65535)' }).max(65535, { error: 'expected a port (1-65535)' }),
  tokenPath: urlPath,
  tokenTag: nonEmpty,
  clientBases: z.array(urlPath),
  clientsTag: nonEmpty,
  grants: z.array(GrantType).min(1, { error: 'expected at least one grant' }),
  listedGrants: strings,
  listedFields: optional(strings),
  defaultGrant: GrantType,
  usernames: z.strictObject({ bareAllowed: z.boolean(), defaultDomain: nonEmpty, localDomain: optional(text) }),
  roles: z.array(nonEmpty).min(1, { error: 'expected at least one role' }),
  otherRoles: optional(z.array(nonEmpty)),
  lifetimes: z.strictObject({ accessSeconds: positiveInt, refreshSeconds: positiveInt }),
  logout: optional(LogoutStyle),
  tokenResponse: z.strictObject({
    contentType: optional(nonEmpty),
    optional: optional(z.array(TokenField)),
    schemaName: optional(nonEmpty),
    tokenType: nonEmpty,
    fields: z.array(TokenField).min(1),
    expiresIn: z.enum(['lifetime-less-one', 'lifetime']),
    nullable: optional(z.literal(true)),
  }),
  tokenFormat: z.enum(['opaque', 'jwt', 'hs256-jwt']),
  pathsIgnoreCase: optional(z.boolean()),
  jsonContentTypes: optional(z.array(nonEmpty)),
  antiforgery: optional(z.strictObject({ cookie: nonEmpty, header: nonEmpty, optOutField: nonEmpty })),
  grantsIgnoreCase: optional(z.boolean()),
  grantSpelling: optional(z.enum(['lowercase', 'capitalised'])),
  authorizationCode: optional(
    z.strictObject({
      path: urlPath,
      lifetimeSeconds: positiveInt,
      field: optional(nonEmpty),
      schemaName: optional(nonEmpty),
      operationId: optional(nonEmpty),
      summary: optional(text),
    }),
  ),
  shortTermRefresh: optional(z.strictObject({ field: nonEmpty, extraSeconds: z.int().min(0) })),
  errors: z.strictObject({
    model: z.enum(['oauth-message', 'vbr-error', 'vspc', 'rest-exception-info', 'problem-details']),
    refusals: optional(z.partialRecord(z.enum(REFUSALS), RefusalAnswer)),
    fields: optional(z.array(z.enum(['errorCode', 'stackTrace']))),
    codes: optional(strings),
    mediaType: optional(nonEmpty),
  }),
  apiVersion: optional(
    z.strictObject({ header: nonEmpty, accepted: z.array(nonEmpty).min(1), default: nonEmpty, optional: optional(z.literal(true)), description: optional(text) }),
  ),
  discovery: optional(z.strictObject({ documentPaths: z.array(urlPath), uiPaths: z.array(urlPath) })),
  resources: optional(z.array(ServerResource)),
  formContentTypes: z.array(nonEmpty).min(1),
  mfa: optional(z.strictObject({ tokenLifetimeSeconds: positiveInt })),
  apiKeys: optional(z.strictObject({ createPath: urlPath, deletePath: urlPath, tag: nonEmpty })),
  impersonation: optional(z.strictObject({ roles: z.array(nonEmpty) })),
  readOnlyField: optional(nonEmpty),
  throttle: optional(z.strictObject({ requests: positiveInt, windowSeconds: positiveInt })),
  tags: optional(z.array(z.strictObject({ name: nonEmpty, description: text }))),
  sources: z.record(z.string(), text),
  assumptions: z.array(Assumption),
  outcomes: optional(Outcomes),
  documented: optional(strings),
  stubs: optional(z.array(StubSchema)),
})

/** Cross-field rules the engine relies on; JSON Schema cannot say them, so only the loader checks them. */
export function profileRules(p: z.output<typeof ProfileObject>, ctx: z.RefinementCtx): void {
  if (!p.grants.includes(p.defaultGrant)) ctx.addIssue({ code: 'custom', path: ['defaultGrant'], message: `expected one of grants (${p.grants.join(', ')})` })
  if (p.apiVersion !== undefined && !p.apiVersion.accepted.includes(p.apiVersion.default)) {
    ctx.addIssue({ code: 'custom', path: ['apiVersion', 'default'], message: 'expected one of apiVersion.accepted' })
  }
  if (p.errors.model === 'vbr-error') {
    const missing = REFUSALS.find((r) => p.errors.refusals?.[r] === undefined)
    if (missing !== undefined) ctx.addIssue({ code: 'custom', path: ['errors', 'refusals', missing], message: 'required by the vbr-error model (every refusal needs its status and code)' })
  }
}

export const ProfileSchema = ProfileObject.superRefine(profileRules)
