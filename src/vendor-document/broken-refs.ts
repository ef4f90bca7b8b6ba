/** @module The first `$ref` reachable from a value that does not resolve: such an operation is listed at start and answers 501. */
import { resolvePointer } from './pointer.js'

/** Per document: each object's answer, so 500 operations sharing their schemas walk each schema once. */
export class BrokenRefs {
  readonly #root: unknown
  /** An object's first broken $ref, null for none; `pending` while on the current walk (a cycle is not broken). */
  readonly #known = new Map<object, string | null | 'pending'>()

  constructor(root: unknown) {
    this.#root = root
  }

  /** The first unresolvable `$ref` (as written) reachable from `value`, or undefined. */
  find(value: unknown): string | undefined {
    return this.#walk(value) ?? undefined
  }

  #walk(value: unknown): string | null {
    if (value === null || typeof value !== 'object') return null
    const known = this.#known.get(value)
    if (known !== undefined) return known === 'pending' ? null : known
    this.#known.set(value, 'pending')
    let found: string | null = null
    const ref = (value as { $ref?: unknown }).$ref
    if (typeof ref === 'string') {
      const target = resolvePointer(this.#root, ref)
      found = target === undefined ? ref : this.#walk(target)
    } else {
      for (const child of Array.isArray(value) ? value : Object.values(value)) {
        found = this.#walk(child)
        if (found !== null) break
      }
    }
    this.#known.set(value, found)
    return found
  }
}
