/** @module API keys (VSPC): create one for a user (query parameters only, no body), delete the login to revoke it. */
import { createRoute, z } from '@hono/zod-openapi'
import { userUid } from '../accounts/user-uid.js'
import { MAX_API_KEYS, type ApiKey } from '../engine/api-keys.js'
import type { MockState } from '../engine/mock-state.js'
import { bearerAuth } from '../oauth/bearer.js'
import { badRequest, notFound, UNAUTHORIZED_TEXT } from '../oauth/errors.js'
import type { Account } from '../store/types.js'
import { serverTimeText } from '../resources/server-time.js'
import { errorResponse } from './error-responses.js'
import { mount, type App } from './env.js'
import { bearerSecurity, json } from './schemas.js'
import { loginIdMessage, loginIdOf, NO_USER, userInPath } from './user-access.js'

const NO_DESCRIPTION = 'description is required (1 to 256 characters).'

const SCOPES = ['ui', 'rest', 'integration'] as const

/** The vendor's example login, with a key of the mock's shape. */
const EXAMPLE_LOGIN = {
  id: 12,
  userUid: '955b0b80-03b2-49fd-bf38-14785ecff0a8',
  userName: 'vspc\\administrator',
  companyId: null,
  companyName: null,
  identityProviderName: 'AK',
  description: 'Portal Operator API Key',
  isReadAccessOnly: true,
  scopes: ['integration', 'rest'],
  status: 'enabled',
  parameters: '4baccb809a3578f4xZGp74ik1k54wD03Y25fJ7KRIR7oVJsfgyFuQj4yaCFkhQMA5qjHyETS95PCy3uKcNm2bz6NrtVFHELWPh7mZxpx6cczHZYAbuu',
  identifierInProvider: '12',
  creationDate: '2026-01-01T09:30:00.0000000+00:00',
}

const UserLogin = z
  .object({
    id: z.int(),
    userUid: z.string().openapi({ format: 'uuid' }),
    userName: z.string(),
    companyId: z.string().nullable().openapi({ format: 'uuid' }),
    companyName: z.string().nullable(),
    identityProviderName: z.string().openapi({ example: 'AK' }),
    description: z.string(),
    isReadAccessOnly: z.boolean(),
    scopes: z.array(z.enum(SCOPES)),
    status: z.enum(['enabled', 'disabled']),
    parameters: z.string().openapi({ description: 'The API key, shown only in this answer.' }),
    identifierInProvider: z.string(),
    creationDate: z.string().openapi({ format: 'date-time' }),
  })
  .openapi('UserLogin')

const CreateQuery = z.object({
  description: z.string().openapi({ param: { name: 'description', in: 'query' }, example: 'CI API key' }),
  scopes: z.string().openapi({ param: { name: 'scopes', in: 'query' }, example: '["rest"]', description: 'JSON array of ui, rest, integration.' }),
  isReadAccessOnly: z.string().optional().openapi({ param: { name: 'isReadAccessOnly', in: 'query' }, example: 'false' }),
})
const UserUidParam = z.object({ userUid: z.string().openapi({ param: { name: 'userUid', in: 'path' }, format: 'uuid' }) })
const LoginParams = UserUidParam.extend({ userLoginId: z.string().openapi({ param: { name: 'userLoginId', in: 'path' }, description: 'int64' }) })

/** `["rest","ui"]` (the vendor's example) or `rest,ui`, each a known scope, none twice. */
function scopesOf(text: string | undefined): string[] {
  if (text === undefined || text.length > 200) throw badRequest('scopes is required: a JSON array of ui, rest, integration.')
  let list: unknown
  try {
    list = text.trim().startsWith('[') ? JSON.parse(text) : text.split(',').map((s) => s.trim())
  } catch {
    throw badRequest('scopes must be a JSON array of ui, rest, integration.')
  }
  if (!Array.isArray(list) || list.length === 0 || list.some((s) => !(SCOPES as readonly unknown[]).includes(s)) || new Set(list).size !== list.length) {
    throw badRequest('scopes must be a JSON array of ui, rest, integration.')
  }
  return list as string[]
}

function boolOf(text: string | undefined): boolean {
  if (text === undefined || text === 'false') return false
  if (text === 'true') return true
  throw badRequest('isReadAccessOnly must be true or false.')
}

function view(account: Account, key: ApiKey, secret: string) {
  return {
    id: key.id,
    userUid: userUid(account),
    userName: `${account.domain}\\${account.name}`,
    companyId: null,
    companyName: null,
    identityProviderName: 'AK',
    description: key.description,
    isReadAccessOnly: key.readOnly,
    scopes: key.scopes,
    status: 'enabled',
    parameters: secret,
    identifierInProvider: String(key.id),
    creationDate: serverTimeText(key.createdAt),
  }
}

export function mountApiKeys(app: App, base: MockState): void {
  const spec = base.profile.apiKeys
  if (spec === undefined) return
  const security = bearerSecurity(base.profile)
  const denied = {
    401: errorResponse(base, 'missing-token', UNAUTHORIZED_TEXT),
    403: errorResponse(base, 'forbidden', 'The user is not the caller, and the caller may not act for others.'),
    404: errorResponse(base, 'not-found', 'No such user, or no such login of the user.', { message: NO_USER }),
  }
  const create = createRoute({
    method: 'post',
    path: spec.createPath,
    operationId: 'AddApiKeyLogin',
    tags: [spec.tag],
    summary: 'Assign API Key to User',
    description: 'Creates a permanent API key for the user; send it as `Authorization: Bearer <key>`. The key is in `data.parameters`.',
    security,
    request: { params: UserUidParam, query: CreateQuery },
    responses: {
      200: json(z.object({ data: UserLogin }).openapi('UserLoginResponse'), 'The new login; the key is shown only here.', { data: EXAMPLE_LOGIN }),
      400: errorResponse(base, 'bad-request', 'A query parameter is missing or invalid.', { message: NO_DESCRIPTION }),
      ...denied,
    },
  })
  mount(app, create, bearerAuth(), (c) => {
    const state = c.get('state')
    const account = userInPath(state, c.get('caller'), c.req.param('userUid'))
    const description = c.req.query('description')
    if (description === undefined || description === '' || description.length > 256) throw badRequest(NO_DESCRIPTION)
    const scopes = scopesOf(c.req.query('scopes'))
    const readOnly = boolOf(c.req.query('isReadAccessOnly'))
    if (state.apiKeys.size >= MAX_API_KEYS) throw badRequest(`At most ${MAX_API_KEYS} API keys exist at once; delete one first.`)
    const { key, record } = state.apiKeys.create(state, { accountId: account.id, description, scopes, readOnly })
    return c.json({ data: view(account, record, key) }, 200, { 'Cache-Control': 'no-store' })
  })
  const remove = createRoute({
    method: 'delete',
    path: spec.deletePath,
    operationId: 'DeleteUserLogin',
    tags: [spec.tag],
    summary: 'Delete User Identity',
    description: 'Deletes the login; an API key stops working at once.',
    security,
    request: { params: LoginParams },
    responses: {
      200: json(z.object({ data: z.boolean() }).openapi('BooleanResponse'), 'Returns the `true` value if the resource is deleted successfully.', { data: true }),
      400: errorResponse(base, 'bad-request', 'userLoginId is not an integer.', { message: loginIdMessage('userLoginId') }),
      ...denied,
    },
  })
  mount(app, remove, bearerAuth(), (c) => {
    const state = c.get('state')
    const account = userInPath(state, c.get('caller'), c.req.param('userUid'))
    const id = loginIdOf(c.req.param('userLoginId'), 'userLoginId')!
    const known = state.quirks.has('api-key-survives-delete') ? state.apiKeys.has(account.id, id) : state.apiKeys.delete(account.id, id)
    if (!known) throw notFound('The user has no login with this ID.')
    return c.json({ data: true }, 200)
  })
}
