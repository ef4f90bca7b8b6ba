/** @module <base>/Clients: client accounts that inherit their user's rights. */
import { createRoute, z } from '@hono/zod-openapi'
import type { MockState } from '../engine/mock-state.js'
import { bearerAuth } from '../oauth/bearer.js'
import { badRequest, forbidden, notFound } from '../oauth/errors.js'
import { newClientId, newClientSecret } from '../security/credentials.js'
import { hashSecret } from '../security/secret.js'
import { mount, type App, type Caller } from './env.js'
import {
  bearerSecurity,
  ClientCredentialsBody,
  ClientIdList,
  json,
  ResourceErrorBody,
  UNAUTHORIZED_RESPONSE,
} from './schemas.js'

/** The operationId for `base`: plain for the newest version, suffixed (`listClientsV7_1`) for older ones. */
function operationId(name: string, base: string, newest: boolean): string {
  return newest ? name : `${name}V${base.replace(/^.*\/v/, '').replace(/\W/g, '_')}`
}

function createClient(state: MockState, caller: Caller): { client_id: string; client_secret: string } {
  if (caller.client !== undefined && !state.quirks.has('clients-can-create-clients')) {
    throw forbidden('Clients cannot create new client accounts.')
  }
  if (state.store.clientCountOf(caller.account.id) >= state.maxClientsPerUser) {
    throw forbidden(`This user already has ${state.maxClientsPerUser} client accounts, the most the mock allows; delete one first.`)
  }
  const id = newClientId(state.random)
  const secret = newClientSecret(state.random)
  state.store.addClient({ id, secretHash: hashSecret(secret), ownerId: caller.account.id })
  return { client_id: id, client_secret: secret }
}

function listClients(state: MockState, caller: Caller): string[] {
  if (caller.client !== undefined && !state.quirks.has('client-sees-sibling-ids')) return [caller.client.id]
  return state.store.clientsOf(caller.account.id).map((client) => client.id)
}

function deleteClient(state: MockState, caller: Caller, clientId: string | undefined): void {
  if (clientId === undefined || clientId === '') throw badRequest('The clientId query parameter is required.')
  const target = state.store.getClient(clientId)
  const mayDeleteSiblings = state.quirks.has('client-can-delete-siblings')
  if (caller.client !== undefined && !mayDeleteSiblings) {
    if (target?.id !== caller.client.id) throw forbidden('A client can delete only its own client account.')
  } else if (target === undefined || target.ownerId !== caller.account.id) {
    throw notFound(`No client account ${clientId} belongs to this user.`)
  }
  // The client's sessions die with it: bearer checks resolve the client on every request.
  state.store.deleteClient(target.id)
}

export function mountClients(app: App, state: MockState): void {
  const { clientBases, clientsTag } = state.profile
  const auth = bearerAuth(state)
  const forbiddenResponse = json(ResourceErrorBody, 'A client tried what only its user may do.')
  clientBases.forEach((base, index) => {
    const newest = index === clientBases.length - 1
    const common = { path: `${base}/Clients`, tags: [clientsTag], security: bearerSecurity(state.profile) }
    const create = createRoute({
      ...common,
      method: 'post',
      operationId: operationId('createClient', base, newest),
      summary: 'Create a client account (users only; clients cannot create clients)',
      responses: {
        200: json(ClientCredentialsBody, 'The new client ID and its secret; the secret is never shown again.'),
        401: UNAUTHORIZED_RESPONSE,
        403: forbiddenResponse,
      },
    })
    const list = createRoute({
      ...common,
      method: 'get',
      operationId: operationId('listClients', base, newest),
      summary: "List the IDs of the user's client accounts (a client sees only its own ID)",
      responses: { 200: json(ClientIdList, 'Client IDs.'), 401: UNAUTHORIZED_RESPONSE },
    })
    const remove = createRoute({
      ...common,
      method: 'delete',
      operationId: operationId('deleteClient', base, newest),
      summary: 'Delete a client account (a user: any of its clients; a client: only itself)',
      request: {
        query: z.object({
          clientId: z.string().openapi({ description: 'System ID assigned to a client.', example: '' }),
        }),
      },
      responses: {
        204: { description: 'Deleted; its tokens stop working at once.' },
        400: json(ResourceErrorBody, 'clientId is missing.'),
        401: UNAUTHORIZED_RESPONSE,
        403: forbiddenResponse,
        404: json(ResourceErrorBody, 'No such client account belongs to this user.'),
      },
    })
    mount(app, create, auth, (c) => {
      const created = createClient(state, c.get('caller'))
      if (!state.quirks.has('create-response-camel-case')) return c.json(created, 200)
      return c.json({ clientId: created.client_id, clientSecret: created.client_secret }, 200)
    })
    mount(app, list, auth, (c) => {
      const ids = listClients(state, c.get('caller'))
      return c.json(state.quirks.has('list-wrapped-in-object') ? { clients: ids } : ids, 200)
    })
    mount(app, remove, auth, (c) => {
      deleteClient(state, c.get('caller'), c.req.query('clientId'))
      return c.body(null, 204)
    })
  })
}
