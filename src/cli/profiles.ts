/** @module `veeam-auth-mock profiles`: the product versions the mock can emulate; `--export ID` prints one as a profile file. */
import { parseArgs } from 'node:util'
import { findProfile, PROFILES } from '../profiles/index.js'
import { exportProfile } from '../profiles/profile-file.js'
import { UsageError } from './usage-error.js'

export function printProfiles(out: (line: string) => void): void {
  const rows = PROFILES.map((p) => [p.id, `${p.product} ${p.version}`, String(p.vendorPort), p.tokenPath, p.clientBases.join(' ') || '-'])
  const header = ['PROFILE', 'PRODUCT', 'PORT', 'TOKEN', 'CLIENTS BASES']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  for (const row of [header, ...rows]) out(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd())
}

/** `profiles [--export ID]`; returns the exit code. */
export function profilesCommand(args: string[], out: (line: string) => void): number {
  let values
  try {
    values = parseArgs({ args, options: { export: { type: 'string' } }, strict: true, allowPositionals: false }).values
  } catch (error) {
    throw new UsageError(`${(error as Error).message} (profiles takes only --export ID)`)
  }
  if (values.export === undefined) return printProfiles(out), 0
  const profile = findProfile(values.export)
  if (profile === undefined) throw new UsageError(`Unknown profile "${values.export}"; known: ${PROFILES.map((p) => p.id).join(', ')}.`)
  out(exportProfile(profile).trimEnd())
  return 0
}
