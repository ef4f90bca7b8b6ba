/** @module `veeam-auth-mock serve`: flags to options, start the server, print where it is, stop cleanly. */
import { readFixturesFile, FixtureError, type AccountFixture } from '../accounts/fixtures.js'
import { generateAccounts } from '../accounts/generate.js'
import { createMock, type AppOptions } from '../create-mock.js'
import { assertQuirks, type QuirkName } from '../engine/quirks.js'
import { parseThrottle } from '../engine/throttle.js'
import { DEFAULT_PROFILE_ID } from '../profiles/index.js'
import type { Profile, ThrottleSpec } from '../profiles/profile.js'
import { listen, ListenError } from '../server/listen.js'
import { formatDuration, parseDuration } from './durations.js'
import { decideControl } from './control-policy.js'
import { escapeControl } from './control-characters.js'
import { CONTROL_TOKEN_FLAGS, CONTROL_TOKEN_HELP, controlToken } from './control-token.js'
import { parseInteger } from './numbers.js'
import { parseFlags } from './parse-flags.js'
import { stopWhenOrphaned } from './parent-watch.js'
import { assertFixtureRoles, profileFlag } from './profile-flag.js'
import { printProfiles } from './profiles.js'
import { readStubsFlag, STUBS_HELP, stubsBannerLine } from './stubs-flag.js'
import { asUsageError, documentsBannerLine, OPENAPI_FLAGS, OPENAPI_HELP, printDocumentWarnings, readOpenapiFlags } from './openapi-flag.js'
import type { DocumentRoutes } from '../vendor-document/document-routes.js'
import { attachState, openState, parseStateFlags, STATE_FLAGS, STATE_HELP, type StateFlags } from './state-flags.js'
import { READY_FLAGS, READY_HELP, ReadyFile, readyRecord } from './readiness.js'
import { LOG_MODES, requestPrinter, type LogMode } from './request-log-format.js'
import { parseTlsFlags, prepareTls, TLS_FLAGS, TLS_HELP, type TlsRequest, type TlsSetup } from './tls-flags.js'
import { DEFAULT_TENANT_LIMITS } from '../tenants/tenants.js'
import { UsageError } from './usage-error.js'
import { packageVersion } from './version.js'

export const SERVE_HELP = `Usage: npm start -- [flags]        (or: veeam-auth-mock serve [flags])

Serves a stand-in for a Veeam REST API's authorization surface on 127.0.0.1.

Flags:
  --profile ID|FILE     product version to emulate (default ${DEFAULT_PROFILE_ID}; see --list-profiles), or a
                        profile file: {"extends":"vro-7.21",...changes} (docs/profiles.md "Profiles as files")
  --port N              port to listen on (default: the profile's vendor port, 9898 for VRO; 0 = any free port)
  --host HOST           address to listen on (default 127.0.0.1)
  --fixtures FILE       JSON file of accounts replacing the profile's defaults:
                        {"accounts":[{"username":"DOMAIN\\\\USER","password":"...","role":"Plan Author"}]}
  --generate-users N    add N realistic accounts made with faker (password Password1)
  --seed S              seed for --generate-users and the answers of --openapi operations: the same seed
                        gives the same accounts and bytes (default 1)
  --access-ttl D        access token lifetime, e.g. 90s, 15m, 2h (default: the profile's, 15m for VRO)
  --refresh-ttl D       refresh token lifetime (default: the profile's, 2h for VRO)
  --log MODE            info (start-up, warnings, errors; default), requests (one line per request),
                        json (one JSON line per request), off
  --quirk NAME          break one documented rule on purpose (repeatable; see docs/conformance.md "Quirks")
  --no-control          turn off the test harness API under /__control (on by default on loopback)
${CONTROL_TOKEN_HELP}
  --journal-size N      requests the /__control/requests journal keeps (default 1000)
  --token-seed S        reproducible client ids, secrets and tokens from seed S (predictable: tests only)
  --throttle N/WINDOW   at most N requests per account in each WINDOW (e.g. 10/60s, 100/1m); past that,
                        429 with Retry-After (VSPC's documented throttling body; default: the profile's, none)
  --max-clients-per-user N
                        client accounts one user may create (default 1000; one more answers 403)
  --max-stubs N         stubs the mock holds, --stubs and runtime ones together (default 1000)
  --tenants             isolated tenants on one instance: /t/NAME/... (or the X-Mock-Tenant: NAME header)
                        is a mock of its own, made on first use from the fixtures, with its own accounts,
                        clients, sessions, clock, faults, journal, stubs and /t/NAME/__control; requests
                        without either go to the default tenant, which alone --state keeps
                        (docs/test-harness.md "Tenants")
  --max-tenants N       live tenants at most (default 10000); one more answers 503
  --tenant-idle D       drop a tenant no request reached for D, e.g. 10m (default 30m)
  --cors                let pages on other origins call the vendor routes: answer CORS preflights, add
                        Access-Control-Allow-Origin: * (default off, unlike Prism: the vendor documents no
                        CORS, so a page that works against the mock with it may fail against the server;
                        /__control never gets CORS)
${STUBS_HELP}
${OPENAPI_HELP}
${STATE_HELP}
  --list-profiles       print the profiles and exit
  --help                print this help and exit
  --version             print the version and exit

HTTPS and readiness (docs/stand-in.md "TLS", "Readiness for CI"):
${TLS_HELP}
${READY_HELP}

Once serving, the first stdout line is a contract scripts may parse: with --log json it is the ready record
  {"ready":true,"url":"http://127.0.0.1:54321","profile":"vro-7.1","pid":4242} (+ fingerprint256, certFile)
and otherwise "veeam-auth-mock listening on <URL> (profile <id>)". npm prints a header before it: scripts run
npm start --silent -- [flags], or veeam-auth-mock serve [flags]. SIGTERM to npm stops the server. GET
/__control/health answers 200 without the control token (when the control API is on).

Exit codes: 0 stopped by SIGINT/SIGTERM; 2 bad flag, bad profile file, bad fixtures, bad stubs, bad OpenAPI
document, unusable state file, bad TLS files or port unavailable.
`

export const SERVE_FLAGS = {
  profile: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  fixtures: { type: 'string' },
  'generate-users': { type: 'string' },
  seed: { type: 'string' },
  'access-ttl': { type: 'string' },
  'refresh-ttl': { type: 'string' },
  log: { type: 'string' },
  quirk: { type: 'string', multiple: true },
  'no-control': { type: 'boolean' },
  ...CONTROL_TOKEN_FLAGS,
  'journal-size': { type: 'string' },
  'token-seed': { type: 'string' },
  throttle: { type: 'string' },
  'max-clients-per-user': { type: 'string' },
  'max-stubs': { type: 'string' },
  tenants: { type: 'boolean' },
  'max-tenants': { type: 'string' },
  'tenant-idle': { type: 'string' },
  cors: { type: 'boolean' },
  stubs: { type: 'string' },
  ...OPENAPI_FLAGS,
  'list-profiles': { type: 'boolean' },
  ...TLS_FLAGS,
  ...READY_FLAGS,
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean' },
  ...STATE_FLAGS,
} as const

export interface ServeConfig {
  profile: Profile
  port: number
  host: string
  log: LogMode
  options: AppOptions
  accounts: AccountFixture[]
  generated: number
  /** Why the control API is off, when that may surprise. */
  controlNote?: string
  /** Combinations of flags that start but cannot work as meant, printed on stderr. */
  warnings: string[]
  stateFlags: StateFlags
  /** https: files given, or a certificate to make at start. */
  tls?: TlsRequest
  readyFile?: ReadyFile
}

function quirkFlags(names: string[] | undefined, profile: Profile): QuirkName[] {
  try {
    return assertQuirks(names ?? [], profile)
  } catch (error) {
    throw new UsageError((error as Error).message)
  }
}

/** Turns argv (and env, for the control token) into a configuration, or throws UsageError. Reads the files named. */
export async function parseServeArgs(args: string[], env: Record<string, string | undefined> = process.env): Promise<ServeConfig | 'help' | 'version' | 'list-profiles'> {
  const values = parseFlags(args, SERVE_FLAGS)
  if (values.help) return 'help'
  if (values.version) return 'version'
  if (values['list-profiles']) return 'list-profiles'
  const { profile, accounts: profileAccounts, fixturesSource, builtInFixtures } = profileFlag(values.profile)
  const log = (values.log ?? 'info') as LogMode
  if (!LOG_MODES.includes(log)) throw new UsageError(`--log takes one of ${LOG_MODES.join(', ')} (got "${values.log}").`)
  const generated = values['generate-users'] === undefined ? 0 : parseInteger(values['generate-users'], '--generate-users', 0, 100_000)
  const seed = values.seed === undefined ? 1 : parseInteger(values.seed, '--seed', 0, 2 ** 31 - 1)
  let accounts: AccountFixture[]
  try {
    accounts = values.fixtures === undefined ? profileAccounts : readFixturesFile(values.fixtures)
  } catch (error) {
    if (error instanceof FixtureError) throw new UsageError(`Bad fixtures: ${error.message}`)
    throw error
  }
  assertFixtureRoles(profile, accounts, values.fixtures ?? fixturesSource)
  if (generated > 0) accounts = [...accounts, ...(await generateAccounts(profile, generated, seed))]
  const lifetimes: AppOptions['lifetimes'] = {}
  if (values['access-ttl'] !== undefined) lifetimes.accessSeconds = parseDuration(values['access-ttl'], '--access-ttl')
  if (values['refresh-ttl'] !== undefined) lifetimes.refreshSeconds = parseDuration(values['refresh-ttl'], '--refresh-ttl')
  const warnings = [...lifetimeWarnings(profile, values['access-ttl'], values['refresh-ttl']), ...ignoredFlags(values)]
  const host = values.host ?? '127.0.0.1'
  const token = controlToken(values, env)
  const decision = decideControl(host, {
    off: values['no-control'] === true,
    ...(token === undefined ? {} : { token }),
    ...(values['journal-size'] === undefined ? {} : { journalSize: parseInteger(values['journal-size'], '--journal-size', 1, 1_000_000) }),
  })
  if (values['token-seed'] === '') throw new UsageError('--token-seed needs a non-empty seed.')
  const stateFlags = parseStateFlags(values)
  const maxClients = values['max-clients-per-user'] === undefined ? undefined : parseInteger(values['max-clients-per-user'], '--max-clients-per-user', 1, 1_000_000)
  const maxStubs = values['max-stubs'] === undefined ? undefined : parseInteger(values['max-stubs'], '--max-stubs', 1, 1_000_000)
  const tls = parseTlsFlags(values)
  const openapi = await readOpenapiFlags(values)
  const tenants = values.tenants === true && {
    ...(values['max-tenants'] === undefined ? {} : { max: parseInteger(values['max-tenants'], '--max-tenants', 1, 1_000_000) }),
    ...(values['tenant-idle'] === undefined ? {} : { idleMs: parseDuration(values['tenant-idle'], '--tenant-idle') * 1000 }),
  }
  return {
    stateFlags,
    ...(tls === undefined ? {} : { tls }),
    ...(values['ready-file'] === undefined ? {} : { readyFile: new ReadyFile(values['ready-file']) }),
    ...(decision.note === undefined ? {} : { controlNote: decision.note }),
    warnings,
    profile,
    port: values.port === undefined ? profile.vendorPort : parseInteger(values.port, '--port', 0, 65535),
    host,
    log,
    accounts,
    generated,
    options: {
      profile,
      accounts,
      lifetimes,
      quirks: quirkFlags(values.quirk, profile),
      showAccountPasswords: values.fixtures === undefined && builtInFixtures,
      control: decision.control,
      ...(values['token-seed'] === undefined ? {} : { tokenSeed: values['token-seed'] }),
      ...(values.stubs === undefined ? {} : { stubs: readStubsFlag(values.stubs, profile, maxStubs) }),
      ...(maxClients === undefined ? {} : { maxClientsPerUser: maxClients }),
      ...(maxStubs === undefined ? {} : { maxStubs }),
      sessions: stateFlags.sessions,
      ...(values.throttle === undefined ? {} : { throttle: throttleFlag(values.throttle) }),
      ...(values.cors === true && { cors: true }),
      ...(openapi && { openapi, seed }),
      ...(tenants && { tenants }),
    },
  }
}

/** --throttle N/WINDOW, the window as --access-ttl writes durations. */
function throttleFlag(text: string): ThrottleSpec {
  let spec: ThrottleSpec
  try {
    spec = parseThrottle(text, (window) => parseDuration(window, '--throttle WINDOW'))
  } catch (error) {
    if (error instanceof UsageError) throw error
    throw new UsageError((error as Error).message)
  }
  if (spec.requests < 1) throw new UsageError(`--throttle needs N of at least 1 (got "${text}").`)
  return spec
}

/** Flags that only act together with another one: given alone they would silently do nothing. */
function ignoredFlags(values: { [flag: string]: unknown }): string[] {
  const given = (flag: string) => values[flag] !== undefined && values[flag] !== false
  const idle: [string, boolean, string][] = [
    ['seed', !given('generate-users') && !given('openapi'), 'without --generate-users or --openapi'],
    ['control-token', given('no-control'), 'with --no-control'],
    ['journal-size', given('no-control'), 'with --no-control'],
    ['max-tenants', !given('tenants'), 'without --tenants'],
    ['tenant-idle', !given('tenants'), 'without --tenants'],
  ]
  return idle.filter(([flag, unused]) => given(flag) && unused).map(([flag, , why]) => `--${flag} does nothing ${why}`)
}

/** A refresh token that dies before its access token makes refreshing impossible: say so (it still starts). */
function lifetimeWarnings(profile: Profile, accessFlag: string | undefined, refreshFlag: string | undefined): string[] {
  const access = accessFlag === undefined ? profile.lifetimes.accessSeconds : parseDuration(accessFlag, '--access-ttl')
  const refresh = refreshFlag === undefined ? profile.lifetimes.refreshSeconds : parseDuration(refreshFlag, '--refresh-ttl')
  if (refresh >= access) return []
  const name = (flag: string | undefined, option: string) => (flag === undefined ? `the profile's ${option.slice(2)}` : option)
  return [
    `${name(refreshFlag, '--refresh-ttl')} (${formatDuration(refresh)}) is shorter than ${name(accessFlag, '--access-ttl')} (${formatDuration(access)}): a refresh token expires before its access token, so no client can ever refresh`,
  ]
}

function banner(config: ServeConfig, url: string, lifetimes: { accessSeconds: number; refreshSeconds: number }, tls?: TlsSetup, documents?: DocumentRoutes): string {
  const { profile, options } = config
  // A user's own fixtures may hold real-looking passwords: never print them.
  const custom = options.showAccountPasswords === false
  // Columns as wide as their longest cell (at least the defaults' widths), so generated names line up too.
  const nameWidth = config.accounts.reduce((w, a) => Math.max(w, a.username.length), 28)
  const passwordWidth = config.accounts.reduce((w, a) => Math.max(w, a.password.length), 12)
  const accounts = config.accounts
    .map((a) => `    ${a.username.padEnd(nameWidth)} ${custom ? '' : `${a.password.padEnd(passwordWidth)} `}${a.role}`)
    .join('\n')
  const quirks = options.quirks?.length ? `\n  Quirks      ${options.quirks.join(', ')} (documented rules deliberately broken)` : ''
  return `veeam-auth-mock listening on ${url} (profile ${profile.id})
  Product     ${profile.title}${tls === undefined ? '' : tlsLines(tls)}
  Token       POST ${url}${profile.tokenPath}
  Swagger UI  ${url}/swagger
  OpenAPI     ${url}/openapi.json
  Lifetimes   access ${formatDuration(lifetimes.accessSeconds)}, refresh ${formatDuration(lifetimes.refreshSeconds)}${quirks}${stubsBannerLine(options.stubs ?? profile.stubs ?? [])}${documentsBannerLine(documents)}${controlLine(options, url)}${tenantsLine(options, url)}
  Accounts${custom ? ' (passwords as in your fixtures file)' : ''}:
${accounts}
Press Ctrl+C to stop.`
}

function tenantsLine(options: AppOptions, url: string): string {
  if (options.tenants === undefined || options.tenants === false) return ''
  const { max, idleMs } = { ...DEFAULT_TENANT_LIMITS, ...(options.tenants === true ? {} : options.tenants) }
  return `\n  Tenants     ${url}/t/NAME/... or X-Mock-Tenant: NAME (at most ${max} live; dropped after ${formatDuration(idleMs / 1000)} idle)`
}

function tlsLines(tls: TlsSetup): string {
  const trust = tls.certFile === undefined ? '' : `\n  Trust       ${tls.certFile} (curl --cacert, conformance --ca)`
  return `\n  TLS         ${tls.source}; SHA-256 ${tls.fingerprint256}${trust}`
}

function controlLine(options: AppOptions, url: string): string {
  if (!options.control) return ''
  const token = typeof options.control === 'object' && options.control.token !== undefined ? ' (bearer token required)' : ''
  return `\n  Control     ${url}/__control${token}; spec ${url}/__control/openapi.json`
}

/** Runs the server until a signal; returns the exit code. */
export async function serve(args: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const parent = process.ppid
  const parsed = await parseServeArgs(args)
  if (parsed === 'help') return out(SERVE_HELP), 0
  if (parsed === 'version') return out(packageVersion()), 0
  if (parsed === 'list-profiles') return printProfiles(out), 0
  const onRequest = requestPrinter(parsed.log, out)
  const stateFile = openState(parsed.stateFlags, parsed.profile.id, err)
  let mock
  try {
    mock = createMock({
      ...parsed.options,
      ...(onRequest === undefined ? {} : { onRequest }),
      ...(stateFile === undefined ? {} : { onStateChange: stateFile.onChange }),
      onServerError: (error) => parsed.log !== 'off' && err(`server error: ${escapeControl((error as Error).message)}`),
    })
  } catch (error) {
    throw asUsageError(error)
  }
  const stateLine = attachState(stateFile, mock, parsed.accounts, err)
  const { app, state } = mock
  const tls = parsed.tls && (await prepareTls(parsed.tls))
  parsed.readyFile?.clearStale()
  let server
  try {
    server = await listen(app.fetch, { host: parsed.host, port: parsed.port, ...(tls && { tls: tls.pair }) })
  } catch (error) {
    if (error instanceof ListenError) throw new UsageError(`${error.message} Choose another with --port.`)
    throw error
  }
  const ready = readyRecord(server.url, parsed.profile.id, tls)
  try {
    parsed.readyFile?.write(ready)
  } catch (error) {
    await server.close()
    throw error
  }
  // Listening before the ready line: a script may send SIGTERM as soon as it reads it.
  const stopped = new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop)
      process.off('SIGTERM', stop)
      unwatch()
      resolve()
    }
    process.on('SIGINT', stop)
    process.on('SIGTERM', stop)
    const unwatch = stopWhenOrphaned(process.env, parent, stop)
  })
  if (parsed.log === 'json') out(JSON.stringify(ready))
  else if (parsed.log !== 'off') out(banner(parsed, server.url, state.lifetimes, tls, mock.documents))
  if (parsed.log !== 'off') printDocumentWarnings(mock.warnings, err)
  if (parsed.log !== 'off' && parsed.log !== 'json' && stateLine !== '') out(stateLine)
  if (parsed.log !== 'off' && parsed.controlNote !== undefined) err(`warning: ${parsed.controlNote}`)
  if (parsed.log !== 'off') for (const warning of parsed.warnings) err(`warning: ${warning}`)
  if (parsed.options.tokenSeed !== undefined) {
    err('warning: --token-seed makes client ids, secrets and tokens predictable; use it for tests only')
  }
  await stopped
  parsed.readyFile?.remove()
  await server.close()
  stateFile?.close()
  return 0
}
