/** @module JUnit XML and JSON reports: the same facts as the terminal report. */
import { closeSync, existsSync, openSync, unlinkSync, writeFileSync } from 'node:fs'
import { SCENARIOS } from './checks.js'
import type { Comparison } from './compare.js'
import type { RunResult } from './run.js'

const xml = (text: string) => text.replace(/[<>&"']/g, (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', '"': 'quot', "'": 'apos' }[c]};`)

export interface RunMeta {
  target: string
  profile: string
  strict: boolean
}

export function junit(run: RunResult, meta: RunMeta): string {
  const suites = SCENARIOS.map((scenario) => {
    const results = run.results.filter((r) => r.scenario === scenario)
    const failures = results.filter((r) => r.outcome === 'failed').length
    const skipped = results.filter((r) => r.outcome === 'skipped').length
    const cases = results.map((r) => {
      const detail = [r.note, r.expected && `Expected: ${r.expected}`, r.received && `Received: ${r.received}`, r.curl && `Repro: ${r.curl}`, r.curl && run.reproSetup.length > 0 && `Before the Repro line, run:\n${run.reproSetup.join('\n')}`].filter(Boolean).join('\n')
      const name = `${r.id} [${r.severity}]`
      const inner =
        r.outcome === 'failed' ? `<failure message="${xml(r.expected ?? r.note ?? 'failed')}">${xml(`${r.cite}\n${detail}`)}</failure>`
        : r.outcome === 'skipped' ? `<skipped message="${xml(r.note ?? '')}"/>`
        : r.outcome === 'warning' ? `<system-out>${xml(`WARNING (${r.cite})\n${detail}`)}</system-out>`
        : r.outcome === 'observed' ? `<system-out>${xml(`OBSERVATION (${r.cite})\n${detail}`)}</system-out>`
        : ''
      return `    <testcase classname="conformance.${scenario}" name="${xml(name)}">${inner}</testcase>`
    })
    return `  <testsuite name="${scenario}" tests="${results.length}" failures="${failures}" skipped="${skipped}">\n${cases.join('\n')}\n  </testsuite>`
  })
  const s = run.summary
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="${xml(`conformance ${meta.profile} ${meta.target}`)}" tests="${run.results.length}" failures="${s.failed}" skipped="${s.skipped}">\n${suites.join('\n')}\n</testsuites>\n`
}

/** With --compare, `exitCode` is the comparison's and `comparison` says where the two targets differ. */
export function json(run: RunResult, meta: RunMeta, comparison?: Comparison): string {
  const { results, summary, leftBehind, requests, specFile, reproSetup } = run
  const exitCode = comparison?.exitCode ?? run.exitCode
  return `${JSON.stringify({ ...meta, spec: specFile, exitCode, summary, requests, leftBehind, results, reproSetup, ...(comparison && { comparison }) }, null, 2)}\n`
}

export function writeReport(kind: 'junit' | 'json', file: string, run: RunResult, meta: RunMeta, comparison?: Comparison): void {
  writeFileSync(file, kind === 'junit' ? junit(run, meta) : json(run, meta, comparison))
}

/** Why `file` cannot be written, or undefined: tried by opening it, before the run, so a typo costs no run. */
export function reportPathProblem(file: string): string | undefined {
  const existed = existsSync(file)
  try {
    closeSync(openSync(file, 'a'))
    if (!existed) unlinkSync(file)
    return undefined
  } catch (error) {
    return (error as NodeJS.ErrnoException).code ?? (error as Error).message
  }
}
