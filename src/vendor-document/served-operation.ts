/**
 * @module One document operation as the mock answers it: checks the request, picks the documented response,
 * and renders its body from the vendor's example, the seeded collection, or the generator.
 */
import { badRequest, notFound, OAuthError, ResourceError } from '../oauth/errors.js'
import type { BodyCache } from './body-cache.js'
import { collectionSize, detectEnvelope, idPropertyOf, isList, pagingParameters, type Envelope, type PagingParameters } from './collections.js'
import { deref } from './pointer.js'
import type { DocumentRuntime } from './document-runtime.js'
import type { DocumentOperation } from './operations.js'
import type { Preference } from './prefer.js'
import { checkBody, checkParameters, isJsonType, type RequestParts } from './request-validation.js'
import { chooseResponse, type ChosenResponse } from './responses.js'
import { propertiesOf } from './schema-shape.js'
import { UnsupportedSchema } from './schema/unsupported-schema.js'

/** What the middleware hands over: the request's parts and its body text (read only when the operation takes one). */
export interface ServedRequest extends RequestParts {
  prefer: Preference
  contentType: string | undefined
  body: () => Promise<string>
}

export interface Answer {
  status: number
  contentType?: string
  body: Uint8Array | null
}

interface Collection {
  items: unknown[]
  idProperty?: string
  byId: Map<string, unknown>
  /** The vendor's example envelope the pages are cut from (its other fields kept as written). */
  base?: Record<string, unknown>
}

const NO_BODY = new Set([204, 205, 304])

function serialize(value: unknown, contentType: string): string {
  return typeof value === 'string' && !isJsonType(contentType) ? value : JSON.stringify(value)
}

export class ServedOperation {
  /** Why the operation cannot be served (found at start); it answers 501. */
  problem: string | undefined
  /** For `GET .../{id}` below a `GET ...` of the same document: that operation, and which path parameter names the item. */
  member?: { list: ServedOperation; parameter: string }
  #envelope: Envelope | null | undefined
  #success: ChosenResponse | undefined
  #paging: PagingParameters | undefined
  readonly #collections = new Map<'default' | 'generated', Collection | undefined>()
  #overrideNames: Map<string, string> | undefined

  constructor(
    readonly op: DocumentOperation,
    readonly runtime: DocumentRuntime,
    readonly cache: BodyCache,
  ) {
    this.problem = op.problem
  }

  get key(): string {
    return `${this.op.method} ${this.op.path}`
  }

  /** The list shape of the success response, for a GET whose answer is an array or an envelope around one. */
  envelope(): Envelope | undefined {
    if (this.#envelope === undefined) {
      const chosen = this.#chosen()
      const found = this.op.method === 'GET' && chosen.schema !== undefined ? detectEnvelope(this.runtime.root, chosen.schema) : undefined
      this.#envelope = found !== undefined && isList(found, this.#pagingParameters()) ? found : null
    }
    return this.#envelope ?? undefined
  }

  /** The documented response for `code`; the success response (no code) is chosen once, the rest are rare. */
  #chosen(code?: string): ChosenResponse {
    if (code !== undefined) return chooseResponse(this.runtime.root, this.op.operation.responses, code)
    return (this.#success ??= chooseResponse(this.runtime.root, this.op.operation.responses))
  }

  #pagingParameters(): PagingParameters {
    return (this.#paging ??= pagingParameters(this.op.parameters))
  }

  /**
   * The one collection behind every page of this list operation: the items of the vendor's first example when
   * it has one (as written), else seeded generated items; `dynamic` (Prefer: dynamic=true) always generates.
   * Undefined when the example holds no list to page (it is then served as written).
   */
  collection(dynamic: boolean): Collection | undefined {
    const source = dynamic ? 'generated' : 'default'
    const known = this.#collections.get(source)
    if (known !== undefined || this.#collections.has(source)) return known
    const envelope = this.envelope()!
    const example = dynamic ? undefined : this.#chosen().examples.values().next()
    let collection: Collection | undefined
    if (example === undefined || example.done === true) collection = this.#generatedCollection(envelope)
    else {
      const value = example.value as Record<string, unknown> | unknown[] | null
      const items = envelope.itemsProperty === '' ? value : (value as Record<string, unknown> | null)?.[envelope.itemsProperty]
      collection = Array.isArray(items) ? this.#indexed(envelope, items, envelope.itemsProperty === '' ? undefined : (value as Record<string, unknown>)) : undefined
    }
    this.#collections.set(source, collection)
    return collection
  }

  #indexed(envelope: Envelope, candidates: unknown[], base?: Record<string, unknown>): Collection {
    const idProperty = idPropertyOf(this.runtime.root, envelope.itemSchema)
    const items: unknown[] = []
    const byId = new Map<string, unknown>()
    for (const item of candidates) {
      const id = idProperty === undefined ? undefined : (item as Record<string, unknown> | null)?.[idProperty]
      // Two items with one id would make GET .../{id} ambiguous: the later one is left out.
      if (id !== undefined && byId.has(String(id))) continue
      if (id !== undefined) byId.set(String(id), item)
      items.push(item)
    }
    return { items, byId, ...(idProperty === undefined ? {} : { idProperty }), ...(base === undefined ? {} : { base }) }
  }

  #generatedCollection(envelope: Envelope): Collection {
    const size = collectionSize(this.runtime.seed, this.key, (deref(this.runtime.root, envelope.arraySchema) ?? {}) as object)
    const idProperty = idPropertyOf(this.runtime.root, envelope.itemSchema)
    const idSchema = idProperty === undefined ? undefined : propertiesOf(this.runtime.root, envelope.itemSchema).get(idProperty)
    const integerIds = idSchema !== undefined && /"type":"integer"/.test(JSON.stringify(idSchema))
    const items = Array.from({ length: size }, (_, i) =>
      this.runtime.generate(envelope.itemSchema, `${this.key} item#${i}`, integerIds && idProperty !== undefined ? { [idProperty]: i + 1 } : undefined),
    )
    // The rest of the envelope is generated once: each page only swaps the items and the paging fields.
    const base = envelope.itemsProperty === '' ? undefined : (this.runtime.generate(this.#responseSchema(), `${this.key} envelope`, { [envelope.itemsProperty]: [] }) as Record<string, unknown>)
    const where = envelope.pagination?.property
    if (base !== undefined && where && base[where] === undefined) base[where] = this.runtime.generate(envelope.pagination!.schema, `${this.key} pagination`)
    return this.#indexed(envelope, items, base)
  }

  /**
   * Answers `request`; throws ResourceError (400, 404, 501) for the error handler to render in the profile's model.
   * Synchronous unless the operation takes a body: a GET pays for no promise of its own.
   */
  answer(request: ServedRequest): Answer | Promise<Answer> {
    if (this.problem !== undefined) throw this.#unservable(this.problem)
    try {
      const { root, validators } = this.runtime
      const values = checkParameters(root, validators, this.op.parameters, request)
      const { requestBody } = this.op.operation
      if (requestBody === undefined) return this.#answer(request, values)
      return request
        .body()
        .then((text) => {
          checkBody(root, validators, requestBody, request.contentType, text)
          return this.#answer(request, values)
        })
        .catch((error: unknown) => {
          throw this.#failure(error)
        })
    } catch (error) {
      throw this.#failure(error)
    }
  }

  #failure(error: unknown): unknown {
    if (error instanceof UnsupportedSchema) return this.#unservable(error.message)
    // Anything else from a vendor's schema (an invalid pattern, say) is the document's problem, not a crash.
    if (!(error instanceof ResourceError) && !(error instanceof OAuthError)) return this.#unservable(`its schema cannot be used (${(error as Error).message})`)
    return error
  }

  #unservable(problem: string): ResourceError {
    const name = this.op.operationId === this.key ? this.key : `${this.op.operationId} (${this.key})`
    return new ResourceError(501, `The mock cannot serve ${name}: ${problem.replace(/\.$/, '')}.`)
  }

  /** The answer to a request whose parameters (and body) passed. */
  #answer(request: ServedRequest, values: Map<string, unknown>): Answer {
    const chosen = this.#chosen(request.prefer.code)
    if (chosen.contentType === undefined || NO_BODY.has(chosen.status)) return { status: chosen.status, body: null }
    return { status: chosen.status, contentType: chosen.contentType, body: this.#body(request, chosen, values) }
  }

  #body(request: ServedRequest, chosen: ChosenResponse, values: Map<string, unknown>): Uint8Array {
    const contentType = chosen.contentType!
    const { example, dynamic } = request.prefer
    if (example !== undefined) {
      if (!chosen.examples.has(example)) {
        throw badRequest(`Prefer: example=${example} is not an example of this response (examples: ${[...chosen.examples.keys()].join(', ') || 'none'}).`)
      }
      const key = `${this.key} ${chosen.key} example ${example}`
      return this.cache.get(key) ?? this.cache.set(key, serialize(chosen.examples.get(example), contentType))
    }
    const generate = dynamic === true
    // Lists and their members before examples: a client paging to the end must see one consistent collection.
    if (request.prefer.code === undefined) {
      if (this.#isMember(generate)) return this.#member(request.params[this.member!.parameter]!, generate)
      const collection = this.envelope() === undefined ? undefined : this.collection(generate)
      if (collection !== undefined) return this.#page(values, collection, generate)
    }
    if (!generate && chosen.examples.size > 0) {
      const [name, value] = chosen.examples.entries().next().value!
      const key = `${this.key} ${chosen.key} example ${name}`
      return this.cache.get(key) ?? this.cache.set(key, serialize(value, contentType))
    }
    return this.#generated(chosen, request.params, values)
  }

  /** A member of a list when the list is one (its answer an array or envelope) whose items carry an id. */
  #isMember(dynamic: boolean): boolean {
    const list = this.member?.list
    return list !== undefined && list.envelope() !== undefined && list.collection(dynamic)?.idProperty !== undefined
  }

  /** The item of the list with this id, as the list shows it; 404 for an id the list does not hold. */
  #member(id: string, dynamic: boolean): Uint8Array {
    const list = this.member!.list
    const item = list.collection(dynamic)!.byId.get(id)
    if (item === undefined) throw notFound(`No item with ${this.member!.parameter} "${id.slice(0, 200)}" in ${list.op.path}.`)
    const key = `${this.key} member ${dynamic} ${id}`
    return this.cache.get(key) ?? this.cache.set(key, JSON.stringify(item))
  }

  #page(values: Map<string, unknown>, collection: Collection, dynamic: boolean): Uint8Array {
    const paging = this.#pagingParameters()
    const total = collection.items.length
    const skip = Math.max(0, Math.trunc(Number(paging.offset === undefined ? 0 : values.get(paging.offset.name) ?? 0)) || 0)
    const defaultLimit = (paging.limit?.schema as { default?: unknown } | undefined)?.default
    const requested = paging.limit === undefined ? undefined : values.get(paging.limit.name) ?? defaultLimit
    const limit = typeof requested === 'number' && requested >= 0 ? Math.trunc(requested) : total
    const key = `${this.key} page ${dynamic} ${skip} ${limit}`
    return this.cache.get(key) ?? this.cache.set(key, this.#renderPage(collection, skip, limit))
  }

  #renderPage({ items, base }: Collection, skip: number, limit: number): string {
    const envelope = this.envelope()!
    const page = items.slice(skip, skip + limit)
    if (envelope.itemsProperty === '') return JSON.stringify(page)
    const fields: Record<string, unknown> = {}
    const { pagination } = envelope
    if (pagination !== undefined) {
      const { total: t, count, skip: s, limit: l } = pagination.fields
      if (t !== undefined) fields[t] = items.length
      if (count !== undefined) fields[count] = page.length
      if (s !== undefined) fields[s] = skip
      if (l !== undefined) fields[l] = limit
    }
    const where = pagination === undefined || pagination.property === '' ? undefined : pagination.property
    const envelopeBase = base ?? {}
    const paged = where === undefined ? fields : { [where]: { ...(envelopeBase[where] as object | undefined), ...fields } }
    return JSON.stringify({ ...envelopeBase, [envelope.itemsProperty]: page, ...paged })
  }

  #responseSchema(): unknown {
    return this.#chosen().schema
  }

  /**
   * Top-level properties the path parameters set. The last one names the answer itself: its own name or `id`
   * (`/jobs/{id}/sessions/{sessionId}` answers the session `sessionId`); an earlier `{id}` names its parent by
   * the segment before it (`jobId`), else its own name.
   */
  #overridesFor(schema: unknown): Map<string, string> {
    if (this.#overrideNames !== undefined) return this.#overrideNames
    const names = new Map<string, string>()
    const properties = [...propertiesOf(this.runtime.root, schema).keys()]
    const find = (name: string) => properties.find((p) => p.toLowerCase() === name.toLowerCase())
    const segments = this.op.path.split('/')
    const inPath = segments.flatMap((s, i) => (/^\{[^{}]+\}$/.test(s) ? [{ name: s.slice(1, -1), before: segments[i - 1] ?? '' }] : []))
    const taken = new Set<string>()
    inPath.reverse().forEach(({ name, before }, i) => {
      const parent = `${before.replace(/s$/, '')}Id`
      const property = i === 0 ? find(name) ?? (/id$/i.test(name) ? find('id') : undefined) : name === 'id' ? find(parent) ?? find(name) : find(name)
      if (property !== undefined && !taken.has(property)) {
        taken.add(property)
        names.set(name, property)
      }
    })
    return (this.#overrideNames = names)
  }

  #generated(chosen: ChosenResponse, params: Record<string, string>, values: Map<string, unknown>): Uint8Array {
    if (chosen.schema === undefined) {
      const key = `${this.key} ${chosen.key} empty`
      return this.cache.get(key) ?? this.cache.set(key, chosen.contentType !== undefined && isJsonType(chosen.contentType) ? '{}' : '')
    }
    const pathKey = Object.keys(params).length === 0 ? '' : ` ${JSON.stringify(params)}`
    const key = `${this.key} ${chosen.key}${pathKey}`
    const hit = this.cache.get(`${key} generated`)
    if (hit !== undefined) return hit
    const overrides: Record<string, unknown> = {}
    for (const [parameter, property] of this.#overridesFor(chosen.schema)) overrides[property] = values.get(parameter) ?? params[parameter]
    return this.cache.set(`${key} generated`, serialize(this.runtime.generate(chosen.schema, key, overrides), chosen.contentType!))
  }
}
