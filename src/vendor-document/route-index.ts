/**
 * @module Matching a request to one of hundreds of operations: a tree per method keyed by literal segments,
 * so a request costs a map lookup per segment, never a scan of every operation's pattern.
 */

interface Node<T> {
  literals: Map<string, Node<T>>
  /** A whole-segment parameter, `{id}`. */
  param?: Node<T>
  /** Segments mixing text and parameters, `{name}.json`: rare, matched by regex. */
  patterns: { regex: RegExp; node: Node<T> }[]
  value?: { item: T; names: string[] }
}

const node = <T>(): Node<T> => ({ literals: new Map(), patterns: [] })

export interface RouteMatch<T> {
  item: T
  params: Record<string, string>
}

const decode = (text: string) => {
  try {
    return decodeURIComponent(text)
  } catch {
    return text
  }
}

const escape = (text: string) => text.replace(/[.*+?^$()|[\]\\]/g, '\\$&')
const segmentsOf = (path: string) => (path === '/' ? [''] : path.slice(1).split('/'))

export class RouteIndex<T> {
  readonly #roots = new Map<string, Node<T>>()

  /** Adds `item` for `method path`; false when that method and path shape already has one (the first wins). */
  add(method: string, path: string, item: T): boolean {
    let root = this.#roots.get(method)
    if (root === undefined) this.#roots.set(method, (root = node()))
    let current = root
    const names: string[] = []
    for (const segment of segmentsOf(path)) {
      const whole = /^\{([^{}]+)\}$/.exec(segment)
      if (whole !== null) {
        names.push(whole[1]!)
        current = current.param ??= node()
      } else if (segment.includes('{')) {
        const source = escape(segment).replace(/\{([^{}]+)\}/g, (_, name: string) => (names.push(name), '([^/]+?)'))
        const regex = new RegExp(`^${source}$`)
        let found = current.patterns.find((p) => p.regex.source === regex.source)
        if (found === undefined) current.patterns.push((found = { regex, node: node() }))
        current = found.node
      } else {
        let next = current.literals.get(segment)
        if (next === undefined) current.literals.set(segment, (next = node()))
        current = next
      }
    }
    if (current.value !== undefined) return false
    current.value = { item, names }
    return true
  }

  /** The item for `method path`: literal segments beat parameters at each level. */
  match(method: string, path: string): RouteMatch<T> | undefined {
    const root = this.#roots.get(method)
    if (root === undefined) return undefined
    const values: string[] = []
    const found = walk(root, segmentsOf(path), 0, values)
    if (found === undefined) return undefined
    const params: Record<string, string> = {}
    found.names.forEach((name, i) => (params[name] = decode(values[i]!)))
    return { item: found.item, params }
  }

  /** The methods with an item for `path` (for a 405's Allow). */
  methodsAt(path: string): string[] {
    return [...this.#roots.keys()].filter((method) => this.match(method, path) !== undefined)
  }
}

function walk<T>(current: Node<T>, segments: string[], i: number, values: string[]): { item: T; names: string[] } | undefined {
  if (i === segments.length) return current.value
  const segment = segments[i]!
  const literal = current.literals.get(segment)
  if (literal !== undefined) {
    const found = walk(literal, segments, i + 1, values)
    if (found !== undefined) return found
  }
  if (current.param !== undefined && segment !== '') {
    values.push(segment)
    const found = walk(current.param, segments, i + 1, values)
    if (found !== undefined) return found
    values.pop()
  }
  for (const { regex, node: next } of current.patterns) {
    const m = regex.exec(segment)
    if (m === null) continue
    const captured = m.slice(1)
    values.push(...captured)
    const found = walk(next, segments, i + 1, values)
    if (found !== undefined) return found
    values.length -= captured.length
  }
  return undefined
}
