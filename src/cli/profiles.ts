/** @module `veeam-auth-mock profiles`: the product versions the mock can emulate. */
import { PROFILES } from '../profiles/index.js'
import { parseFlags } from './parse-flags.js'

export const PROFILES_HELP = `Usage: veeam-auth-mock profiles

Lists the product versions the mock emulates: profile id, product, vendor port, token path, client bases.

Flags:
  --help                print this help and exit
`

/** `profiles [--help]`; returns the exit code (a bad flag throws UsageError). */
export function profilesCommand(args: string[], out: (line: string) => void): number {
  if (parseFlags(args, { help: { type: 'boolean', short: 'h' } }).help) out(PROFILES_HELP.trimEnd())
  else printProfiles(out)
  return 0
}

export function printProfiles(out: (line: string) => void): void {
  const rows = PROFILES.map((p) => [p.id, `${p.product} ${p.version}`, String(p.vendorPort), p.tokenPath, p.clientBases.join(' ') || '-'])
  const header = ['PROFILE', 'PRODUCT', 'PORT', 'TOKEN', 'CLIENTS BASES']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  for (const row of [header, ...rows]) out(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd())
}
