/** @module JSON pointers (RFC 6901): escaping a segment, joining, and resolving a local `#/...` reference. */

export const escapeSegment = (segment: string | number) => String(segment).replace(/~/g, '~0').replace(/\//g, '~1')

export const joinPointer = (...segments: (string | number)[]) => segments.map((s) => `/${escapeSegment(s)}`).join('')

const unescape = (segment: string) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~')

/** The value at a local reference (`#/components/schemas/Job`), or undefined when it does not resolve. */
export function resolvePointer(root: unknown, ref: string): unknown {
  if (!ref.startsWith('#')) return undefined
  const path = ref.slice(1)
  if (path === '') return root
  if (!path.startsWith('/')) return undefined
  let value: unknown = root
  for (const raw of path.slice(1).split('/')) {
    if (value === null || typeof value !== 'object') return undefined
    const key = unescape(raw)
    if (!Object.prototype.hasOwnProperty.call(value, key)) return undefined
    value = (value as Record<string, unknown>)[key]
  }
  return value
}

/** Follows `$ref` objects until a non-reference (at most `limit` hops, so a cycle ends); undefined when one does not resolve. */
export function deref(root: unknown, value: unknown, limit = 32): unknown {
  let current = value
  for (let i = 0; i < limit; i++) {
    if (current === null || typeof current !== 'object') return current
    const ref = (current as { $ref?: unknown }).$ref
    if (typeof ref !== 'string') return current
    current = resolvePointer(root, ref)
    if (current === undefined) return undefined
  }
  return undefined
}
