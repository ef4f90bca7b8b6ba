/** @module --compare: the same scenarios against a second target, one run after the other, and where the two differ check by check. */
import type { CheckResult } from './context.js'
import { findControl } from './control.js'
import { onlyFilter, runConformance, type RunOptions, type RunResult, type Summary } from './run.js'
import { TIME_CHECKS } from './scenarios/time.js'
import { COMPARED_HEADERS, sameShape, type Shape } from './shape.js'

export interface Difference {
  id: string
  scenario: string
  /** `field`: outcome, status, body (its shape) or a header's name; the values as each target had them. */
  fields: { field: string; target: string; compare: string }[]
}

export interface Comparison {
  /** The second target's URL. */
  compare: string
  /** 0: no difference; 1: a check differs; 2: a run could not run (or was interrupted). */
  exitCode: 0 | 1 | 2
  error?: string
  /** Checks that ran the same way on both. */
  alike: number
  differences: Difference[]
  /** The second run's own counts and what it left behind. */
  summary: Summary
  leftBehind: string[]
}

const NONE = '(none)'
const shown = (shape: Shape) => (typeof shape === 'string' ? shape : JSON.stringify(shape))

/** Pairs results by check id; two skips are alike whatever their reasons. */
export function compareResults(target: readonly CheckResult[], compare: readonly CheckResult[]): { alike: number; differences: Difference[] } {
  const byId = new Map(compare.map((r) => [r.id, r]))
  const ids = [...new Set([...target.map((r) => r.id), ...compare.map((r) => r.id)])]
  const mine = new Map(target.map((r) => [r.id, r]))
  const differences: Difference[] = []
  for (const id of ids) {
    const [a, b] = [mine.get(id), byId.get(id)]
    const fields: Difference['fields'] = []
    const add = (field: string, x: string, y: string, same = x === y) => void (!same && fields.push({ field, target: x, compare: y }))
    add('outcome', a?.outcome ?? 'not run', b?.outcome ?? 'not run')
    if (a !== undefined && b !== undefined && !(a.outcome === 'skipped' && b.outcome === 'skipped')) {
      add('status', String(a.seen?.status ?? NONE), String(b.seen?.status ?? NONE))
      const [x, y] = [a.seen?.body ?? NONE, b.seen?.body ?? NONE]
      add('body', shown(x), shown(y), sameShape(x, y))
      for (const name of COMPARED_HEADERS) add(name, a.seen?.headers[name] ?? NONE, b.seen?.headers[name] ?? NONE)
    }
    if (fields.length > 0) differences.push({ id, scenario: (a ?? b)!.scenario, fields })
  }
  return { alike: ids.length - differences.length, differences }
}

/** Why the time checks cannot run on both (they move a clock only the mock's control API has), or undefined. */
async function timeSkip(options: RunOptions, compare: string): Promise<string | undefined> {
  if (!TIME_CHECKS.some(onlyFilter(options.only))) return undefined
  for (const [flag, target, control] of [['--target', options.target, options.control ?? {}], ['--compare', compare, {}]] as const) {
    const found = await findControl(target, control, options.http)
    if ('reason' in found) return `run on both targets or neither: ${flag} has none (${found.reason})`
  }
  return undefined
}

/** Runs `options.target`, then `compare` with the same accounts and flags (its control API probed at <compare>/__control, without a token). */
export async function compareTargets(options: RunOptions, compare: string): Promise<{ run: RunResult; other?: RunResult; comparison: Comparison }> {
  const skipTime = await timeSkip(options, compare)
  const both = { ...options, ...(skipTime !== undefined && { skipTime }) }
  const run = await runConformance(both)
  const blank = { passed: 0, failed: 0, warnings: 0, observed: 0, skipped: 0 }
  const broken = (r: RunResult) => r.error !== undefined || r.interrupted
  if (broken(run)) {
    const comparison: Comparison = { compare, exitCode: 2, error: `--target: ${run.error ?? 'interrupted'}`, alike: 0, differences: [], summary: blank, leftBehind: [] }
    return { run, comparison }
  }
  const { control: _control, ...rest } = both
  const other = await runConformance({ ...rest, target: compare })
  // A run cut short would show every check it did not reach as a difference: no verdict then.
  const { alike, differences } = broken(other) ? { alike: 0, differences: [] } : compareResults(run.results, other.results)
  const comparison: Comparison = {
    compare,
    exitCode: broken(other) ? 2 : differences.length > 0 ? 1 : 0,
    ...(broken(other) && { error: `--compare: ${other.error ?? 'interrupted'}` }),
    alike,
    differences,
    summary: other.summary,
    leftBehind: other.leftBehind,
  }
  return { run, other, comparison }
}
