/** @module Builds a mock: its state from options, and the Hono app over it. No side effects: nothing listens. */
import { OpenAPIHono } from '@hono/zod-openapi'
import { defaultFixtures, type AccountFixture } from './accounts/fixtures.js'
import { assertRole } from './accounts/roles.js'
import { parseUsername } from './accounts/username.js'
import { AuthorizationCodes } from './oauth/authorization-codes.js'
import { systemClock, type Clock } from './clock.js'
import { createHarness, installHarness, operationsOf, type ControlOptions, type Harness } from './control/harness.js'
import { CONTROL_PREFIX } from './control/intercept.js'
import { controlApp, mountControl } from './control/routes.js'
import { VirtualClock } from './control/virtual-clock.js'
import { documentPaths, mountDocs } from './docs/mount-docs.js'
import { mountResources } from './resources/mount-resources.js'
import { apiVersionCheck } from './routes/api-version.js'
import { mountAuthorizationCode } from './routes/authorization-code.js'
import { DEFAULT_PROFILE_ID, findProfile, PROFILES, type ProfileId } from './profiles/index.js'
import type { Profile } from './profiles/profile.js'
import { mountClients } from './routes/clients.js'
import { mountCors } from './routes/cors.js'
import type { App, AppEnv } from './routes/env.js'
import { mountFallback } from './routes/fallback.js'
import { mountLogout } from './routes/logout.js'
import { caselessGetPath } from './routes/caseless-paths.js'
import { renderError } from './routes/render-error.js'
import { registerSecuritySchemes } from './routes/security-schemes.js'
import { mountToken } from './routes/token.js'
import { cryptoRandomSource, type RandomSource } from './security/random-source.js'
import { seededRandomSource } from './security/seeded-random-source.js'
import { MemoryStore, type AccountRecord } from './store/memory-store.js'
import { hashSecret } from './security/secret.js'
import { mountStubs } from './stubs/mount-stubs.js'
import { DEFAULT_MAX_STUBS, StubRegistry } from './stubs/stub-registry.js'
import type { StubInput } from './stubs/stub-schema.js'
import type { StoreChange } from './store/types.js'
import { DEFAULT_MAX_CLIENTS_PER_USER, type Lifetimes, type MockState, type SessionMode } from './engine/mock-state.js'
import { assertQuirks, type QuirkName } from './engine/quirks.js'
import { requestLogger, type RequestLogEntry } from './engine/request-log.js'
import { ApiKeys } from './engine/api-keys.js'
import { MfaLogins } from './engine/mfa.js'
import { Throttle } from './engine/throttle.js'
import { mountApiKeys } from './routes/api-keys.js'
import { base32Decode } from './security/totp.js'
import type { ThrottleSpec } from './profiles/profile.js'
import { DocumentRoutes } from './vendor-document/document-routes.js'
import { mountDocuments } from './vendor-document/mount.js'
import type { ParsedDocument } from './vendor-document/named-document.js'
import { selectTenant } from './tenants/select-tenant.js'
import type { Tenant } from './tenants/tenant.js'
import { tenantGetPath, TENANT_PREFIX } from './tenants/tenant-path.js'
import { DEFAULT_TENANT_LIMITS, Tenants, type TenantLimits } from './tenants/tenants.js'

export interface AppOptions {
  /** A profile id (default `vro-7.1`) or a profile object. */
  profile?: ProfileId | Profile
  /** Accounts to start with; default: the profile's fixtures/<profile>.json. */
  accounts?: AccountFixture[]
  /** Overrides of the profile's token lifetimes, in seconds. */
  lifetimes?: Partial<Lifetimes>
  clock?: Clock
  random?: RandomSource
  quirks?: readonly QuirkName[]
  /** Whether the Swagger page lists the accounts' passwords (default: only for the profile's own fixtures). */
  showAccountPasswords?: boolean
  /** Called once per request, after the response; per-request logging costs throughput, so it is opt-in. */
  onRequest?: (entry: RequestLogEntry) => void
  /** Called with errors that became a 500 (never a client's mistake). */
  onServerError?: (error: unknown) => void
  /** The test harness: virtual clock, faults, journal and the /__control API (default off). */
  control?: boolean | ControlOptions
  /** Makes client ids, secrets and tokens reproducible from this seed (predictable: tests only). */
  tokenSeed?: string
  /** Stub resources behind the bearer check (default: the profile's own; most have none). Throws StubError if invalid. */
  stubs?: readonly StubInput[]
  /** `single`: a new login (password, or a client's client_credentials) ends that login's earlier sessions. Default `multiple`. */
  sessions?: SessionMode
  /** Called after each change to accounts, client accounts or sessions, e.g. to persist them (see src/state/). */
  onStateChange?: (change: StoreChange) => void
  /** At most `requests` per account in each window, else 429 (default: the profile's throttle, usually none). */
  throttle?: ThrottleSpec
  /** Client accounts one user may create (default 1000); one more is refused with 403. */
  maxClientsPerUser?: number
  /** Stubs the mock holds, startup and runtime together (default 1000); one more is refused. */
  maxStubs?: number
  /** Answer CORS preflights and allow any origin on the vendor routes, for pages calling the mock (default off; never /__control). */
  cors?: boolean
  /**
   * Vendor OpenAPI documents (3.0, 3.1 or Swagger 2.0), already parsed: every operation the profile does not
   * answer itself is served behind its bearer check. Throws DocumentError naming a JSON pointer if one is broken.
   */
  openapi?: readonly ParsedDocument[]
  /** Seeds the answers generated for document operations: the same seed gives the same bytes (default `1`). */
  seed?: string | number
  /**
   * Isolated tenants on one instance (default off): `/t/{name}/...` or the `X-Mock-Tenant` header selects one, made on
   * first use from the fixtures with its own accounts, clients, sessions, clock, faults, journal and stubs.
   * `true` takes the default limits (10,000 live, evicted after 30 minutes idle).
   */
  tenants?: boolean | Partial<TenantLimits>
}

export interface Mock {
  app: App
  /** The default tenant's state (requests without a tenant prefix or header). */
  state: MockState
  /** The default tenant's harness; present when `control` is on. */
  harness?: Harness
  /** The default tenant's stubs. */
  stubs: StubRegistry
  /** The named tenants, with `tenants` on. */
  tenants?: Tenants
  /** The document operations served (present with `openapi`). */
  documents?: DocumentRoutes
  /** Operations of the documents that answer 501 (or were left out), one line each, for printing at start. */
  warnings: string[]
}

function resolveProfile(profile: AppOptions['profile']): Profile {
  if (typeof profile === 'object') return profile
  const id = profile ?? DEFAULT_PROFILE_ID
  const found = findProfile(id)
  if (found === undefined) {
    throw new Error(`Unknown profile "${id}"; known: ${PROFILES.map((p) => p.id).join(', ')}.`)
  }
  return found
}

function positiveLimit(value: number, name: string): number {
  if (!Number.isSafeInteger(value) || value < 1) throw new Error(`${name} must be a positive integer (got ${value}).`)
  return value
}

function assertSessionMode(mode: string): SessionMode {
  if (mode !== 'single' && mode !== 'multiple') throw new Error(`sessions takes single or multiple (got "${mode}").`)
  return mode
}

/** Fixture accounts checked, parsed and hashed once; every tenant and every reset restores these records. Throws on a bad one. */
export function fixtureRecords(profile: Profile, accounts: readonly AccountFixture[]): AccountRecord[] {
  return accounts.map(({ username, password, role, disabled, mfaSecret }) => {
    assertRole(profile, role, `Account "${username}"`)
    const parsed = parseUsername(username, { bareAllowed: true, defaultDomain: profile.usernames.defaultDomain })
    if (parsed === undefined) throw new Error(`Account "${username}" is not DOMAIN\\USERNAME or USERNAME.`)
    const secret = mfaSecret === undefined ? undefined : base32Decode(mfaSecret)
    if (mfaSecret !== undefined && secret === undefined) throw new Error(`Account "${username}": mfaSecret is not base32.`)
    return { ...parsed, passwordHash: hashSecret(password), role, disabled: disabled ?? false, ...(secret !== undefined && { mfaSecret: secret }) }
  })
}

/** Puts the fixture accounts (see fixtureRecords) into a tenant's store. */
function seedAccounts(state: MockState, records: readonly AccountRecord[]): void {
  for (const record of records) state.store.restoreAccount(record)
}

/**
 * Builds a mock's state and app; with `control` also its harness (virtual clock, faults, journal, /__control).
 *
 * @example
 * ```ts
 * const { app, harness } = createMock({ profile: 'vro-7.1', control: true })
 * harness!.clock.advance('16m')
 * const res = await app.request('/__control/requests')
 * ```
 */
export function createMock(options: AppOptions = {}): Mock {
  const profile = resolveProfile(options.profile)
  const accounts = options.accounts ?? defaultFixtures(profile.id)
  const records = fixtureRecords(profile, accounts)
  const sessionMode = assertSessionMode(options.sessions ?? 'multiple')
  const controlOptions = options.control === true ? {} : options.control || undefined
  const throttle = options.throttle ?? profile.throttle
  const shared = {
    profile,
    lifetimes: { ...profile.lifetimes, ...options.lifetimes },
    quirks: new Set(assertQuirks(options.quirks ?? [], profile)),
    sessionMode,
    maxClientsPerUser: positiveLimit(options.maxClientsPerUser ?? DEFAULT_MAX_CLIENTS_PER_USER, 'maxClientsPerUser'),
  }
  const random = options.random ?? (options.tokenSeed === undefined ? cryptoRandomSource() : seededRandomSource(options.tokenSeed))
  const startupStubs = options.stubs ?? profile.stubs ?? []
  const maxStubs = positiveLimit(options.maxStubs ?? DEFAULT_MAX_STUBS, 'maxStubs')
  const documents = options.openapi === undefined || options.openapi.length === 0 ? undefined : new DocumentRoutes(options.openapi, String(options.seed ?? 1))
  const limits = options.tenants === undefined || options.tenants === false ? undefined : tenantLimits(options.tenants)

  // Routing sees paths without a tenant prefix; caselessGetPath reads the app's routes on the first request, when all are mounted.
  const basePath = limits === undefined ? undefined : tenantGetPath()
  const getPath = profile.pathsIgnoreCase === true ? caselessGetPath(() => app, basePath) : basePath
  const app: App = new OpenAPIHono<AppEnv>(getPath === undefined ? {} : { getPath })
  const faultOperations = () => [...new Set([...operationsOf(app).values(), ...(documents?.served.map((served) => served.op.operationId) ?? [])])]

  /** A tenant's own state from the fixtures: the default one at start, a named one on its first request. */
  const newTenant = (name: string): Tenant => {
    const state: MockState = {
      ...shared,
      store: new MemoryStore({
        // Only single-session mode ends a principal's sessions; the index would hold every session once more.
        sessionsByPrincipal: sessionMode === 'single',
        // Only the default tenant is persisted (--state).
        ...(name === '' && options.onStateChange !== undefined && { onChange: options.onStateChange }),
      }),
      codes: new AuthorizationCodes(),
      clock: controlOptions ? new VirtualClock(options.clock) : options.clock ?? systemClock,
      // A seeded tenant draws from its own sequence, so its tokens do not depend on the other tenants' traffic.
      random: name === '' || options.tokenSeed === undefined ? random : seededRandomSource(`${options.tokenSeed}/${name}`),
      mfa: new MfaLogins(),
      apiKeys: new ApiKeys(),
      ...(throttle !== undefined && { throttle: new Throttle(throttle) }),
    }
    seedAccounts(state, records)
    const stubs = new StubRegistry(profile, startupStubs, maxStubs)
    const harness =
      controlOptions &&
      createHarness(state, { ...controlOptions, stubs, reseed: () => seedAccounts(state, records), operations: faultOperations })
    return { name, base: name === '' ? '' : `${TENANT_PREFIX}${name}`, state, stubs, ...(harness && { harness }) }
  }
  const root = newTenant('')
  const { state, stubs, harness } = root
  const tenants =
    limits &&
    new Tenants(limits, newTenant, (name, idleMs) => {
      harness?.journal.add({ at: state.clock.now(), method: '-', path: `${TENANT_PREFIX}${name}`, status: 0, event: `tenant ${name} evicted after ${Math.round(idleMs / 1000)} s idle` })
    })

  // The log comes first, so a request refused for its tenant name is logged too.
  if (options.onRequest !== undefined) app.use(requestLogger(options.onRequest))
  app.use(selectTenant(root, tenants))
  if (options.cors === true) mountCors(app)
  if (controlOptions) {
    installHarness(app, state, documents === undefined ? {} : { operationOf: (method: string, path: string) => documents.operationId(method, path) })
  }
  const versionCheck = apiVersionCheck(state, documentPaths(profile))
  if (versionCheck !== undefined) app.use(versionCheck)
  registerSecuritySchemes(app, profile)
  mountToken(app, state)
  mountLogout(app, state)
  mountAuthorizationCode(app, state)
  mountApiKeys(app, state)
  if (profile.clientBases.length > 0) mountClients(app, state)
  mountResources(app, state)
  mountDocs(app, state, {
    accounts,
    showPasswords: options.showAccountPasswords ?? options.accounts === undefined,
    stubs,
    ...(documents && { documents }),
    ...(harness !== undefined && { controlPath: CONTROL_PREFIX }),
  })
  if (controlOptions) mountControl(app, controlApp(profile.id, controlOptions.token, controlOptions.host, getPath))
  mountStubs(app, documents && ((method, path) => documents.operationId(method, path) !== undefined))
  if (documents !== undefined) mountDocuments(app, profile, documents)
  mountFallback(app, state)
  app.onError((error, c) => renderError(c, state, error, options.onServerError))
  const warnings = documents?.warnings ?? []
  return { app, state, stubs, warnings, ...(harness && { harness }), ...(documents && { documents }), ...(tenants && { tenants }) }
}

function tenantLimits(option: true | Partial<TenantLimits>): TenantLimits {
  const limits = { ...DEFAULT_TENANT_LIMITS, ...(option === true ? {} : option) }
  positiveLimit(limits.max, 'tenants.max')
  positiveLimit(limits.idleMs, 'tenants.idleMs')
  return limits
}
