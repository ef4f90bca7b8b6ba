/** @module Which seed page a run cites, and every check's citation for that run, resolved once from the spec. */
import { CHECKS } from '../checks.js'
import type { Promises } from '../spec.js'
import type { SeedCitation, SeedPage } from './citation.js'
import { SEED_000 } from './seed-000.js'
import { SEED_001 } from './seed-001.js'
import { SEED_002 } from './seed-002.js'

export const SEED_PAGES: readonly SeedPage[] = [SEED_000, SEED_001, SEED_002]

export interface Cited {
  page: SeedPage
  /** The page is this profile's own; otherwise another release of its family cites it, and says so. */
  own: boolean
}

/** The seed page of the spec's profile: its own by id, else its product family's; none for other products. */
export function seedPageOf(promises: Pick<Promises, 'id' | 'product'>): Cited | undefined {
  const own = SEED_PAGES.find((p) => p.profile === promises.id)
  if (own !== undefined) return { page: own, own: true }
  const family = SEED_PAGES.find((p) => promises.product !== undefined && p.family.includes(promises.product))
  return family === undefined ? undefined : { page: family, own: false }
}

/** "Authorization Examples (seed 000, VRO REST API 7.1)", or "(VRO 7.1 seed 000, same API family)" for another release. */
export function pageLabel({ page, own }: Cited): string {
  return `${page.title} (${own ? `seed ${page.seed}, ${page.api}` : page.familyLabel})`
}

const render = (label: string, c: SeedCitation) => `${label} "${c.section}": ${c.says}${c.also === undefined ? '' : `; ${c.also}`}`

/** Every check's citation for a run against this spec: the seed's wording where it states the rule, else the generic one. */
export function citationsFor(promises: Pick<Promises, 'id' | 'product'>): ReadonlyMap<string, string> {
  const cited = seedPageOf(promises)
  const out = new Map<string, string>()
  for (const check of CHECKS.values()) {
    const own = cited?.page.citations[check.id]
    const absent = cited?.page.absent?.scenarios.includes(check.scenario) === true ? cited.page.absent.cite : undefined
    out.set(check.id, own === undefined ? (absent ?? check.cite) : typeof own === 'string' ? own : render(pageLabel(cited!), own))
  }
  return out
}
