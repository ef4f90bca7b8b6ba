/** @module The shape of a seed page's citations: its own words under its own headings, or another source where it is silent. */

/** A rule as the seed page states it. Text in "..." is the page's own words (citations.test.ts finds each verbatim). */
export interface SeedCitation {
  /** The heading, step or caption of the page the rule is under. */
  section: string
  says: string
  /** A further source after a semicolon (an RFC clause, the spec, a section of docs/sources.md); never another seed. */
  also?: string
}

/** By check id. A string cites another source where the page is silent: docs/sources.md (section and vendor page), an RFC, the spec. */
export type CitationTable = Readonly<Record<string, SeedCitation | string>>

export interface SeedPage {
  seed: '000' | '001' | '002'
  /** The page as received, under ../shared/seeds next to the checkout; docs/sources.md holds the sentences the suite quotes. */
  file: string
  title: string
  /** The API the page documents, as its own profile's citations name it. */
  api: string
  /** The page's own profile: its runs cite it as theirs. */
  profile: string
  /** x-veeam-auth-mock.product values whose other releases cite this page, labelled as such. */
  family: readonly string[]
  /** How another release names this page, e.g. "VRO 7.1 seed 000, same API family". */
  familyLabel: string
  citations: CitationTable
  /** Scenarios the product does not have, and the citation that says so (VAC v2 has no client accounts). */
  absent?: { scenarios: readonly string[]; cite: string }
}
