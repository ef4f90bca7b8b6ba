/** @module The OpenAPI 3.1 document of a mock: its routes, plus the profile's behaviour as an `x-` extension. */
import type { OpenAPIV3_1 } from 'openapi-types'
import type { AccountFixture } from '../accounts/fixtures.js'
import type { MockState } from '../engine/mock-state.js'
import { profileOutcomes } from '../engine/outcomes.js'
import { ERROR_MODELS } from '../errors/index.js'
import { CURRENT_USER_UID_FIELD } from '../resources/current-user.js'
import type { App } from '../routes/env.js'
import { withStubs } from '../stubs/stub-openapi.js'
import type { DocumentRoutes } from '../vendor-document/document-routes.js'
import { withDocuments } from '../vendor-document/openapi-merge.js'
import type { StubRegistry } from '../stubs/stub-registry.js'

/** The extension the conformance suite reads to learn what a target promises. */
export const BEHAVIOUR_EXTENSION = 'x-veeam-auth-mock'

export interface DocumentOptions {
  /** Accounts to list in the description; passwords are shown only when `showPasswords`. */
  accounts: AccountFixture[]
  showPasswords: boolean
  /** Where the control API is, when it is on: the page links it so a person finds the clock, faults and journal. */
  controlPath?: string
  /** Stubs to list under their own tag (read each time the document is built). */
  stubs?: StubRegistry
  /** The vendor documents' operations, shown beside the profile's (a stub of the same operation replaces it). */
  documents?: DocumentRoutes
  /** The server the operations are under, when not the root (a tenant's `/t/{name}`). */
  serverUrl?: string
}

/** Names go in code spans, where Markdown shows a backslash as typed (escaping it would show two). */
function accountsText({ accounts, showPasswords }: DocumentOptions): string {
  const lines = accounts.map(
    (a) => `| \`${a.username}\` | ${showPasswords ? `\`${a.password}\`` : '(from your fixtures file)'} | ${a.role} |`,
  )
  return ['| Account | Password | Role |', '|---|---|---|', ...lines].join('\n')
}

function description(state: MockState, options: DocumentOptions): string {
  const { profile } = state
  return [
    `A local stand-in for the authorization surface of the ${profile.product} ${profile.version} REST API, served by veeam-auth-mock (profile \`${profile.id}\`).`,
    `Obtain a token with **POST ${profile.tokenPath}**: after a successful "Try it out" the access token is applied to the other operations automatically.`,
    `Accounts:\n\n${accountsText(options)}`,
    `Only these roles may use the API: ${profile.roles.join(', ')}.`,
    ...(options.controlPath === undefined
      ? []
      : [`Test harness: the control API (clock, faults, request journal, accounts, sessions) is under \`${options.controlPath}\`; its OpenAPI document: [${options.controlPath}/openapi.json](${options.controlPath}/openapi.json).`]),
  ].join('\n\n')
}

/** The profile's behaviour with the lifetimes in force. */
export function behaviour(state: MockState) {
  // Stubs are the mock's own resources, not promises of the vendor's.
  const { sources: _sources, stubs: _stubs, resources, errors, outcomes, ...profile } = state.profile
  const codeField = ERROR_MODELS[errors.model].codeField
  return {
    ...profile,
    errors: { ...errors, codeField },
    // Resolved, so the suite expects what this mock answers where the vendor is silent.
    outcomes: profileOutcomes(outcomes),
    lifetimes: state.lifetimes,
    ...(resources !== undefined && {
      resources: resources.map(({ operationId, path, public: open, roles, kind }) => ({
        operationId,
        path,
        ...(open && { public: true }),
        ...(roles && { roles }),
        // Where the suite reads the caller's userUid for paths that name the user (VSPC).
        ...(kind === 'current-user' && { kind, uidField: CURRENT_USER_UID_FIELD }),
      })),
    }),
  }
}

/** The profile's version header as a parameter of every operation (required unless the rule says optional), pre-filled with its revision. */
/** The keys of a path item that are operations (the others: summary, description, servers, parameters). */
const METHODS = new Set(['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'])

function withVersionHeader(document: OpenAPIV3_1.Document, state: MockState): OpenAPIV3_1.Document {
  const rule = state.profile.apiVersion
  if (rule === undefined) return document
  const parameter = {
    name: rule.header,
    in: 'header',
    required: rule.optional !== true,
    description: `${rule.description ?? 'Version and revision of the client REST API, <version>-<revision>.'} Accepted: ${rule.accepted.join(', ')}.`,
    schema: { type: 'string', default: rule.default, enum: rule.accepted },
  }
  const ref = { $ref: '#/components/parameters/apiVersionParam' }
  const declared = document.components?.parameters ?? {}
  // A vendor document's operation declares the header itself (often as this very component): it keeps its own.
  const isHeader = (p: OpenAPIV3_1.ReferenceObject | OpenAPIV3_1.ParameterObject): boolean => {
    const resolved = '$ref' in p ? (declared[p.$ref.replace('#/components/parameters/', '')] as OpenAPIV3_1.ParameterObject | undefined) : p
    return '$ref' in p && p.$ref === ref.$ref ? true : resolved?.in === 'header' && resolved.name.toLowerCase() === rule.header.toLowerCase()
  }
  // Path-level parameters apply to every operation of the path.
  const withHeader = (op: OpenAPIV3_1.OperationObject, inherited: boolean) => {
    const own = op.parameters ?? []
    return inherited || own.some(isHeader) ? op : { ...op, parameters: [ref, ...own] }
  }
  const paths = Object.fromEntries(
    Object.entries(document.paths ?? {}).map(([path, item]) => {
      const inherited = (item?.parameters ?? []).some(isHeader)
      const entries = Object.entries(item ?? {}).map(([key, value]) => [key, METHODS.has(key) ? withHeader(value as OpenAPIV3_1.OperationObject, inherited) : value])
      return [path, Object.fromEntries(entries)]
    }),
  )
  const components = { ...document.components, parameters: { ...declared, apiVersionParam: parameter } }
  return { ...document, paths, components } as OpenAPIV3_1.Document
}

export function openApiDocument(app: App, state: MockState, options: DocumentOptions): OpenAPIV3_1.Document {
  const { profile } = state
  const tags = profile.tags === undefined ? defaultTags(profile) : [...profile.tags]
  const document = app.getOpenAPI31Document({
    openapi: '3.1.0',
    info: { title: profile.title, version: profile.version, description: description(state, options) },
    ...(options.serverUrl !== undefined && { servers: [{ url: options.serverUrl, description: 'This tenant of the mock.' }] }),
    tags,
  })
  const vendor = withDocuments(document as unknown as OpenAPIV3_1.Document, options.documents, profile)
  const stubbed = withStubs(vendor, options.stubs?.served() ?? [], profile)
  return { ...withVersionHeader(stubbed, state), [BEHAVIOUR_EXTENSION]: behaviour(state) } as unknown as OpenAPIV3_1.Document
}

/** The token tag, the clients tag where there is one, then the resources' tags. */
function defaultTags(profile: MockState['profile']): { name: string; description: string }[] {
  const tags = [{ name: profile.tokenTag, description: 'Tokens and logout.' }]
  if (profile.clientBases.length > 0) tags.push({ name: profile.clientsTag, description: 'Client accounts.' })
  for (const tag of new Set((profile.resources ?? []).map((r) => r.tag))) tags.push({ name: tag, description: 'What clients read right after login.' })
  return tags
}
