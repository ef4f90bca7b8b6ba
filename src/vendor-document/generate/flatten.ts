/**
 * @module One schema node made flat for generation: `$ref`s followed, `allOf` merged, one `oneOf`/`anyOf` branch
 * chosen (pinning the discriminator to that branch's value), 3.0 and 3.1 spellings normalised.
 */
import { discriminatorValues, readDiscriminator } from '../schema/discriminator.js'
import { derefChain, isRecord, resolveRef } from '../schema/json-pointer.js'
import { baseOf, isPolymorphicBase } from '../schema/to-json-schema.js'
import { UnsupportedSchema } from '../schema/unsupported-schema.js'
import type { Rng } from './random.js'

export interface Flat {
  /** undefined = any type; 'null' in the set when null is allowed */
  types: Set<string> | undefined
  properties: Record<string, unknown[]>
  required: Set<string>
  /** property names allowed when some member said additionalProperties: false */
  closed: Set<string> | undefined
  additional: unknown[] | undefined
  items: unknown[]
  prefixItems: unknown[] | undefined
  enum: unknown[] | undefined
  const: { value: unknown } | undefined
  format: string | undefined
  patterns: string[]
  minimum: number | undefined
  maximum: number | undefined
  exclusiveMinimum: number | undefined
  exclusiveMaximum: number | undefined
  multipleOf: number | undefined
  minLength: number
  maxLength: number
  minItems: number
  maxItems: number | undefined
  uniqueItems: boolean
  minProperties: number
  maxProperties: number | undefined
  readOnly: boolean
  writeOnly: boolean
  /** discriminator property -> value fixed by the branch chosen */
  pins: Map<string, string>
  /** example / examples / default values, outermost first */
  candidates: unknown[]
  /** a oneOf/anyOf without discriminator was resolved by a guess: the caller should check the value */
  guessed: boolean
  /** null is allowed by a `nullable` beside `$ref`/allOf or without a type on the node itself */
  orNull: boolean
  /** the component name the node came from (for realistic values: 'JobModel' -> job names) */
  owner: string | undefined
}

export function emptyFlat(): Flat {
  return {
    types: undefined, properties: {}, required: new Set(), closed: undefined, additional: undefined, items: [],
    prefixItems: undefined, enum: undefined, const: undefined, format: undefined, patterns: [], minimum: undefined,
    maximum: undefined, exclusiveMinimum: undefined, exclusiveMaximum: undefined, multipleOf: undefined, minLength: 0,
    maxLength: Infinity, minItems: 0, maxItems: undefined, uniqueItems: false, minProperties: 0, maxProperties: undefined,
    readOnly: false, writeOnly: false, pins: new Map(), candidates: [], guessed: false, orNull: false, owner: undefined,
  }
}

const componentName = (ref: string) => decodeURIComponent(ref.slice(ref.lastIndexOf('/') + 1))

interface Choice {
  count: number
  next: Map<number, Choice | Flat>
}
const isFlat = (node: Choice | Flat): node is Flat => !('next' in node)
/** Per document, per schema object: the flat forms reached by each sequence of picks. */
const flats = new WeakMap<object, WeakMap<object, Choice | Flat>>()
/** Schemas with many nested choices would grow the trie without bound; past this many picks deep they are not cached. */
const maxCachedPicks = 6

function remember(cache: WeakMap<object, Choice | Flat>, schema: object, draws: [number, number][], flat: Flat): void {
  if (draws.length > maxCachedPicks) return
  if (draws.length === 0) {
    cache.set(schema, flat)
    return
  }
  let node = cache.get(schema)
  if (node === undefined) cache.set(schema, (node = { count: draws[0]![0], next: new Map() }))
  for (let i = 0; i < draws.length; i++) {
    if (isFlat(node)) return
    const [, pick] = draws[i]!
    const last = i === draws.length - 1
    let child = node.next.get(pick)
    if (child === undefined) {
      child = last ? flat : { count: draws[i + 1]![0], next: new Map() }
      node.next.set(pick, child)
    }
    node = child
  }
}
const componentRefs = new WeakMap<object, Map<object, string>>()

/** The `$ref` of a schema that is one of the document's components/schemas, by identity. */
function componentRef(root: object, schema: object): string | undefined {
  let refs = componentRefs.get(root)
  if (!refs) {
    refs = new Map()
    const schemas = isRecord(root) && isRecord(root.components) && isRecord(root.components.schemas) ? root.components.schemas : {}
    for (const [name, value] of Object.entries(schemas)) if (isRecord(value)) refs.set(value, `#/components/schemas/${name.replace(/~/g, '~0').replace(/\//g, '~1')}`)
    componentRefs.set(root, refs)
  }
  return refs.get(schema)
}

export class Flattener {
  constructor(
    private readonly root: object,
    private readonly rng: Rng,
  ) {}

  /** Draws made by the flatten in progress ([count, pick]); `#forced` replays picks already drawn from the stream. */
  #draws: [number, number][] = []
  #forced: number[] = []

  /**
   * Flat forms are cached per schema object, keyed by the random picks that shaped them (a trie: pick, pick, ...,
   * flat). Walking the trie draws from the stream exactly as flattening would, so cached or not, values are the same.
   */
  flatten(schema: unknown): Flat {
    if (!isRecord(schema)) return this.#fresh(schema, [])
    let cache = flats.get(this.root)
    if (!cache) flats.set(this.root, (cache = new WeakMap()))
    let node = cache.get(schema)
    const picks: number[] = []
    while (node !== undefined && !isFlat(node)) {
      const pick = Math.floor(this.rng.next() * node.count)
      picks.push(pick)
      node = node.next.get(pick)
    }
    if (node !== undefined) return node
    const flat = this.#fresh(schema, picks)
    remember(cache, schema, this.#draws, flat)
    return flat
  }

  #fresh(schema: unknown, forced: number[]): Flat {
    this.#draws = []
    this.#forced = forced
    return this.#flatten(schema)
  }

  /** A pick in [0, count), drawn (or replayed) and recorded. */
  #choose(count: number): number {
    const pick = this.#draws.length < this.#forced.length ? this.#forced[this.#draws.length]! : Math.floor(this.rng.next() * count)
    this.#draws.push([count, pick])
    return pick
  }

  #flatten(schema: unknown): Flat {
    derefChain(this.root, schema) // throws for a chain of bare $refs that never ends
    const flat = emptyFlat()
    // A component handed in directly (not through a $ref) still knows its name, for its discriminator value.
    const via = isRecord(schema) ? componentRef(this.root, schema) : undefined
    if (via !== undefined) flat.owner = componentName(via)
    this.#into(flat, schema, via === undefined ? [] : [via], via)
    // Only the node's own chain of $refs decides this; a nullable allOf member does not make the whole nullable.
    for (let node = schema, hops = 0; isRecord(node) && hops < 64; hops++) {
      if (node.nullable === true && (typeof node.$ref === 'string' || (typeof node.type !== 'string' && !Array.isArray(node.type)))) flat.orNull = true
      if (typeof node.$ref !== 'string') break
      node = resolveRef(this.root, node.$ref)
    }
    return flat
  }

  /** Merges `schema` into `flat`. `via` is the `$ref` the schema was reached through (names its discriminator value). */
  #into(flat: Flat, schema: unknown, seen: string[], via: string | undefined): void {
    if (schema === true || schema === undefined) return
    if (schema === false) throw new UnsupportedSchema('', 'schema false admits no value')
    if (!isRecord(schema)) throw new UnsupportedSchema('', 'a schema must be an object')
    if (typeof schema.$ref === 'string') {
      const ref = schema.$ref
      if (seen.includes(ref)) return // allOf cycle: the members already merged say it all
      flat.owner ??= componentName(ref)
      seen.push(ref)
      this.#into(flat, resolveRef(this.root, ref), seen, ref)
      seen.pop()
      return
    }
    candidatesOf(schema, flat)
    types(schema, flat)
    scalars(schema, flat)
    if (isRecord(schema.properties)) {
      for (const [name, prop] of Object.entries(schema.properties)) (flat.properties[name] ??= []).push(prop)
    }
    if (Array.isArray(schema.required)) for (const n of schema.required) if (typeof n === 'string') flat.required.add(n)
    if (schema.additionalProperties === false) {
      const names = new Set(isRecord(schema.properties) ? Object.keys(schema.properties) : [])
      flat.closed = flat.closed ? new Set([...flat.closed].filter((n) => names.has(n))) : names
    } else if (isRecord(schema.additionalProperties)) (flat.additional ??= []).push(schema.additionalProperties)
    if (Array.isArray(schema.prefixItems)) flat.prefixItems = schema.prefixItems
    else if (Array.isArray(schema.items)) flat.prefixItems = schema.items
    else if (schema.items !== undefined) flat.items.push(schema.items)
    if (Array.isArray(schema.allOf)) {
      for (const member of schema.allOf) {
        const target = isRecord(member) && typeof member.$ref === 'string' ? derefChain(this.root, member) : undefined
        if (target !== undefined && isRecord(target) && readDiscriminator(target) && member && isRecord(member)) {
          // A subtype inheriting from its discriminated base: the base's properties, this subtype's value.
          const d = readDiscriminator(target)!
          if (via !== undefined) {
            const value = discriminatorValues(d, via)[0]
            if (value !== undefined && !flat.pins.has(d.propertyName)) flat.pins.set(d.propertyName, value)
          }
          const ref = member.$ref as string
          if (!seen.includes(ref)) {
            seen.push(ref)
            this.#into(flat, isPolymorphicBase(target) ? baseOf(target) : target, seen, undefined)
            seen.pop()
          }
        } else this.#into(flat, member, seen, undefined)
      }
    }
    const key = Array.isArray(schema.oneOf) ? 'oneOf' : Array.isArray(schema.anyOf) ? 'anyOf' : undefined
    if (key) this.#branch(flat, schema, schema[key] as unknown[], seen)
  }

  #branch(flat: Flat, schema: Record<string, unknown>, branches: unknown[], seen: string[]): void {
    if (branches.length === 0) return
    const d = readDiscriminator(schema)
    // Prefer the branches that can still produce a value of the types allowed so far.
    const branch = branches[this.#choose(branches.length)]
    if (d && isRecord(branch) && typeof branch.$ref === 'string') {
      const values = discriminatorValues(d, branch.$ref)
      const value = values[this.#choose(values.length)]
      if (value !== undefined) flat.pins.set(d.propertyName, value)
      flat.required.add(d.propertyName)
    } else flat.guessed = true
    this.#into(flat, branch, seen, undefined)
  }
}

function candidatesOf(schema: Record<string, unknown>, flat: Flat): void {
  if ('example' in schema) flat.candidates.push(schema.example)
  if (Array.isArray(schema.examples)) flat.candidates.push(...schema.examples)
  if ('default' in schema) flat.candidates.push(schema.default)
}

function types(schema: Record<string, unknown>, flat: Flat): void {
  let own: Set<string> | undefined
  if (typeof schema.type === 'string') own = new Set([schema.type])
  else if (Array.isArray(schema.type)) own = new Set(schema.type.filter((t): t is string => typeof t === 'string'))
  if (own && schema.nullable === true) own.add('null')
  if (own?.has('file')) own.add('string')
  if (!own) return
  if (flat.types === undefined) {
    flat.types = own
    return
  }
  const merged = new Set<string>()
  for (const t of flat.types) if (own.has(t) || (t === 'integer' && own.has('number'))) merged.add(t)
  if (own.has('integer') && flat.types.has('number')) merged.add('integer')
  if (merged.size === 0) throw new UnsupportedSchema('', 'allOf members allow no common type')
  flat.types = merged
}

function scalars(schema: Record<string, unknown>, flat: Flat): void {
  const num = (k: string) => (typeof schema[k] === 'number' ? (schema[k] as number) : undefined)
  if (Array.isArray(schema.enum)) {
    const own = schema.enum
    flat.enum = flat.enum ? flat.enum.filter((v) => own.some((w) => JSON.stringify(w) === JSON.stringify(v))) : own
    if (flat.enum.length === 0) throw new UnsupportedSchema('', 'allOf members share no enum value')
  }
  if ('const' in schema) flat.const = { value: schema.const }
  if (typeof schema.format === 'string') flat.format ??= schema.format
  if (typeof schema.pattern === 'string') flat.patterns.push(schema.pattern)
  const max = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.max(a, b))
  const min = (a: number | undefined, b: number | undefined) => (a === undefined ? b : b === undefined ? a : Math.min(a, b))
  let lo = num('minimum'), hi = num('maximum')
  let xlo = num('exclusiveMinimum'), xhi = num('exclusiveMaximum')
  if (schema.exclusiveMinimum === true && lo !== undefined) [xlo, lo] = [lo, undefined]
  if (schema.exclusiveMaximum === true && hi !== undefined) [xhi, hi] = [hi, undefined]
  flat.minimum = max(flat.minimum, lo)
  flat.maximum = min(flat.maximum, hi)
  flat.exclusiveMinimum = max(flat.exclusiveMinimum, xlo)
  flat.exclusiveMaximum = min(flat.exclusiveMaximum, xhi)
  const m = num('multipleOf')
  if (m !== undefined && m > 0) flat.multipleOf = flat.multipleOf === undefined ? m : lcm(flat.multipleOf, m)
  flat.minLength = Math.max(flat.minLength, num('minLength') ?? 0)
  flat.maxLength = Math.min(flat.maxLength, num('maxLength') ?? Infinity)
  flat.minItems = Math.max(flat.minItems, num('minItems') ?? 0)
  flat.maxItems = min(flat.maxItems, num('maxItems'))
  flat.minProperties = Math.max(flat.minProperties, num('minProperties') ?? 0)
  flat.maxProperties = min(flat.maxProperties, num('maxProperties'))
  if (schema.uniqueItems === true) flat.uniqueItems = true
  if (schema.readOnly === true) flat.readOnly = true
  if (schema.writeOnly === true) flat.writeOnly = true
}

function lcm(a: number, b: number): number {
  if (a % b === 0) return a
  if (b % a === 0) return b
  if (Number.isInteger(a) && Number.isInteger(b)) {
    const gcd = (x: number, y: number): number => (y === 0 ? x : gcd(y, x % y))
    return (a / gcd(a, b)) * b
  }
  return a * b
}
