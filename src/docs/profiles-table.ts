/** @module The docs' profile tables (README: profiles; docs/profiles.md: assumptions), generated from the profile data so the docs cannot drift from it. */
import { defaultFixtures } from '../accounts/fixtures.js'
import type { Profile } from '../profiles/profile.js'

const code = (s: string) => `\`${s}\``

function row(p: Profile): string {
  const out = p.logout
  const body = out?.objectBody !== undefined ? ` ${JSON.stringify(out.objectBody)}` : out?.message ? ` "${out.message}"` : ''
  const logout = out === undefined ? '—' : `${out.method} ${out.path} → ${out.status}${body}${out.assumed ? ' [I]' : ''}`
  const version = p.apiVersion === undefined ? '—' : `${code(`${p.apiVersion.header}: ${p.apiVersion.default}`)} (${p.apiVersion.optional === true ? 'optional; ' : ''}accepts ${p.apiVersion.accepted.join(', ')})`
  const accounts = defaultFixtures(p.id)
    .map((a) => `${code(a.username)} (${a.role})`)
    .join('<br>')
  const usernames = p.usernames.bareAllowed ? 'DOMAIN\\\\USER or USER' : 'DOMAIN\\\\USER only'
  return `| ${code(p.id)} | ${p.product} ${p.version} | ${code(p.tokenPath)} | ${version} | ${p.clientBases.map(code).join(' ') || '—'} | ${logout} | ${p.grants.join(', ')} | ${usernames} | ${p.roles.join(', ')} | ${p.vendorPort} | ${accounts} |`
}

/** The table of profiles, one row each (README "Profiles"). */
export function profilesMarkdown(profiles: readonly Profile[]): string {
  return [
    '| Profile | Product | Token | Version header | Clients base | Logout | Grants | User names | API roles | Port | Default accounts (password `Password1`) |',
    '|---|---|---|---|---|---|---|---|---|---|---|',
    ...profiles.map(row),
  ].join('\n') + '\n'
}

/** The assumptions table: one row per distinct assumption, naming the profiles that make it (docs/profiles.md). */
export function assumptionsMarkdown(profiles: readonly Profile[]): string {
  const rows = new Map<string, { rule: string; reason: string; ids: string[] }>()
  for (const p of profiles) {
    for (const a of p.assumptions) {
      const key = `${a.id}\u0000${a.rule}`
      const entry = rows.get(key) ?? { rule: a.rule, reason: a.reason, ids: [] }
      entry.ids.push(p.id)
      rows.set(key, entry)
    }
  }
  const all = profiles.length
  return [
    '| Assumption [I] | What the mock does | Why | Profiles |',
    '|---|---|---|---|',
    ...[...rows].map(([key, a]) => `| ${code(key.split('\u0000')[0]!)} | ${a.rule} | ${a.reason} | ${a.ids.length === all ? 'all' : a.ids.join(', ')} |`),
  ].join('\n') + '\n'
}
