/** @module The docs hold together: README stays short, every relative link and anchor resolves, every page is indexed. */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { PROFILES } from '../src/profiles/index.js'
import { prose, sectionsOf } from './support/doc-page.js'

const ROOT = fileURLToPath(new URL('..', import.meta.url))
const PAGES = ['README.md', ...readdirSync(join(ROOT, 'docs')).filter((f) => f.endsWith('.md')).map((f) => `docs/${f}`)]
const read = (page: string) => readFileSync(join(ROOT, page), 'utf8')

/** Relative link targets (images included): [text](target) outside code, not a URL with a scheme. */
function relativeLinks(text: string): string[] {
  const withoutInlineCode = prose(text).replace(/`[^`\n]*`/g, '')
  return [...withoutInlineCode.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!).filter((t) => !/^[a-z][a-z0-9+.-]*:/i.test(t))
}

describe('the docs', () => {
  it('README.md stays under 40 KB (40,000 bytes): the reference lives in docs/', () => {
    expect(statSync(join(ROOT, 'README.md')).size).toBeLessThan(40_000)
  })

  it.each(PAGES)('every relative link in %s points at an existing file and, with #, an existing heading', (page) => {
    const broken: string[] = []
    for (const target of relativeLinks(read(page))) {
      const [path, anchor] = target.split('#') as [string, string | undefined]
      const file = path === '' ? page : relative(ROOT, join(ROOT, dirname(page), decodeURI(path)))
      if (!existsSync(join(ROOT, file))) broken.push(`${target}: no file ${file}`)
      else if (anchor !== undefined && !(file.endsWith('.md') && sectionsOf(read(file)).has(anchor))) broken.push(`${target}: no heading #${anchor} in ${file}`)
    }
    expect(broken).toEqual([])
  })

  it('the README links every page under docs/ (its Documentation index)', () => {
    const linked = new Set(relativeLinks(read('README.md')).map((t) => t.split('#')[0]))
    expect(PAGES.filter((p) => p !== 'README.md' && !linked.has(p))).toEqual([])
  })

  it("every docs/sources.md section a profile's sources name exists, and what such a part quotes is quoted there", () => {
    const sections = sectionsOf(read('docs/sources.md'))
    const quotes = (text: string) => [...text.matchAll(/"([^"]+)"/g)].map((m) => m[1]!.replace(/\s+/g, ' '))
    const wrong: string[] = []
    let named = 0
    for (const profile of PROFILES) {
      for (const part of Object.values(profile.sources).flatMap((s) => s.split('; '))) {
        const anchor = /docs\/sources\.md#([\w-]+)/.exec(part)?.[1]
        if (anchor === undefined) continue
        named++
        const section = sections.get(anchor)
        if (section === undefined) wrong.push(`${profile.id}: no section #${anchor}`)
        else for (const q of quotes(part)) if (!quotes(section).some((s) => s.includes(q))) wrong.push(`${profile.id}: "${q}" not quoted in #${anchor}`)
      }
    }
    expect(wrong).toEqual([])
    expect(named).toBeGreaterThan(3)
  })

  it('the anchor rule is GitHub\'s: punctuation dropped, spaces to hyphens, repeats numbered', () => {
    expect([...sectionsOf('## The rules of `vro-7.1`\n## Veeam Backup & Replication\n## vitest: globalSetup and beforeEach(reset)\n## A\n## A\n').keys()]).toEqual([
      'the-rules-of-vro-71',
      'veeam-backup--replication',
      'vitest-globalsetup-and-beforeeachreset',
      'a',
      'a-1',
    ])
  })
})
