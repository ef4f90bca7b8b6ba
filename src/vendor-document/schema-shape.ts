/** @module What a schema looks like at its top level, `$ref`s and `allOf` followed: its type and its properties. */
import { deref } from './pointer.js'

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)

/** The schema's type (3.1's `["string","null"]` reads as `string`), or `object`/`array` from its keywords. */
export function typeOf(root: unknown, schema: unknown): string | undefined {
  const s = deref(root, schema)
  if (!isObject(s)) return undefined
  const type = Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type
  if (typeof type === 'string') return type
  if (isObject(s.properties)) return 'object'
  if (s.items !== undefined) return 'array'
  if (Array.isArray(s.allOf)) {
    for (const part of s.allOf) {
      const inner = typeOf(root, part)
      if (inner !== undefined) return inner
    }
  }
  return undefined
}

/** The properties of an object schema, `allOf` parts merged (later parts win), to a depth that ends cycles. */
export function propertiesOf(root: unknown, schema: unknown, depth = 0): Map<string, unknown> {
  const properties = new Map<string, unknown>()
  const s = deref(root, schema)
  if (!isObject(s) || depth > 16) return properties
  if (Array.isArray(s.allOf)) for (const part of s.allOf) for (const [k, v] of propertiesOf(root, part, depth + 1)) properties.set(k, v)
  if (isObject(s.properties)) for (const [k, v] of Object.entries(s.properties)) properties.set(k, v)
  return properties
}

/** The item schema of an array schema. */
export function itemsOf(root: unknown, schema: unknown): unknown {
  const s = deref(root, schema)
  return isObject(s) ? s.items : undefined
}
