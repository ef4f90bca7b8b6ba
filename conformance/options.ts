/** @module The command line of the suite: flags and environment into run options, or one clear usage error. */
import { readFileSync } from 'node:fs'
import { parseArgs } from 'node:util'
import type { RunOptions } from './run.js'

export const HELP = `Usage: npm run conformance -- --target URL --profile ID --username U --password P [flags]
       veeam-auth-mock conformance --target URL --profile ID --username U [flags]

Runs the vendor's documented authorization scenarios against URL and reports, per check, its
severity (MUST: the vendor documents it; SHOULD: RFC 6749/6750 or the OAuth 2.0 Security BCP asks
for it; INFO: the vendor is silent, an assumption of the spec) and a citation.

Flags:
  --target URL                  base URL of the server, e.g. https://vro.example:9898
  --profile ID|FILE             product version, e.g. vro-7.1 (reads spec/<ID>.openapi.json), or a profile
                                file (docs/profiles.md "Profiles as files"): its spec is derived from it
  --username U --password P     an account with API rights (DOMAIN\\USERNAME or USERNAME)
  --other-username/--other-password                a second such account (cross-user checks)
  --unprivileged-username/--unprivileged-password  an account without API rights
  --mfa-username/--mfa-password an account with a second factor (VSPC): the MFA checks log it in
  --mfa-secret S                its base32 TOTP secret, so the suite computes the codes (else, against the
                                mock, it reads them from the control API; else the MFA checks are skipped)
  --throttle-probe N            send up to N+1 requests as one account to see the throttling answer (429)
  --spec FILE                   use this OpenAPI spec (with x-veeam-auth-mock) instead of the profile's
  --api-version REV             the spec's version header value (VBR x-api-version; default: the spec's
                                default revision, e.g. 1.1-rev0 for vbr-12)
  --strict                      hold the target to the spec's assumptions too, as MUST
  --insecure                    accept a self-signed TLS certificate
  --ca FILE                     trust this PEM certificate
  --timeout 10s                 per request (ms, s or m; default 10s)
  --report junit:FILE           write a JUnit XML report (repeatable, also json:FILE); checked before
                                the first request: a FILE that cannot be written exits 2
  --only PATTERN                run only checks whose id or scenario contains PATTERN (* is a wildcard);
                                matching no check exits 2 with the scenarios and check ids
  --control URL                 the mock's control API (default: probe <target>/__control); the time
                                checks move its clock, and are skipped against a real server
  --control-token T             the control API's bearer token, when it needs one
  --baseline FILE               known failures, one check id a line (# comments): they don't fail the
                                run; a listed check that passes fails it (stale baseline)
  --compare URL                 then run the same scenarios against URL (e.g. the mock), with the same
                                accounts and flags, and report check by check where the two differ:
                                outcome, status, body shape (JSON keys and types, never values) and the
                                content-type, cache-control, www-authenticate and allow headers; the time
                                checks run only if both have a control API (--control is the target's)
  --record FILE                 after the run, write what the target did where the vendor is silent (every
                                assumption outcome the run observed) as a profile file: {"extends": ID,
                                "outcomes": {...}}, or, with --profile FILE, that file with the outcomes
                                merged in (one with fixtures is refused: they hold passwords); serve it with
                                --profile FILE to get a mock that answers as the target did
  --help                        this text

Passwords may come from VEEAM_PASSWORD, VEEAM_OTHER_PASSWORD, VEEAM_UNPRIVILEGED_PASSWORD and VEEAM_MFA_PASSWORD
instead, the TOTP secret from VEEAM_MFA_SECRET. Nothing the suite prints or writes contains a password, client
secret, TOTP secret, API key or token.

Exit codes: 0 no MUST check failed; 1 a MUST check failed (or a stale baseline entry);
            2 could not run (bad flags, target unreachable, primary login refused).
With --compare: 0 no difference; 1 a check differs; 2 either target could not run.
`

export class UsageError extends Error {}

export interface CliOptions {
  run: RunOptions
  reports: { kind: 'junit' | 'json'; file: string }[]
  /** --compare: the second target's URL. */
  compare?: string
  /** --record: where the observed outcomes go, as a profile file. */
  record?: string
}

export function parseDuration(text: string): number {
  const match = /^(\d+(?:\.\d+)?)(ms|s|m)?$/.exec(text.trim())
  if (match === null || Number(match[1]) <= 0) throw new UsageError(`--timeout ${text} is not a duration like 10s, 500ms or 1m`)
  return Number(match[1]) * { ms: 1, s: 1000, m: 60_000 }[(match[2] ?? 's') as 'ms' | 's' | 'm']
}

function readText(file: string, flag: string): string {
  try {
    return readFileSync(file, 'utf8')
  } catch (error) {
    throw new UsageError(`${flag} ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
}

export function readBaseline(text: string): string[] {
  if (text.trim().startsWith('[')) return JSON.parse(text) as string[]
  return text.split('\n').map((line) => line.replace(/#.*/, '').trim()).filter((line) => line !== '')
}

/** parseArgs' mistakes in one line (its `--timeout -1` message takes three). */
function flagError(message: string): string {
  const flag = /use '(--[^=']+)=-XYZ'/.exec(message)?.[1]
  if (flag !== undefined) return `${flag} needs a value; to give one that starts with a dash write ${flag}=VALUE (see --help)`
  return `${message.split('\n')[0]!.trim()} (see --help)`
}

/** Parsed options, or 'help'. */
export function parseOptions(argv: string[], env: Record<string, string | undefined>): CliOptions | 'help' {
  let values
  try {
    ;({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        target: { type: 'string' }, profile: { type: 'string' }, spec: { type: 'string' }, 'api-version': { type: 'string' },
        username: { type: 'string' }, password: { type: 'string' },
        'other-username': { type: 'string' }, 'other-password': { type: 'string' },
        'unprivileged-username': { type: 'string' }, 'unprivileged-password': { type: 'string' },
        'mfa-username': { type: 'string' }, 'mfa-password': { type: 'string' }, 'mfa-secret': { type: 'string' },
        'throttle-probe': { type: 'string' },
        strict: { type: 'boolean' }, insecure: { type: 'boolean' }, ca: { type: 'string' },
        timeout: { type: 'string' }, report: { type: 'string', multiple: true },
        control: { type: 'string' }, 'control-token': { type: 'string' },
        only: { type: 'string' }, baseline: { type: 'string' }, compare: { type: 'string' }, record: { type: 'string' }, help: { type: 'boolean', short: 'h' },
      },
    }))
  } catch (error) {
    throw new UsageError(flagError((error as Error).message))
  }
  if (values.help === true) return 'help'
  const need = (name: 'target' | 'profile' | 'username') => {
    const value = values[name]
    if (value === undefined || value === '') throw new UsageError(`--${name} is required; see --help`)
    return value
  }
  const target = url('--target', need('target'))
  const account = (prefix: '' | 'other-' | 'unprivileged-' | 'mfa-', variable: string) => {
    const username = values[`${prefix}username`]
    const password = values[`${prefix}password`] ?? env[variable]
    if (username === undefined) {
      if (values[`${prefix}password`] !== undefined) throw new UsageError(`--${prefix}password needs --${prefix}username`)
      return undefined
    }
    if (password === undefined || password === '') throw new UsageError(`--${prefix}username needs --${prefix}password or ${variable}`)
    return { username, password, placeholder: variable }
  }
  need('username')
  const user = account('', 'VEEAM_PASSWORD')!
  const other = account('other-', 'VEEAM_OTHER_PASSWORD')
  const unprivileged = account('unprivileged-', 'VEEAM_UNPRIVILEGED_PASSWORD')
  const mfaAccount = account('mfa-', 'VEEAM_MFA_PASSWORD')
  const secret = values['mfa-secret'] ?? env['VEEAM_MFA_SECRET']
  if (secret !== undefined && mfaAccount === undefined) throw new UsageError('--mfa-secret needs --mfa-username')
  if (secret !== undefined && !/^[A-Za-z2-7]{16,128}=*$/.test(secret)) throw new UsageError('--mfa-secret is not a base32 TOTP secret')
  const mfa = mfaAccount && (secret === undefined ? mfaAccount : { ...mfaAccount, secret })
  const reports = (values.report ?? []).map((spec) => {
    const match = /^(junit|json):(.+)$/.exec(spec)
    if (match === null) throw new UsageError(`--report ${spec} is not junit:FILE or json:FILE`)
    return { kind: match[1] as 'junit' | 'json', file: match[2]! }
  })
  const run: RunOptions = {
    target,
    profile: need('profile'),
    accounts: { user, ...(other && { other }), ...(unprivileged && { unprivileged }), ...(mfa && { mfa }) },
    strict: values.strict ?? false,
    http: {
      timeoutMs: parseDuration(values.timeout ?? '10s'),
      insecure: values.insecure ?? false,
      ...(values.ca !== undefined && { ca: readText(values.ca, '--ca') }),
    },
  }
  if (values.spec !== undefined) run.specFile = values.spec
  if (values['api-version'] !== undefined) {
    if (!/^\d+\.\d+-rev\d+$/.test(values['api-version'])) throw new UsageError(`--api-version ${values['api-version']} is not <version>-<revision>, e.g. 1.1-rev0`)
    run.apiVersion = values['api-version']
  }
  if (values.only !== undefined) run.only = values.only
  if (values['throttle-probe'] !== undefined) {
    const n = Number(values['throttle-probe'])
    if (!/^\d{1,4}$/.test(values['throttle-probe']) || n < 1) throw new UsageError(`--throttle-probe ${values['throttle-probe']} is not a count from 1 to 9999`)
    run.throttleProbe = n
  }
  if (values.control !== undefined && !/^https?:\/\/[^/]/.test(values.control)) throw new UsageError(`--control ${values.control} is not an http(s) URL`)
  if (values['control-token'] === '') throw new UsageError('--control-token is empty')
  const control = {
    ...(values.control !== undefined && { url: values.control }),
    ...(values['control-token'] !== undefined && { token: values['control-token'] }),
  }
  if (Object.keys(control).length > 0) run.control = control
  if (values.baseline !== undefined) {
    try {
      run.baseline = readBaseline(readText(values.baseline, '--baseline'))
    } catch (error) {
      throw error instanceof UsageError ? error : new UsageError(`--baseline ${values.baseline} is not a list of check ids`)
    }
  }
  if (values.record === '') throw new UsageError('--record needs a file name')
  const record = values.record === undefined ? {} : { record: values.record }
  if (values.compare === undefined) return { run, reports, ...record }
  return { run, reports, compare: url('--compare', values.compare), ...record }
}

function url(flag: string, text: string): string {
  if (!/^https?:\/\/[^/]/.test(text)) throw new UsageError(`${flag} ${text} is not an http(s) URL`)
  try {
    new URL(text)
  } catch {
    throw new UsageError(`${flag} ${text} is not an http(s) URL`)
  }
  return text
}
