/** @module <base>/Clients: client accounts that inherit their user's rights. */
import { createRoute, z } from '@hono/zod-openapi'
import type { MockState } from '../engine/mock-state.js'
import { outcomesOf, type ResolvedOutcomes } from '../engine/outcomes.js'
import { bearerAuth } from '../oauth/bearer.js'
import { forbidden, refusedWith } from '../oauth/errors.js'
import { newClientId, newClientSecret } from '../security/credentials.js'
import { hashSecret } from '../security/secret.js'
import { mount, type App, type Caller } from './env.js'
import {
  bearerSecurity,
  ClientCredentialsBody,
  ClientIdList,
  json,
  ResourceErrorBody,
  SAMPLE_CLIENT_ID,
  UNAUTHORIZED_RESPONSE,
} from './schemas.js'

/** The operationId for `base`: plain for the newest version, suffixed (`listClientsV7_1`) for older ones. */
function operationId(name: string, base: string, newest: boolean): string {
  return newest ? name : `${name}V${base.replace(/^.*\/v/, '').replace(/\W/g, '_')}`
}

// The server's texts, also the OpenAPI examples of their statuses.
const CLIENT_CANNOT_CREATE = 'Clients cannot create new client accounts.'
const CLIENT_DELETES_ONLY_ITSELF = 'A client can delete only its own client account.'
const CLIENT_ID_REQUIRED = 'The clientId query parameter is required.'
const notOwned = (clientId: string) => `No client account ${clientId} belongs to this user.`

/** The refusals' statuses are the profile's outcomes of the assumptions named after them (engine/outcomes.ts). */
type Statuses = Pick<ResolvedOutcomes, 'client-create-forbidden-403' | 'client-delete-other-403' | 'unknown-client-404' | 'missing-client-id-400'>

function createClient(state: MockState, statuses: Statuses, caller: Caller): { client_id: string; client_secret: string } {
  if (caller.client !== undefined && !state.quirks.has('clients-can-create-clients')) {
    throw refusedWith(statuses['client-create-forbidden-403'], CLIENT_CANNOT_CREATE, 'forbidden')
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

function deleteClient(state: MockState, statuses: Statuses, caller: Caller, clientId: string | undefined): void {
  if (clientId === undefined || clientId === '') throw refusedWith(statuses['missing-client-id-400'], CLIENT_ID_REQUIRED, 'bad-request')
  const target = state.store.getClient(clientId)
  const mayDeleteSiblings = state.quirks.has('client-can-delete-siblings')
  if (caller.client !== undefined && !mayDeleteSiblings) {
    if (target?.id !== caller.client.id) throw refusedWith(statuses['client-delete-other-403'], CLIENT_DELETES_ONLY_ITSELF, 'forbidden')
  } else if (target === undefined || target.ownerId !== caller.account.id) {
    throw refusedWith(statuses['unknown-client-404'], notOwned(clientId), 'not-found')
  }
  // The client's sessions die with it: bearer checks resolve the client on every request.
  state.store.deleteClient(target.id)
}

/** Documented refusals by status; two refusals an outcome gives one status share its entry (the first one's example). */
function refusalResponses(entries: [status: number, description: string, message: string][]) {
  const byStatus: Record<number, ReturnType<typeof json>> = {}
  for (const [status, description, message] of entries) {
    const known = byStatus[status]
    byStatus[status] = known === undefined ? json(ResourceErrorBody, description, { message }) : { ...known, description: `${known.description} Or: ${description}` }
  }
  return byStatus
}

export function mountClients(app: App, shared: MockState): void {
  const { clientBases, clientsTag } = shared.profile
  const auth = bearerAuth()
  // Profile data, the same for every request: read once here.
  const statuses: Statuses = outcomesOf(shared)
  clientBases.forEach((base, index) => {
    const newest = index === clientBases.length - 1
    const common = { path: `${base}/Clients`, tags: [clientsTag], security: bearerSecurity(shared.profile) }
    const create = createRoute({
      ...common,
      method: 'post',
      operationId: operationId('createClient', base, newest),
      summary: 'Create a client account (users only; clients cannot create clients)',
      responses: {
        200: json(ClientCredentialsBody, 'The new client ID and its secret; the secret is never shown again.', {
          client_id: '4a346f40-d4b6-4ed8-913d-d6e1297a75a4',
          client_secret: 'AQAAANCMnd8BFdERjHoAwE/Cl+sBAAAA...',
        }),
        ...refusalResponses([[statuses['client-create-forbidden-403'], 'A client tried to create a client account.', CLIENT_CANNOT_CREATE]]),
        401: UNAUTHORIZED_RESPONSE,
      },
    })
    const list = createRoute({
      ...common,
      method: 'get',
      operationId: operationId('listClients', base, newest),
      summary: "List the IDs of the user's client accounts (a client sees only its own ID)",
      responses: { 200: json(ClientIdList, 'Client IDs.', [SAMPLE_CLIENT_ID]), 401: UNAUTHORIZED_RESPONSE },
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
        ...refusalResponses([
          [statuses['missing-client-id-400'], 'clientId is missing.', CLIENT_ID_REQUIRED],
          [statuses['client-delete-other-403'], 'A client tried to delete another client account.', CLIENT_DELETES_ONLY_ITSELF],
          [statuses['unknown-client-404'], 'No such client account belongs to this user.', notOwned(SAMPLE_CLIENT_ID)],
        ]),
        401: UNAUTHORIZED_RESPONSE,
      },
    })
    mount(app, create, auth, (c) => {
      const state = c.get('state')
      const created = createClient(state, statuses, c.get('caller'))
      if (!state.quirks.has('create-response-camel-case')) return c.json(created, 200)
      return c.json({ clientId: created.client_id, clientSecret: created.client_secret }, 200)
    })
    mount(app, list, auth, (c) => {
      const state = c.get('state')
      const ids = listClients(state, c.get('caller'))
      return c.json(state.quirks.has('list-wrapped-in-object') ? { clients: ids } : ids, 200)
    })
    mount(app, remove, auth, (c) => {
      deleteClient(c.get('state'), statuses, c.get('caller'), c.req.query('clientId'))
      return c.body(null, 204)
    })
  })
}
