/** @module The README's profile tables, generated from the profile data so the docs cannot drift from it. */
import { defaultFixtures } from '../accounts/fixtures.js'
import type { Profile } from '../profiles/profile.js'

const code = (s: string) => `\`${s}\``

function row(p: Profile): string {
  const out = p.logout
  const logout = out === undefined ? '—' : `${out.method} ${out.path} → ${out.status}${out.message ? ` "${out.message}"` : ''}${out.assumed ? ' [I]' : ''}`
  const accounts = defaultFixtures(p.id)
    .map((a) => `${code(a.username)} (${a.role})`)
    .join('<br>')
  const usernames = p.usernames.bareAllowed ? 'DOMAIN\\\\USER or USER' : 'DOMAIN\\\\USER only'
  return `| ${code(p.id)} | ${p.product} ${p.version} | ${code(p.tokenPath)} | ${p.clientBases.map(code).join(' ') || '—'} | ${logout} | ${p.grants.join(', ')} | ${usernames} | ${p.roles.join(', ')} | ${p.vendorPort} | ${accounts} |`
}

/** The table of profiles and, per profile, its assumptions. */
export function profilesMarkdown(profiles: readonly Profile[]): string {
  const table = [
    '| Profile | Product | Token | Clients base | Logout | Grants | User names | API roles | Port | Default accounts (password `Password1`) |',
    '|---|---|---|---|---|---|---|---|---|---|',
    ...profiles.map(row),
  ].join('\n')
  // One row per distinct assumption, naming the profiles that make it.
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
  const assumptions = [
    '| Assumption [I] | What the mock does | Why | Profiles |',
    '|---|---|---|---|',
    ...[...rows].map(([key, a]) => `| ${code(key.split('\u0000')[0]!)} | ${a.rule} | ${a.reason} | ${a.ids.length === all ? 'all' : a.ids.join(', ')} |`),
  ].join('\n')
  return `${table}\n\n${assumptions}\n`
}
