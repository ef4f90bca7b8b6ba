/** @module The terminal report: one line per check grouped by scenario, details under failures, then the summary line. */
import { SCENARIOS } from './checks.js'
import type { Comparison } from './compare.js'
import type { RunResult } from './run.js'

const LABEL: Record<string, string> = { passed: 'PASS', failed: 'FAIL', warning: 'WARN', observed: 'NOTE', skipped: 'SKIP' }

export function summaryLine({ summary: s }: RunResult): string {
  return `${s.passed} passed, ${s.failed} failed, ${s.warnings} warnings, ${s.skipped} skipped`
}

export function textReport(run: RunResult, header: string): string[] {
  const lines = [header, '']
  for (const scenario of SCENARIOS) {
    const results = run.results.filter((r) => r.scenario === scenario)
    if (results.length === 0) continue
    lines.push(scenario)
    for (const r of results) {
      lines.push(`  ${LABEL[r.outcome]}  ${r.severity.padEnd(6)} ${r.id}  (${r.cite})`)
      if (r.note !== undefined) lines.push(`        ${r.note}`)
      if (r.outcome === 'failed' || r.outcome === 'warning' || r.outcome === 'observed') {
        if (r.expected !== undefined) lines.push(`        Expected: ${r.expected}`)
        if (r.received !== undefined) lines.push(`        Received: ${r.received}`)
        if (r.curl !== undefined) lines.push(`        Repro:    ${r.curl}`)
      }
    }
    lines.push('')
  }
  if (run.reproSetup.length > 0) {
    lines.push('To run a Repro line, paste these first (the report holds no secret; ACCESS_TOKEN and REFRESH_TOKEN are')
    lines.push("fresh ones of the run's account, so a line whose check used another token sends this one instead):")
    for (const line of run.reproSetup) lines.push(`  ${line}`)
    lines.push('')
  }
  lines.push(`requests sent: ${run.requests}`)
  lines.push(`left behind: ${run.leftBehind.length}`)
  for (const item of run.leftBehind) lines.push(`  ${item}`)
  if (run.summary.observed > 0) {
    lines.push(`observations: ${run.summary.observed} (INFO: where the vendor is silent the target chose otherwise than our assumptions; never a failure)`)
  }
  lines.push(summaryLine(run))
  return lines
}

/** --compare: the checks that differ, field by field (outcomes as labels), then the second run's counts and one verdict line. */
export function comparisonReport(c: Comparison): string[] {
  const lines = [`comparison with ${c.compare} (the same scenarios and accounts, run after the target)`]
  for (const d of c.differences) {
    lines.push(`  DIFF  ${d.id}  (${d.scenario})`)
    const show = (field: string, value: string) => (field === 'outcome' ? LABEL[value] ?? value : value)
    for (const f of d.fields) lines.push(`        ${f.field}: ${show(f.field, f.target)} (target) / ${show(f.field, f.compare)} (compare)`)
  }
  const s = c.summary
  lines.push(`compare target: ${s.passed} passed, ${s.failed} failed, ${s.warnings} warnings, ${s.skipped} skipped; left behind: ${c.leftBehind.length}`)
  for (const item of c.leftBehind) lines.push(`  ${item}`)
  const n = c.differences.length
  if (c.error !== undefined) lines.push(`not compared: ${c.error}`)
  else lines.push(n === 0 ? `no difference: ${c.alike} checks alike` : `${n} check${n === 1 ? ' differs' : 's differ'}, ${c.alike} alike`)
  return lines
}
