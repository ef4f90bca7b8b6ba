/** @module startMock: a mock on a port with its harness, for test frameworks (the msw / oauth2-mock-server lifecycle). */
import type { AccountFixture } from './accounts/fixtures.js'
import type { AccountControl, AccountPatch, AccountView } from './control/accounts.js'
import type { Fault, FaultRule } from './control/faults.js'
import type { JournalEntry, JournalFilter } from './control/journal.js'
import type { SessionControl } from './control/sessions.js'
import type { VirtualClock } from './control/virtual-clock.js'
import { isLoopback } from './control/loopback.js'
import { createMock, type AppOptions } from './create-mock.js'
import type { ProfileId } from './profiles/index.js'
import type { Profile } from './profiles/profile.js'
import { isProfilePath, readProfileFile, type ProfileFilePath } from './profiles/profile-file.js'
import type { App } from './routes/env.js'
import type { Harness } from './control/harness.js'
import { isTenantName, TENANT_NAME_RULE } from './tenants/tenant-path.js'
import { listen } from './server/listen.js'
import type { StubView } from './stubs/stub-registry.js'
import type { Stub, StubInput } from './stubs/stub-schema.js'
import { selfSignedCertificate } from './server/self-signed.js'
import { checkTlsPair, type TlsPair } from './server/tls-pair.js'
import type { FetchOptions } from './vendor-document/fetch-document.js'
import { loadDocuments, type DocumentInput } from './vendor-document/load.js'

export interface StartMockOptions extends Omit<AppOptions, 'control' | 'clock' | 'openapi' | 'profile'> {
  /**
   * A profile id (default `vro-7.1`), a profile object, or the path of a profile file (`{"extends": "vro-7.21", ...}`
   * or a whole profile; docs/profiles.md "Profiles as files"), whose fixtures become the accounts unless `accounts` is given.
   */
  profile?: ProfileId | Profile | ProfileFilePath
  /**
   * Vendor OpenAPI documents: a file path (JSON or YAML), an http(s) URL (fetched once, now) or a parsed object.
   * Rejects with DocumentError (one line naming the JSON pointer) for a broken one.
   */
  openapi?: readonly DocumentInput[]
  /** How document URLs are fetched: `insecure` accepts any certificate, `ca` is PEM text to trust. */
  openapiFetch?: FetchOptions
  /** Default 0: any free port. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** Journal entries kept (default 1000). */
  journalSize?: number
  /** Bearer token for /__control (default none: the API is open on loopback); required on another host. */
  controlToken?: string
  /** Serve https: `true` makes a self-signed certificate for localhost, 127.0.0.1 and ::1; or your PEM pair. */
  tls?: boolean | TlsPair
}

/** One tenant's harness: its base URL and the same controls as the mock's (see RunningMock). */
export interface MockHandle {
  /** e.g. `http://127.0.0.1:54321` (the default tenant) or `http://127.0.0.1:54321/t/worker-1`, no trailing slash. */
  url: string
  /** The virtual clock every expiry of this tenant reads. */
  clock: VirtualClock
  faults: { add(rule: FaultRule): Fault; list(): Fault[]; clear(): void }
  /** The request journal, oldest first. */
  requests(filter?: JournalFilter): JournalEntry[]
  accounts: AccountControl & {
    /** Shorthand for `update(username, { disabled: true })`. */
    disable(username: string): AccountView | undefined
  }
  sessions: SessionControl
  /** Stub resources behind the bearer check; reset() drops those added here and keeps the startup ones. */
  stubs: {
    /** Adds (or replaces, same method and path) a stub; throws StubError naming the bad field. */
    add(stub: StubInput): Stub
    list(): StubView[]
    /** Drops the stubs added at runtime; returns how many. */
    clear(): number
  }
  /** Fixture accounts, no clients, no sessions, real clock, no faults, empty journal, startup stubs only. */
  reset(): Promise<void>
}

export interface RunningMock extends MockHandle {
  /** With `tls`: the PEM certificate to trust (e.g. `https.request(url, { ca: mock.certificate })`). */
  certificate?: string
  /** Document operations that answer 501 or were left out, one line each. */
  warnings: string[]
  /** The app, for `app.request()` against the same state. */
  app: App
  /**
   * With `tenants`: the tenant of this name (made now if it is not live), whose `url` is the mock's plus `/t/{name}`.
   * Throws on a name that is not 1 to 64 letters, digits, `.`, `_` or `-`, or when every tenant slot is taken.
   *
   * @example
   * ```ts
   * const worker = mock.tenant(`worker-${process.env.VITEST_POOL_ID}`)
   * await worker.clock.advance('16m') // the other tenants' clocks stay where they are
   * ```
   */
  tenant(name: string): MockHandle
  close(): Promise<void>
}

/**
 * Starts a mock with its harness on a port (127.0.0.1, any free port unless told).
 *
 * @example
 * ```ts
 * import { startMock } from 'veeam-auth-mock'
 * const mock = await startMock({ profile: 'vro-7.1' })
 * mock.faults.add({ operation: 'issueToken', grantType: 'refresh_token', respond: { status: 503 } })
 * await mock.clock.advance('16m')
 * mock.requests({ operation: 'issueToken' })
 * await mock.reset()
 * await mock.close()
 * ```
 */
export async function startMock(options: StartMockOptions = {}): Promise<RunningMock> {
  const { port, host, journalSize, controlToken, tls, openapi, openapiFetch, ...appOptions } = options
  if (host !== undefined && !isLoopback(host) && controlToken === undefined) {
    throw new Error(`startMock on ${host} (not loopback) needs a controlToken: the control API could reset or rewire the mock.`)
  }
  const control = {
    ...(journalSize === undefined ? {} : { journalSize }),
    ...(controlToken === undefined ? {} : { token: controlToken }),
    ...(host === undefined ? {} : { host }),
  }
  const { profile, ...rest } = appOptions
  // A path is read here (startMock may do I/O); createMock takes ids and objects only.
  const file = typeof profile === 'string' && isProfilePath(profile) ? readProfileFile(profile) : undefined
  const chosen =
    file === undefined
      ? profile !== undefined && { profile: profile as ProfileId | Profile }
      : {
          profile: file.profile,
          accounts: rest.accounts ?? file.accounts,
          // A file's own accounts are the user's: their passwords stay off the Swagger page, as with `accounts`.
          showAccountPasswords: rest.showAccountPasswords ?? (rest.accounts === undefined && file.builtInFixtures),
        }
  const documents = openapi === undefined ? undefined : await loadDocuments(openapi, openapiFetch)
  const { app, harness, warnings, tenants } = createMock({ ...rest, ...chosen, control, ...(documents && { openapi: documents }) })
  const pair = tls === true ? await selfSignedCertificate() : tls || undefined
  if (pair !== undefined) checkTlsPair(pair)
  const server = await listen(app.fetch, { port: port ?? 0, ...(host === undefined ? {} : { host }), ...(pair && { tls: pair }) })
  return {
    ...handleOf(server.url, harness!),
    ...(pair && { certificate: pair.cert }),
    warnings,
    app,
    tenant(name) {
      if (tenants === undefined) throw new Error('mock.tenant() needs startMock({ tenants: true }).')
      if (!isTenantName(name)) throw new Error(`A tenant name is ${TENANT_NAME_RULE} (got ${JSON.stringify(name.slice(0, 80))}).`)
      const tenant = tenants.get(name)
      return handleOf(`${server.url}${tenant.base}`, tenant.harness!)
    },
    close: () => server.close(),
  }
}

function handleOf(url: string, h: Harness): MockHandle {
  return {
    url,
    clock: h.clock,
    faults: {
      add: (rule) => h.faults.add(rule),
      list: () => h.faults.list(),
      clear: () => h.faults.clear(),
    },
    requests: (filter) => h.journal.list(filter),
    accounts: { ...h.accounts, disable: (username: string) => h.accounts.update(username, { disabled: true }) },
    sessions: h.sessions,
    stubs: { add: (stub) => h.stubs.add(stub), list: () => h.stubs.list(), clear: () => h.stubs.clear() },
    reset: async () => h.reset(),
  }
}

export type { AccountFixture, AccountPatch, AccountView, Fault, FaultRule, JournalEntry, JournalFilter, Stub, StubInput, StubView }
