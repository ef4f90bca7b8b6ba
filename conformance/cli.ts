/** @module `npm run conformance` / `veeam-auth-mock conformance`: flags in, report out (with --compare, where two targets differ), exit 0, 1 or 2. */
import { realpathSync } from 'node:fs'
import { relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { compareTargets } from './compare.js'
import { HELP, parseOptions, UsageError } from './options.js'
import { reportPathProblem, writeReport } from './report-files.js'
import { comparisonReport, textReport } from './report-text.js'
import { observedOutcomes } from './outcomes.js'
import { isProfileFile, specFromProfileFile } from './profile-file.js'
import { recordBase, recordedProfile, writeWhole, type RecordBase } from './record.js'
import { runConformance } from './run.js'

export interface Io {
  env: Record<string, string | undefined>
  out(line: string): void
  err(line: string): void
  signal?: AbortSignal
}

const defaultIo = (): Io => ({
  env: process.env,
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
})

/** Runs the suite; returns the exit code. */
export async function main(argv: string[], io: Io = defaultIo()): Promise<number> {
  let parsed
  try {
    parsed = parseOptions(argv, io.env)
  } catch (error) {
    if (!(error instanceof UsageError)) throw error
    io.err(`conformance: ${error.message}`)
    return 2
  }
  if (parsed === 'help') return io.out(HELP.trimEnd()), 0
  const { run: options, reports, compare, record } = parsed
  for (const { kind, file } of reports) {
    const problem = reportPathProblem(file)
    if (problem !== undefined) return io.err(`conformance: --report ${kind}:${file} cannot be written (${problem})`), 2
  }
  if (record !== undefined) {
    const problem = reportPathProblem(record)
    if (problem !== undefined) return io.err(`conformance: --record ${record} cannot be written (${problem})`), 2
  }
  const profileFile = options.profile
  let derived
  if (isProfileFile(profileFile)) {
    if (options.specFile !== undefined) return io.err('conformance: --profile FILE derives the spec from the file; with --spec, give the spec\'s profile id'), 2
    try {
      derived = await specFromProfileFile(profileFile)
    } catch (error) {
      if (!(error instanceof UsageError)) throw error
      return io.err(`conformance: ${error.message}`), 2
    }
    Object.assign(options, { profile: derived.id, specFile: derived.specFile })
  }
  // After the derivation, so a broken profile file is named by the mock's own one line.
  let base: RecordBase | undefined
  if (record !== undefined) {
    try {
      base = recordBase(profileFile, derived !== undefined)
    } catch (error) {
      derived?.remove()
      if (!(error instanceof UsageError)) throw error
      return io.err(`conformance: ${error.message}`), 2
    }
  }
  const controller = new AbortController()
  const stop = () => controller.abort()
  io.signal?.addEventListener('abort', stop)
  if (io.signal === undefined) process.once('SIGINT', stop)
  try {
    const compared = compare === undefined ? undefined : await compareTargets({ ...options, signal: controller.signal }, compare)
    const run = compared?.run ?? (await runConformance({ ...options, signal: controller.signal }))
    if (run.error !== undefined && run.results.length === 0 && run.leftBehind.length === 0) {
      io.err(`conformance: could not run: ${run.error}`)
      return 2
    }
    const mode = `${options.strict === true ? 'strict' : 'not strict'}${options.only === undefined ? '' : `, only ${options.only}`}`
    const from = derived === undefined ? `spec ${relative(process.cwd(), run.specFile)}` : `spec derived from ${profileFile}`
    for (const line of textReport(run, `conformance ${options.profile} against ${options.target} (${from}; ${mode})`)) io.out(line)
    const meta = { target: options.target, profile: options.profile, strict: options.strict === true }
    const comparison = compared?.comparison
    if (comparison !== undefined) for (const line of ['', ...comparisonReport(comparison)]) io.out(line)
    for (const { kind, file } of reports) {
      try {
        writeReport(kind, file, run, meta, comparison)
      } catch (error) {
        io.err(`conformance: --report ${kind}:${file} could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
        return 2
      }
    }
    if (record !== undefined && base !== undefined) {
      // A run cut short saw only part of the target: a recording of it would claim the rest answers as the profile.
      if (run.exitCode === 2) io.err(`conformance: --record ${record} not written: the run did not complete`)
      else {
        const { patch, count, notes } = observedOutcomes(run.results)
        try {
          writeWhole(record, recordedProfile(base, patch))
        } catch (error) {
          io.err(`conformance: --record ${record} could not be written (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
          return 2
        }
        for (const note of notes) io.out(`record: ${note}`)
        io.out(`recorded ${count} assumption outcomes to ${record} (serve it with --profile ${record})`)
      }
    }
    if (comparison?.error !== undefined) io.err(`conformance: could not run: ${comparison.error}`)
    else if (run.error !== undefined) io.err(`conformance: ${run.error}`)
    return comparison?.exitCode ?? run.exitCode
  } finally {
    derived?.remove()
    process.off('SIGINT', stop)
  }
}

const entry = process.argv[1]
if (entry !== undefined && realpathSync(entry) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(`conformance: unexpected error: ${(error as Error).stack ?? String(error)}\n`)
      process.exit(2)
    },
  )
}
