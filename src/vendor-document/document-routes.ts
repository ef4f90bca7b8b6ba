/**
 * @module The operations of the vendor documents a mock serves: checked at start (a broken document throws
 * DocumentError), indexed by method and literal segments once the profile's routes are known, with the
 * warnings a user should read at start (operations that answer 501, operations two documents share).
 */
import type { Profile } from '../profiles/profile.js'
import { collision, compileTemplate } from '../stubs/stub-paths.js'
import { BodyCache } from './body-cache.js'
import { checkDocument } from './check-document.js'
import { DocumentRuntime } from './document-runtime.js'
import { NamedDocument, type ParsedDocument } from './named-document.js'
import { operationsOf, type DocumentOperation } from './operations.js'
import { RouteIndex, type RouteMatch } from './route-index.js'
import { ServedOperation } from './served-operation.js'

/** `{id}` and `{jobId}` are one shape: two templates with one shape answer the same requests. */
export const shapeOf = (path: string) => path.replace(/\{[^}]*\}/g, '{}')

export class DocumentRoutes {
  readonly runtimes: DocumentRuntime[]
  /** Operations mounted, in document order. */
  readonly served: ServedOperation[] = []
  /** `METHOD path` of operations the profile answers itself (its token, Clients and logout routes). */
  readonly shadowed: string[] = []
  readonly warnings: string[] = []
  readonly #index = new RouteIndex<ServedOperation>()
  readonly #cache = new BodyCache()
  #mounted = false
  #last: { method: string; path: string; found: RouteMatch<ServedOperation> | undefined } | undefined

  /** Checks each document; throws DocumentError (naming the document and a JSON pointer) for the first broken one. */
  constructor(documents: readonly ParsedDocument[], seed: string) {
    this.runtimes = documents.map((input, i) => {
      const named = input instanceof NamedDocument ? input : new NamedDocument(`document ${i + 1}`, input)
      return new DocumentRuntime(checkDocument(named.value, named.source), seed)
    })
  }

  get size(): number {
    return this.served.length
  }

  /**
   * Indexes every operation the profile does not answer: not its reserved paths, not a route `taken` says it
   * mounted. Call once, after the profile's routes are mounted.
   */
  mount(profile: Profile, taken: (method: string, shape: string) => boolean): void {
    if (this.#mounted) throw new Error('DocumentRoutes.mount runs once')
    this.#mounted = true
    this.#last = undefined
    const lists = new Map<string, ServedOperation>()
    for (const runtime of this.runtimes) {
      for (const op of operationsOf(runtime.checked)) {
        const name = `${op.method} ${op.path}`
        if (taken(op.method, shapeOf(op.path)) || collision(compileTemplate(op.path), profile) !== undefined) {
          this.shadowed.push(name)
          continue
        }
        const served = new ServedOperation(op, runtime, this.#cache)
        if (!this.#index.add(op.method, op.path, served)) {
          this.warnings.push(`${name} (${runtime.checked.source}) repeats an operation of an earlier document, which is served instead`)
          continue
        }
        served.problem ??= this.#brokenRef(runtime, op)
        if (served.problem !== undefined) this.warnings.push(`${name} (${op.operationId}) answers 501: ${served.problem}`)
        this.served.push(served)
        if (op.method === 'GET') lists.set(`${runtime.checked.source} ${shapeOf(op.path)}`, served)
      }
    }
    for (const served of this.served) {
      const { op } = served
      const last = /^(.*)\/\{([^{}/]+)\}$/.exec(op.path)
      if (op.method !== 'GET' || last === null) continue
      const list = lists.get(`${op.document.source} ${shapeOf(last[1]!)}`)
      if (list !== undefined) served.member = { list, parameter: last[2]! }
    }
  }

  #brokenRef(runtime: DocumentRuntime, op: DocumentOperation): string | undefined {
    const { parameters, requestBody, responses } = op.operation
    for (const [part, value] of [['parameters', parameters], ['requestBody', requestBody], ['responses', responses]] as const) {
      const ref = runtime.brokenRefs.find(value)
      if (ref !== undefined) return `${op.pointer}/${part}: $ref ${ref} does not resolve`
    }
    return undefined
  }

  /**
   * The last match is kept: the journal asks for the request's operation before the document middleware
   * does, and the index does not change once mounted. The match is read-only to its callers.
   */
  match(method: string, path: string): RouteMatch<ServedOperation> | undefined {
    const last = this.#last
    if (last !== undefined && last.method === method && last.path === path) return last.found
    const found = this.#index.match(method, path)
    this.#last = { method, path, found }
    return found
  }

  /** The operationId for the journal and fault rules; undefined for a path no operation has. */
  operationId(method: string, path: string): string | undefined {
    return this.match(method === 'HEAD' ? 'GET' : method, path)?.item.op.operationId
  }

  methodsAt(path: string): string[] {
    return this.#index.methodsAt(path)
  }
}
