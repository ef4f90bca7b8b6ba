/** @module Resolving local `$ref`s ("#/components/schemas/X") inside the OpenAPI document. */
import { UnsupportedSchema } from './unsupported-schema.js'

const resolved = new WeakMap<object, Map<string, unknown>>()

/** The value at a local `$ref`; throws UnsupportedSchema for a remote or unresolvable one. Cached per document. */
export function resolveRef(root: object, ref: string): unknown {
  let cache = resolved.get(root)
  if (!cache) resolved.set(root, (cache = new Map()))
  if (cache.has(ref)) return cache.get(ref)
  const value = walk(root, ref)
  cache.set(ref, value)
  return value
}

function walk(root: object, ref: string): unknown {
  if (!ref.startsWith('#')) throw new UnsupportedSchema(ref, 'only local $refs are supported')
  let node: unknown = root
  const path = ref.slice(1)
  if (path === '') return node
  if (!path.startsWith('/')) throw new UnsupportedSchema(ref, 'unresolvable $ref')
  for (const raw of path.slice(1).split('/')) {
    const token = decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')
    if (node === null || typeof node !== 'object' || !Object.hasOwn(node, token)) {
      throw new UnsupportedSchema(ref, 'unresolvable $ref')
    }
    node = (node as Record<string, unknown>)[token]
  }
  return node
}

/** Follows a chain of `$ref`s to the schema it ends at (a cycle of bare `$ref`s is unsupported). */
export function derefChain(root: object, schema: unknown): unknown {
  let current = schema
  for (let hops = 0; isRecord(current) && typeof current.$ref === 'string'; hops++) {
    if (hops > 64) throw new UnsupportedSchema(current.$ref, '$ref chain does not end')
    current = resolveRef(root, current.$ref)
  }
  return current
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
}
