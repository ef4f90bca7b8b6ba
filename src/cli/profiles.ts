/** @module `veeam-auth-mock profiles`: the product versions the mock can emulate; `--export ID` prints one as a profile file. */
import { findProfile, PROFILES } from '../profiles/index.js'
import { exportProfile } from '../profiles/profile-file.js'
import { parseFlags } from './parse-flags.js'
import { UsageError } from './usage-error.js'

export const PROFILES_HELP = `Usage: veeam-auth-mock profiles [--export ID]

Lists the product versions the mock emulates: profile id, product, vendor port, token path, client bases.

Flags:
  --export ID           print profile ID as a profile file (JSON with $schema; docs/profiles.md
                        "Profiles as files"), e.g. to start your own: profiles --export vro-7.21 > my.json
  --help                print this help and exit
`

/** `profiles [--export ID] [--help]`; returns the exit code (a bad flag or unknown id throws UsageError). */
export function profilesCommand(args: string[], out: (line: string) => void): number {
  const flags = parseFlags(args, { export: { type: 'string' }, help: { type: 'boolean', short: 'h' } })
  if (flags.help) return out(PROFILES_HELP.trimEnd()), 0
  if (flags.export === undefined) return printProfiles(out), 0
  const profile = findProfile(flags.export)
  if (profile === undefined) throw new UsageError(`Unknown profile "${flags.export}"; known: ${PROFILES.map((p) => p.id).join(', ')}.`)
  out(exportProfile(profile).trimEnd())
  return 0
}

export function printProfiles(out: (line: string) => void): void {
  const rows = PROFILES.map((p) => [p.id, `${p.product} ${p.version}`, String(p.vendorPort), p.tokenPath, p.clientBases.join(' ') || '-'])
  const header = ['PROFILE', 'PRODUCT', 'PORT', 'TOKEN', 'CLIENTS BASES']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  for (const row of [header, ...rows]) out(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd())
}
