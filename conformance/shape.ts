/** @module What a check judged on, comparable across targets without values: the status, the body's shape and a few headers. */
import type { Exchange } from './http.js'
import type { Redactor } from './redact.js'

/** Headers whose values are part of the contract (not dates, ids or lengths). */
export const COMPARED_HEADERS = ['content-type', 'cache-control', 'www-authenticate', 'allow'] as const

/** A JSON body without its values: a type name, the set of an array's item shapes, or an object's keys and shapes. */
export type Shape = string | Shape[] | { [key: string]: Shape }

export interface Seen {
  status: number
  /** e.g. `{"access_token":"string","expires_in":"number"}`; `(empty)` or `(not JSON)` for such bodies. */
  body: Shape
  /** Only the COMPARED_HEADERS the target sent. */
  headers: Partial<Record<(typeof COMPARED_HEADERS)[number], string>>
}

/** Keys sorted, an array as the set of its items' shapes: two logins' token bodies have the same shape. */
export function shapeOf(value: unknown, key: (name: string) => string = (name) => name, depth = 0): Shape {
  if (depth > 8) return '...'
  if (value === null) return 'null'
  if (Array.isArray(value)) {
    const items = new Map(value.map((item) => shapeOf(item, key, depth + 1)).map((shape) => [JSON.stringify(shape), shape]))
    return [...items].sort(([a], [b]) => (a < b ? -1 : 1)).map(([, shape]) => shape)
  }
  if (typeof value === 'object') {
    const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    return Object.fromEntries(entries.map(([name, item]) => [key(name), shapeOf(item, key, depth + 1)]))
  }
  return typeof value
}

/** Equal shapes, where an empty array matches any array: how many items a list holds is a value, not a shape. */
export function sameShape(a: Shape, b: Shape): boolean {
  if (typeof a === 'string' || typeof b === 'string') return a === b
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b)) return false
    if (a.length === 0 || b.length === 0) return true
    return a.every((x) => b.some((y) => sameShape(x, y))) && b.every((y) => a.some((x) => sameShape(x, y)))
  }
  const keys = Object.keys(a)
  return keys.length === Object.keys(b).length && keys.every((k) => k in b && sameShape(a[k]!, b[k]!))
}

/** Keys and headers redacted too: on some server they could hold a value the run knows is secret. */
export function seenOf(ex: Exchange, redactor: Redactor): Seen {
  const body = ex.text === '' ? '(empty)' : ex.json === undefined ? '(not JSON)' : shapeOf(ex.json, (name) => redactor.apply(name))
  const headers: Seen['headers'] = {}
  for (const name of COMPARED_HEADERS) {
    const value = ex.headers[name]
    if (value !== undefined) headers[name] = redactor.apply(value)
  }
  return { status: ex.status, body, headers }
}
