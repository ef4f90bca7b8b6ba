/** @module Each run cites its own profile's seed page (or a non-seed source), never another product's, and its quotes are really there. */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { defaultFixtures } from '../src/accounts/fixtures.js'
import { findProfile } from '../src/profiles/index.js'
import { CHECKS } from './checks.js'
import { citationsFor, SEED_PAGES } from './citations/resolve.js'
import { json } from './report-files.js'
import { runConformance } from './run.js'
import type { Accounts } from './scenarios/accounts.js'
import { defaultSpecFile, loadSpec } from './spec.js'
import { sectionsOf } from '../test/support/doc-page.js'
import { startMock } from './test-support.js'

const flat = (text: string) => text.replace(/\s+/g, ' ').trim()
const read = (file: string) => flat(readFileSync(file, 'utf8'))

/** The project's sources page: the seed sentences the suite quotes, and the vendor facts it cites, by section. */
const SOURCES = sectionsOf(readFileSync(join(import.meta.dirname, '..', 'docs', 'sources.md'), 'utf8'))
/** The vendor pages as received sit next to the checkout (../shared/seeds) on the project's machines only. */
const SEEDS = join(import.meta.dirname, '..', '..', 'shared', 'seeds')
const haveSeeds = existsSync(SEEDS)

/** A citation's parts: separated by "; " outside quotes, each naming its own source. */
function parts(cite: string): string[] {
  const out: string[] = []
  let quoted = false
  let start = 0
  for (let i = 0; i < cite.length; i++) {
    if (cite[i] === '"') quoted = !quoted
    else if (!quoted && cite.startsWith('; ', i)) {
      out.push(cite.slice(start, i))
      start = i + 2
    }
  }
  return [...out, cite.slice(start)]
}

const quotes = (part: string) => [...part.matchAll(/"([^"]+)"/g)].map((m) => flat(m[1]!))
const seedsNamed = (text: string) => [...text.matchAll(/seed (\d{3})/g)].map((m) => m[1]!)
const anchorsNamed = (text: string) => [...text.matchAll(/docs\/sources\.md#([\w-]+)/g)].map((m) => m[1]!)
/** The quotations of a section of docs/sources.md; "### Seed 000: ..." holds seed 000's. */
const quotationsOf = (anchor: string | undefined) => (anchor === undefined || !SOURCES.has(anchor) ? undefined : quotes(SOURCES.get(anchor)!))
const seedAnchor = (seed: string) => [...SOURCES.keys()].find((a) => a.startsWith(`seed-${seed}-`))

/** Each quote of a part is within a quotation of its source: the seed's section, or the section the part names. */
function unquotedIn(cite: string): string[] {
  const wrong: string[] = []
  for (const part of parts(cite)) {
    const seed = seedsNamed(part)[0]
    const source = quotationsOf(seed !== undefined ? seedAnchor(seed) : anchorsNamed(part)[0])
    for (const q of quotes(part)) if (source === undefined || !source.some((s) => s.includes(q))) wrong.push(`"${q}" in: ${part}`)
  }
  return wrong
}

/** First account, another with API rights, and one without, from the profile's fixtures. */
function accountsOf(id: string): Accounts {
  const profile = findProfile(id)!
  const fixtures = defaultFixtures(id)
  const allowed = fixtures.filter((a) => profile.roles.includes(a.role))
  const refused = fixtures.find((a) => !profile.roles.includes(a.role))!
  const as = (a: { username: string; password: string }, placeholder: string) => ({ username: a.username, password: a.password, placeholder })
  return { user: as(allowed[0]!, 'VEEAM_PASSWORD'), other: as(allowed[1]!, 'VEEAM_OTHER_PASSWORD'), unprivileged: as(refused, 'VEEAM_UNPRIVILEGED_PASSWORD') }
}

describe.each(SEED_PAGES.map((page) => [page.profile, page] as const))('a run with --profile %s', (profile, page) => {
  let cites: { id: string; cite: string }[]
  const label = `${page.title} (seed ${page.seed}, ${page.api})`

  beforeAll(async () => {
    const mock = await startMock([], undefined, profile, { control: true })
    try {
      const run = await runConformance({ target: mock.url, profile, accounts: accountsOf(profile), http: { timeoutMs: 10_000, insecure: false } })
      expect(run.exitCode).toBe(0)
      // What a user reads: the JSON report of the run.
      cites = JSON.parse(json(run, { target: mock.url, profile, strict: false })).results
    } finally {
      await mock.close()
    }
  }, 60_000)
  afterAll(() => {
    cites = []
  })

  it('reports a citation for every check', () => {
    expect(cites.map((r) => r.id).sort()).toEqual([...CHECKS.keys()].sort())
  })

  it(`names only seed ${page.seed}, as "${label}", and no other seed`, () => {
    for (const { id, cite } of cites) {
      expect(seedsNamed(cite).filter((s) => s !== page.seed), `${id}: ${cite}`).toEqual([])
      for (const part of parts(cite).filter((p) => seedsNamed(p).length > 0)) expect(part.startsWith(`${label} "`), `${id}: ${part}`).toBe(true)
    }
  })

  it('cites the seed exactly for the rules its table says the page states, and a non-seed source for the rest', () => {
    const stated = Object.entries(page.citations).filter(([, c]) => typeof c !== 'string').map(([id]) => id)
    expect(cites.filter((r) => r.cite.includes(`seed ${page.seed}`)).map((r) => r.id).sort()).toEqual(stated.sort())
    expect(stated.length).toBeGreaterThan(8)
  })

  it(`every quote of a seed part is one of seed ${page.seed}'s quotations in docs/sources.md; of a docs/sources.md part, in the section it names; no other part quotes`, () => {
    for (const { id, cite } of cites) expect(unquotedIn(cite), id).toEqual([])
    expect(cites.flatMap(({ cite }) => quotes(cite)).length).toBeGreaterThan(15)
  })
})

describe.each(SEED_PAGES.map((page) => [page.seed, page] as const))('docs/sources.md on seed %s', (seed, page) => {
  it(`has a section of seed ${seed}'s quotations`, () => {
    expect(quotationsOf(seedAnchor(seed))?.length).toBeGreaterThan(8)
  })

  const where = haveSeeds ? '' : ' (skipped: needs the vendor pages in ../shared/seeds, which only the project\'s machines have)'
  it.skipIf(!haveSeeds)(`quotes ${page.file} verbatim, every quotation of its section (needs ../shared/seeds)${where}`, () => {
    const text = read(join(SEEDS, page.file))
    expect(quotationsOf(seedAnchor(seed))!.filter((q) => !text.includes(q))).toEqual([])
  })
})

describe('the citations of other releases and products', () => {
  const specs = readdirSync(join(import.meta.dirname, '..', 'spec')).filter((f) => f.endsWith('.openapi.json') && f !== 'control.openapi.json')
  const familyOf: Record<string, string> = {
    'vro-7.0': 'VRO 7.1 seed 000, same API family',
    'vro-7.2': 'VRO 7.1 seed 000, same API family',
    'vro-7.21': 'VRO 7.1 seed 000, same API family',
    'vdro-5': 'VRO 7.1 seed 000, same API family',
    'vao-4': 'VAO v3 seed 001, same product line',
  }

  /** Products no seed page covers (VBR): their runs cite non-seed sources only. */
  const seedless = (id: string) => {
    const product = loadSpec(defaultSpecFile(id)).promises.product
    return !SEED_PAGES.some((p) => p.profile === id || (product !== undefined && p.family.includes(product)))
  }

  it('every profile with a spec is a seed profile, has its family page here, or is of a product no seed page covers', () => {
    const ids = specs.map((f) => f.replace('.openapi.json', ''))
    expect(ids.filter((id) => !SEED_PAGES.some((p) => p.profile === id) && familyOf[id] === undefined && !seedless(id))).toEqual([])
    expect(ids.filter(seedless).length).toBeGreaterThan(0)
  })

  it('a profile of a product no seed page covers cites no seed page at all', () => {
    for (const id of specs.map((f) => f.replace('.openapi.json', '')).filter(seedless)) {
      for (const cite of citationsFor(loadSpec(defaultSpecFile(id)).promises).values()) expect(seedsNamed(cite), `${id}: ${cite}`).toEqual([])
    }
  })

  it.each(Object.entries(familyOf))('%s cites its family page as "(%s)", never as that page\'s own release', (id, family) => {
    const cites = [...citationsFor(loadSpec(defaultSpecFile(id)).promises).values()]
    const seed = family.match(/seed (\d{3})/)![1]!
    const seeded = cites.filter((c) => seedsNamed(c).length > 0)
    expect(seeded.length).toBeGreaterThan(8)
    for (const c of seeded) {
      expect(seedsNamed(c).every((s) => s === seed), c).toBe(true)
      expect(c, c).toContain(`(${family}) "`)
      expect(c).not.toMatch(/\(seed \d{3}, /)
    }
  })

  it('a spec of another product cites no seed at all: the generic citations', () => {
    const cites = citationsFor({ id: 'vspc-3', product: 'Veeam Service Provider Console' })
    expect([...cites.entries()]).toEqual([...CHECKS.values()].map((c) => [c.id, c.cite]))
    expect([...cites.values()].filter((c) => /seed \d{3}/.test(c))).toEqual([])
  })

  it('every docs/sources.md section any citation names exists, and each quote of such a part is in that section', () => {
    const all = [
      ...SEED_PAGES.flatMap((p) => [...citationsFor({ id: p.profile, product: p.family[0]! }).values()]),
      ...SEED_PAGES.flatMap((p) => [...citationsFor({ id: `${p.profile}-family`, product: p.family[0]! }).values()]),
      ...[...CHECKS.values()].map((c) => c.cite),
    ]
    const named = all.flatMap(anchorsNamed)
    expect(named.length).toBeGreaterThan(10)
    expect(named.filter((a) => !SOURCES.has(a))).toEqual([])
    expect(all.flatMap((c) => parts(c).filter((p) => seedsNamed(p).length === 0).flatMap(unquotedIn))).toEqual([])
  })

  it('every seed table names only checks the suite has', () => {
    for (const page of SEED_PAGES) expect(Object.keys(page.citations).filter((id) => !CHECKS.has(id))).toEqual([])
  })
})
