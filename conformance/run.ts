/** @module Runs the suite against a target: log in, run the scenarios, clean up, apply the baseline, count. */
import { CHECKS, SCENARIOS as SCENARIO_NAMES } from './checks.js'
import { cleanUp } from './cleanup.js'
import type { ControlOptions } from './control.js'
import { Context, Interrupted, pairOf, describe, type CheckResult } from './context.js'
import { createHttp, TransportError, type HttpOptions } from './http.js'
import { Redactor } from './redact.js'
import { reproExports } from './repro-setup.js'
import type { Accounts } from './scenarios/accounts.js'
import { apiVersionScenario } from './scenarios/api-version.js'
import { authorizationCodeScenario } from './scenarios/authorization-code.js'
import { apiKeysScenario } from './scenarios/api-keys.js'
import { bearerScenario } from './scenarios/bearer.js'
import { mfaScenario } from './scenarios/mfa.js'
import { throttleScenario } from './scenarios/throttle.js'
import { antiforgeryScenario } from './scenarios/antiforgery.js'
import { revokeScenario } from './scenarios/revoke.js'
import { tokenDatesScenario } from './scenarios/token-dates.js'
import { clientsScenario } from './scenarios/clients.js'
import { contractScenario } from './scenarios/contract.js'
import { crossUserScenario } from './scenarios/cross-user.js'
import { logoutScenario } from './scenarios/logout.js'
import { refreshScenario } from './scenarios/refresh.js'
import { TIME_CHECKS, timeScenario } from './scenarios/time.js'
import { tokenScenario } from './scenarios/token.js'
import { defaultSpecFile, loadSpec, SpecError } from './spec.js'

export interface RunOptions {
  target: string
  profile: string
  /** Default spec/<profile>.openapi.json. */
  specFile?: string
  accounts: Accounts
  strict?: boolean
  /** Check-id pattern: `*` matches anything; without `*`, a substring. */
  only?: string
  /** The value of the spec's version header (default: its default revision). */
  apiVersion?: string
  /** Check ids known to fail. */
  baseline?: readonly string[]
  http: HttpOptions
  /** Send up to N+1 requests as one account to see the throttling answer. */
  throttleProbe?: number
  /** The mock's control API, for the time checks (default: discovered at `<target>/__control`). */
  control?: ControlOptions
  /** Skip the time checks for this reason (--compare: the other target has no control API). */
  skipTime?: string
  signal?: AbortSignal
}

export interface Summary {
  passed: number
  failed: number
  warnings: number
  /** INFO checks where the target did otherwise than our assumption: reported, never a failure or warning. */
  observed: number
  skipped: number
}

export interface RunResult {
  /** 0: no MUST failed; 1: a MUST failed (or a stale baseline entry); 2: could not run. */
  exitCode: 0 | 1 | 2
  /** Why the run could not run (exit 2). */
  error?: string
  results: CheckResult[]
  summary: Summary
  leftBehind: string[]
  requests: number
  specFile: string
  interrupted: boolean
  /** `export` lines that make the results' Repro lines work when pasted after them (no secret in them). */
  reproSetup: string[]
}

const SCENARIOS = [
  tokenScenario,
  tokenDatesScenario,
  apiVersionScenario,
  refreshScenario,
  authorizationCodeScenario,
  clientsScenario,
  crossUserScenario,
  logoutScenario,
  antiforgeryScenario,
  revokeScenario,
]

/** Whether a check is picked by --only: the pattern matches its id or its scenario's name. */
export function onlyFilter(pattern: string | undefined): (id: string) => boolean {
  if (pattern === undefined || pattern === '') return () => true
  const regex = new RegExp(`^${pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*')}$`)
  const matches = (name: string) => (pattern.includes('*') ? regex.test(name) : name.includes(pattern))
  return (id) => matches(id) || matches(CHECKS.get(id)?.scenario ?? '')
}

function summarize(results: CheckResult[]): Summary {
  const count = (outcome: CheckResult['outcome']) => results.filter((r) => r.outcome === outcome).length
  return { passed: count('passed'), failed: count('failed'), warnings: count('warning'), observed: count('observed'), skipped: count('skipped') }
}

/** Known failures become warnings; a baselined check that passes fails the run, so baselines don't rot. */
function applyBaseline(results: CheckResult[], baseline: readonly string[]): CheckResult[] {
  const known = new Set(baseline)
  return results.map((r) => {
    if (!known.has(r.id)) return r
    if (r.outcome === 'failed') return { ...r, outcome: 'warning', note: 'known failure (baseline)' }
    if (r.outcome === 'passed') return { ...r, outcome: 'failed', note: 'stale baseline entry: this check now passes; remove it from the baseline' }
    return r
  })
}

export async function runConformance(options: RunOptions): Promise<RunResult> {
  const specFile = options.specFile ?? defaultSpecFile(options.profile)
  const empty = { results: [], summary: { passed: 0, failed: 0, warnings: 0, observed: 0, skipped: 0 }, leftBehind: [], requests: 0, specFile, interrupted: false, reproSetup: [] }
  const couldNot = (error: string): RunResult => ({ ...empty, exitCode: 2, error })
  for (const id of options.baseline ?? []) if (!CHECKS.has(id)) return couldNot(`baseline names an unknown check "${id}"`)
  if (options.only !== undefined && ![...CHECKS.keys()].some(onlyFilter(options.only))) {
    return couldNot(`--only ${options.only} matches no check; scenarios: ${SCENARIO_NAMES.join(', ')}; checks: ${[...CHECKS.keys()].join(', ')}`)
  }
  let spec
  try {
    spec = loadSpec(specFile)
  } catch (error) {
    if (error instanceof SpecError) return couldNot(error.message)
    throw error
  }
  if (spec.promises.id !== options.profile) return couldNot(`spec ${specFile} is for profile ${spec.promises.id}, not ${options.profile}`)
  const redactor = new Redactor()
  const { user, other, unprivileged } = options.accounts
  const { mfa } = options.accounts
  for (const account of [user, other, unprivileged, mfa]) if (account !== undefined) redactor.add(account.password, account.placeholder)
  if (mfa?.secret !== undefined) redactor.add(mfa.secret, 'VEEAM_MFA_SECRET')
  const signal = options.signal ?? new AbortController().signal
  const version = spec.promises.apiVersion
  const defaults = version === undefined ? {} : { [version.header]: options.apiVersion ?? version.default }
  const t = new Context(spec, createHttp(options.target, options.http, defaults), redactor, options.strict ?? false, onlyFilter(options.only), signal)

  let error: string | undefined
  let interrupted = false
  let leftBehind: string[] = []
  try {
    const login = await t.login(user)
    if (pairOf(login) === undefined) error = `primary login as ${user.username} refused: ${redactor.apply(describe(login))}`
    else {
      for (const scenario of SCENARIOS) await scenario(t, options.accounts)
      await mfaScenario(t, options.accounts, options.target, options.control ?? {}, options.http)
      await apiKeysScenario(t, options.accounts)
      await throttleScenario(t, options.accounts, options.throttleProbe)
      await bearerScenario(t)
      // Last but the time checks: it judges every exchange before it.
      await contractScenario(t)
      // Last: it moves the target's clock (and puts it back).
      if (options.skipTime !== undefined) t.skip(TIME_CHECKS, options.skipTime)
      else await timeScenario(t, options.accounts, options.target, options.control ?? {}, options.http)
    }
  } catch (caught) {
    if (caught instanceof TransportError) error = `target unreachable: ${caught.message}`
    else if (caught instanceof Interrupted) interrupted = true
    else throw caught
  } finally {
    t.cleaning = true
    leftBehind = [...t.leftBehind, ...(await cleanUp(t))]
  }
  const results = applyBaseline(t.results, options.baseline ?? [])
  const summary = summarize(results)
  const exitCode = error !== undefined || interrupted ? 2 : summary.failed > 0 ? 1 : 0
  return {
    exitCode,
    ...(error !== undefined && { error: redactor.apply(error) }),
    ...(interrupted && { error: 'interrupted; cleaned up' }),
    results,
    summary,
    leftBehind,
    requests: t.requestCount,
    specFile,
    interrupted,
    reproSetup: reproExports(
      results.flatMap((r) => (r.curl === undefined ? [] : [r.curl])),
      { target: options.target, tokenPath: spec.promises.tokenPath, insecure: options.http.insecure, user },
    ),
  }
}
