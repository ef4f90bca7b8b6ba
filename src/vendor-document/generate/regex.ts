/**
 * @module Strings matching a `pattern`: faker's fromRegExp first (it knows only a little of the syntax), then a
 * small generator over the common ECMAScript regex subset, each candidate checked against the real RegExp.
 */
import { fakerFrom } from './faker.js'
import type { Rng } from './random.js'

type Node =
  | { kind: 'chars'; chars: string }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number }

const digits = '0123456789'
const lower = 'abcdefghijklmnopqrstuvwxyz'
const word = `${lower}${lower.toUpperCase()}${digits}_`
const printable = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i)).join('')
const unsupported = Symbol('unsupported')

class Parser {
  i = 0
  constructor(readonly src: string) {}

  alt(): Node {
    const options = [this.seq()]
    while (this.src[this.i] === '|') {
      this.i++
      options.push(this.seq())
    }
    return options.length === 1 ? options[0]! : { kind: 'alt', options }
  }

  seq(): Node {
    const items: Node[] = []
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom()
      if (atom) items.push(this.quantified(atom))
    }
    return { kind: 'seq', items }
  }

  atom(): Node | undefined {
    const c = this.src[this.i++]!
    if (c === '^' || c === '$') return undefined
    if (c === '.') return { kind: 'chars', chars: `${lower}${digits}` }
    if (c === '(') {
      if (this.src[this.i] === '?') {
        const next = this.src[this.i + 1]
        if (next === ':') this.i += 2
        else if (next === '<' && this.src[this.i + 2] !== '=' && this.src[this.i + 2] !== '!') this.i = this.src.indexOf('>', this.i) + 1
        else throw unsupported // lookaround
      }
      const inner = this.alt()
      if (this.src[this.i++] !== ')') throw unsupported
      return inner
    }
    if (c === '[') return this.charClass()
    if (c === '\\') return this.escape(false)
    return { kind: 'chars', chars: c }
  }

  escape(inClass: boolean): Node | undefined {
    const c = this.src[this.i++]
    switch (c) {
      case 'd': return { kind: 'chars', chars: digits }
      case 'w': return { kind: 'chars', chars: word }
      case 's': return { kind: 'chars', chars: ' ' }
      case 'D': return { kind: 'chars', chars: lower }
      case 'W': return { kind: 'chars', chars: '-.' }
      case 'S': return { kind: 'chars', chars: `${lower}${digits}` }
      case 'b': case 'B': if (inClass) throw unsupported; return undefined
      case 'n': return { kind: 'chars', chars: '\n' }
      case 't': return { kind: 'chars', chars: '\t' }
      case 'r': return { kind: 'chars', chars: '\r' }
      case 'x': { const h = this.src.slice(this.i, this.i + 2); this.i += 2; return { kind: 'chars', chars: String.fromCharCode(parseInt(h, 16)) } }
      case 'u': { const h = this.src.slice(this.i, this.i + 4); this.i += 4; return { kind: 'chars', chars: String.fromCharCode(parseInt(h, 16)) } }
      case undefined: throw unsupported
      default:
        if (/[1-9]/.test(c)) throw unsupported // back-references
        return { kind: 'chars', chars: c }
    }
  }

  charClass(): Node {
    const negated = this.src[this.i] === '^'
    if (negated) this.i++
    let set = ''
    let first = true
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false
      let from: string
      if (this.src[this.i] === '\\') {
        this.i++
        const e = this.escape(true)
        if (!e || e.kind !== 'chars') throw unsupported
        if (e.chars.length > 1) { set += e.chars; continue }
        from = e.chars
      } else from = this.src[this.i++]!
      if (this.src[this.i] === '-' && this.src[this.i + 1] !== ']' && this.i + 1 < this.src.length) {
        this.i++
        let to = this.src[this.i++]!
        if (to === '\\') { const e = this.escape(true); if (!e || e.kind !== 'chars') throw unsupported; to = e.chars[0]! }
        for (let code = from.charCodeAt(0); code <= to.charCodeAt(0) && code - from.charCodeAt(0) < 2000; code++) set += String.fromCharCode(code)
      } else set += from
    }
    if (this.src[this.i++] !== ']') throw unsupported
    const chars = negated ? [...printable].filter((ch) => !set.includes(ch)).join('') : set
    if (chars === '') throw unsupported
    return { kind: 'chars', chars }
  }

  quantified(node: Node): Node {
    const c = this.src[this.i]
    let min: number, max: number
    if (c === '*') [min, max] = [0, Infinity]
    else if (c === '+') [min, max] = [1, Infinity]
    else if (c === '?') [min, max] = [0, 1]
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i))
      if (!m) return node
      min = Number(m[1])
      max = m[2] === undefined ? min : m[3] === '' ? Infinity : Number(m[3])
      this.i += m[0].length - 1
    } else return node
    this.i++
    if (this.src[this.i] === '?') this.i++
    return { kind: 'repeat', node, min, max }
  }
}

function emit(node: Node, rng: Rng, spread: number): string {
  switch (node.kind) {
    case 'chars': return node.chars[Math.floor(rng.next() * node.chars.length)]!
    case 'seq': return node.items.map((n) => emit(n, rng, spread)).join('')
    case 'alt': return emit(rng.pick(node.options), rng, spread)
    case 'repeat': {
      const count = rng.int(node.min, Math.min(node.max, node.min + spread))
      let out = ''
      for (let k = 0; k < count; k++) out += emit(node.node, rng, spread)
      return out
    }
  }
}

const compiled = new Map<string, RegExp | undefined>()

/** The pattern compiled once (as ajv does, without the u flag); undefined when it is not a valid ECMAScript regex. */
export function patternRegExp(pattern: string): RegExp | undefined {
  if (compiled.has(pattern)) return compiled.get(pattern)
  let regexp: RegExp | undefined
  try {
    regexp = new RegExp(pattern)
  } catch {
    regexp = undefined
  }
  if (compiled.size < 10_000) compiled.set(pattern, regexp)
  return regexp
}

/** A string of code-point length within [minLength, maxLength] matching every pattern, or undefined. */
export function matchingString(patterns: string[], rng: Rng, minLength: number, maxLength: number): string | undefined {
  const regexps = patterns.map((p) => patternRegExp(p))
  if (regexps.some((r) => r === undefined)) return undefined
  const fits = (s: string) => {
    const n = [...s].length
    return n >= minLength && n <= maxLength && regexps.every((r) => r!.test(s))
  }
  const main = patterns[0]!
  try {
    const candidate = fakerFrom(() => rng.next()).helpers.fromRegExp(main)
    if (fits(candidate)) return candidate
  } catch {
    // faker rejects syntax it does not know; the search below takes over
  }
  let tree: Node
  try {
    const parser = new Parser(main)
    tree = parser.alt()
    if (parser.i < main.length) return undefined
  } catch {
    return undefined
  }
  // Unanchored patterns match inside longer strings: pad to reach minLength.
  const anchoredStart = main.startsWith('^'), anchoredEnd = main.endsWith('$') && !main.endsWith('\\$')
  for (let attempt = 0; attempt < 60; attempt++) {
    const spread = [3, 1, 6, 12, 0, 24, 48][attempt % 7]! + Math.floor(attempt / 7) * Math.max(1, minLength)
    let s = emit(tree, rng, spread)
    if ([...s].length < minLength && !(anchoredStart && anchoredEnd)) {
      const pad = 'x'.repeat(minLength - [...s].length)
      s = anchoredStart ? s + pad : pad + s
    }
    if (fits(s)) return s
  }
  return undefined
}
