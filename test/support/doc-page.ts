/** @module The docs as tests read them: a page of README.md or docs/, and the marked blocks in it. */
import { readFileSync } from 'node:fs'

export interface DocPage {
  path: string
  text: string
  /** The text after the line holding `start`, up to `end`; throws naming the page when either is missing. */
  between(start: string, end: string): string
}

/** A page by its path from the repository root, e.g. `docPage('docs/stand-in.md')`. */
export function docPage(path: string): DocPage {
  const text = readFileSync(new URL(`../../${path}`, import.meta.url), 'utf8')
  return {
    path,
    text,
    between(start, end) {
      const from = text.indexOf(start)
      const to = text.indexOf(end, from)
      if (from === -1 || to === -1) throw new Error(`${path} lacks ${start} … ${end}`)
      return text.slice(text.indexOf('\n', from) + 1, to)
    },
  }
}

/** The text outside fenced code blocks, where markdown links and headings live. */
export const prose = (text: string) => text.replace(/^```[\s\S]*?^```/gm, '')

/**
 * A page's sections by GitHub's heading anchor (lower case, punctuation dropped, each space a hyphen, repeats
 * numbered -1, -2, ...): each section's text runs to the next heading of the same or a higher level.
 */
export function sectionsOf(text: string): Map<string, string> {
  const headings = [...prose(text).matchAll(/^(#{1,6}) (.+)$/gm)].map((m) => ({ level: m[1]!.length, title: m[2]!.trim() }))
  const lines = text.split('\n')
  const seen = new Map<string, number>()
  const out = new Map<string, string>()
  let at = 0
  for (const [i, h] of headings.entries()) {
    const slug = h.title.toLowerCase().replace(/[^\p{L}\p{N}_\- ]/gu, '').replaceAll(' ', '-')
    const n = seen.get(slug) ?? 0
    seen.set(slug, n + 1)
    at = lines.indexOf(`${'#'.repeat(h.level)} ${h.title}`, at)
    const next = headings.slice(i + 1).find((later) => later.level <= h.level)
    const end = next === undefined ? lines.length : lines.indexOf(`${'#'.repeat(next.level)} ${next.title}`, at + 1)
    out.set(n === 0 ? slug : `${slug}-${n}`, lines.slice(at + 1, end).join('\n'))
    at += 1
  }
  return out
}
