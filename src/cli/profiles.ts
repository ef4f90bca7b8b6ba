/** @module `veeam-auth-mock profiles`: the product versions the mock can emulate. */
import { PROFILES } from '../profiles/index.js'

export function printProfiles(out: (line: string) => void): void {
  const rows = PROFILES.map((p) => [p.id, `${p.product} ${p.version}`, String(p.vendorPort), p.tokenPath, p.clientBases.join(' ') || '-'])
  const header = ['PROFILE', 'PRODUCT', 'PORT', 'TOKEN', 'CLIENTS BASES']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  for (const row of [header, ...rows]) out(row.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd())
}
