/**
 * @module Deterministic values from OpenAPI schemas: same seed + schema + key => the same value on any day.
 * Faker and ajv load on the first call that needs them, never at import.
 */
import type { Dialect } from '../schema/dialect.js'
import { derefChain, isRecord } from '../schema/json-pointer.js'
import { UnsupportedSchema } from '../schema/unsupported-schema.js'
import { SchemaValidators, type Direction } from '../schema/validators.js'
import { Flattener, type Flat } from './flatten.js'
import { numberFor } from './numbers.js'
import { Rng } from './random.js'
import { matchingString, patternRegExp } from './regex.js'
import { byFormat, byName, randomText } from './strings.js'
import { label } from './vocabulary.js'

export { UnsupportedSchema } from '../schema/unsupported-schema.js'

export interface GenerateContext {
  root: object // the whole OpenAPI document ($ref targets)
  dialect: Dialect
  seed: string // --seed; same seed + schema + key => byte-identical value, any day
  key: string // distinguishes call sites, e.g. 'GET /api/v1/jobs 200#3' (item 3 of a list)
  overrides?: Record<string, unknown> // top-level property values to force (e.g. { id } from a path parameter)
  direction?: Direction // default 'response': writeOnly properties omitted
}

/** Past this many nested `$ref`s (or a second visit of one), optional parts are left out so recursion ends. */
const softRefDepth = 6
/** Past this, only a required cycle can be keeping us here: give up. */
const hardDepth = 64

const validatorsByRoot = new WeakMap<object, Map<Dialect, SchemaValidators>>()

/** One validator set per document and dialect, shared with nobody else's state. */
export function validatorsFor(root: object, dialect: Dialect): SchemaValidators {
  let byDialect = validatorsByRoot.get(root)
  if (!byDialect) validatorsByRoot.set(root, (byDialect = new Map()))
  let validators = byDialect.get(dialect)
  if (!validators) byDialect.set(dialect, (validators = new SchemaValidators(root, dialect)))
  return validators
}

export function generate(schema: unknown, context: GenerateContext): unknown {
  const rng = new Rng(`${context.seed}\u0000${context.key}`)
  const walker = new Walker(context, rng)
  return walker.value(schema, { name: '', owner: '', depth: 0, refs: [], top: true }, '')
}

interface Where {
  name: string
  owner: string
  depth: number
  refs: string[]
  top: boolean
}

class Walker {
  readonly #flattener: Flattener
  readonly #direction: Direction
  #validators: SchemaValidators | undefined

  constructor(
    private readonly context: GenerateContext,
    private readonly rng: Rng,
  ) {
    this.#flattener = new Flattener(context.root, rng)
    this.#direction = context.direction ?? 'response'
  }

  get validators(): SchemaValidators {
    return (this.#validators ??= validatorsFor(this.context.root, this.context.dialect))
  }

  value(schema: unknown, where: Where, at: string): unknown {
    if (where.depth > hardDepth) throw new UnsupportedSchema(at, 'required properties recurse without end')
    const refs = refsOf(schema)
    const inner: Where = { ...where, refs: refs.length === 0 ? where.refs : [...where.refs, ...refs] }
    const flat = this.#flattener.flatten(schema)
    inner.owner = flat.owner ?? where.owner
    const example = this.#example(schema, flat, where)
    if (example.found) return example.value
    if (!flat.guessed) return this.#fromFlat(flat, inner, at)
    // A oneOf/anyOf without discriminator: a branch's value may match a sibling too (oneOf) — check, retry.
    let value: unknown
    for (let attempt = 0; attempt < 6; attempt++) {
      value = this.#fromFlat(attempt === 0 ? flat : this.#flattener.flatten(schema), inner, at)
      if (this.validators.validate(schema, value, this.#direction).length === 0) return value
    }
    return value
  }

  /** Deep: cycles are cut here by leaving out everything optional. */
  #deep(where: Where): boolean {
    if (where.refs.length > softRefDepth) return true
    const last = where.refs[where.refs.length - 1]
    return last !== undefined && where.refs.indexOf(last) !== where.refs.length - 1
  }

  /** A schema's own example/examples/default, when it validates; never for identifiers, which must differ per item. */
  #example(schema: unknown, flat: Flat, where: Where): { found: boolean; value?: unknown } {
    if (flat.candidates.length === 0 || /^(id|uid|guid)$|(Id|Uid|Guid|_id|ID)$/.test(where.name) || flat.format === 'uuid') return { found: false }
    if (where.top && this.context.overrides) return { found: false }
    for (const candidate of flat.candidates) {
      if (candidate === undefined) continue
      if (this.validators.validate(schema, candidate, this.#direction).length === 0) return { found: true, value: copy(candidate) }
    }
    return { found: false }
  }

  #fromFlat(flat: Flat, where: Where, at: string): unknown {
    if (flat.const) return copy(flat.const.value)
    const deep = this.#deep(where)
    const nullAllowed = flat.orNull || flat.types?.has('null') === true
    if (flat.types?.size === 1 && nullAllowed && !flat.orNull) return null
    if (flat.enum) {
      const options = flat.enum.filter((v) => (v === null ? nullAllowed : typeMatches(v, flat.types)))
      if (options.length === 0) throw new UnsupportedSchema(at, 'no enum value fits the type')
      const nonNull = options.filter((v) => v !== null)
      return copy(nonNull.length > 0 && !(deep && nullAllowed) ? this.rng.pick(nonNull) : this.rng.pick(options))
    }
    if (nullAllowed && (deep || this.rng.chance(0.1))) return null
    switch (this.#type(flat)) {
      case 'object': return this.#object(flat, where, at)
      case 'array': return this.#array(flat, where, at)
      case 'string': return this.#string(flat, where, at)
      case 'integer': return this.#number(flat, true, where, at)
      case 'number': return this.#number(flat, false, where, at)
      case 'boolean': return this.rng.chance(0.5)
      default: return null
    }
  }

  #type(flat: Flat): string {
    const types = flat.types ? [...flat.types].filter((t) => t !== 'null') : undefined
    if (types && types.length > 0) return types.includes('integer') && types.includes('number') ? 'integer' : this.rng.pick(types)
    if (types) return 'null'
    if (Object.keys(flat.properties).length > 0 || flat.additional || flat.required.size > 0 || flat.pins.size > 0) return 'object'
    if (flat.items.length > 0 || flat.prefixItems) return 'array'
    if (flat.minimum !== undefined || flat.maximum !== undefined || flat.multipleOf !== undefined) return 'number'
    return 'string'
  }

  #object(flat: Flat, where: Where, at: string): Record<string, unknown> {
    const deep = this.#deep(where)
    const overrides = where.top ? this.context.overrides : undefined
    const out: Record<string, unknown> = {}
    const plan = planFor(this.context.root, flat)
    let optionalLeft = (flat.maxProperties ?? Infinity) - plan.mustCount
    if (overrides) for (const n of Object.keys(overrides)) if (!plan.must.has(n)) optionalLeft--
    let skipped: PlannedProperty[] | undefined
    for (const entry of plan.properties) {
      if (this.#direction === 'request' ? entry.readOnly : entry.writeOnly) continue
      if (!entry.must && !(overrides && entry.name in overrides)) {
        if (deep || optionalLeft <= 0 || !this.rng.chance(0.85)) {
          ;(skipped ??= []).push(entry)
          continue
        }
        optionalLeft--
      }
      out[entry.name] = entry.pin !== undefined ? entry.pin : this.#property(entry, where, at)
    }
    // minProperties: declared optional properties first, then extra entries below.
    if (skipped && flat.minProperties > 0) {
      for (const entry of skipped) {
        if (Object.keys(out).length >= flat.minProperties) break
        out[entry.name] = this.#property(entry, where, at)
      }
    }
    if (overrides) for (const [name, value] of Object.entries(overrides)) out[name] = value
    // Maps (additionalProperties with a schema) and minProperties get extra entries.
    const extras = flat.additional && !flat.closed ? (Object.keys(flat.properties).length === 0 && !deep ? this.rng.int(1, 3) : 0) : 0
    const wanted = Math.min(flat.maxProperties ?? Infinity, Math.max(flat.minProperties, Object.keys(out).length + extras))
    for (let n = 1; Object.keys(out).length < wanted; n++) {
      if (flat.closed || n > wanted + 20) throw new UnsupportedSchema(at, 'minProperties cannot be reached')
      const key = `${label(this.rng)}-${n}`
      if (key in out) continue
      out[key] = this.value(plan.additional, { name: key, owner: where.owner, depth: where.depth + 1, refs: where.refs, top: false }, `${at}/additionalProperties`)
    }
    return out
  }

  #property(entry: PlannedProperty, where: Where, at: string): unknown {
    return this.value(entry.schema, { name: entry.name, owner: where.owner, depth: where.depth + 1, refs: where.refs, top: false }, `${at}/properties/${entry.name}`)
  }

  #array(flat: Flat, where: Where, at: string): unknown[] {
    const deep = this.#deep(where)
    const prefix = flat.prefixItems ?? []
    const min = Math.max(flat.minItems, 0)
    const max = flat.maxItems ?? Math.max(min, prefix.length) + 3
    if (min > max) throw new UnsupportedSchema(at, 'minItems exceeds maxItems')
    const count = deep ? min : this.rng.int(Math.max(min, Math.min(1, max)), Math.min(max, Math.max(min, prefix.length) + 3))
    const itemSchema = planFor(this.context.root, flat).item
    const out: unknown[] = []
    const seen = new Set<string>()
    for (let i = 0, tries = 0; out.length < count; tries++) {
      if (tries > count * 20 + 20) {
        if (out.length >= min) break
        throw new UnsupportedSchema(at, 'uniqueItems cannot reach minItems')
      }
      const schema = i < prefix.length ? prefix[i] : itemSchema
      const item = this.value(schema, { name: singular(where.name), owner: where.owner, depth: where.depth + 1, refs: where.refs, top: false }, `${at}/items`)
      if (flat.uniqueItems) {
        const k = stableKey(item)
        if (seen.has(k)) continue
        seen.add(k)
      }
      out.push(item)
      i++
    }
    return out
  }

  #string(flat: Flat, where: Where, at: string): string {
    const { minLength, maxLength } = flat
    const regexps = flat.patterns.map((p) => patternRegExp(p) ?? invalidPattern(at, p))
    const fits = (s: string) => {
      const n = s.length > maxLength * 2 ? Infinity : [...s].length
      return n >= minLength && n <= maxLength && regexps.every((r) => r.test(s))
    }
    const shaped = flat.format ? byFormat(flat.format, this.rng, where.name) : undefined
    const preferred = shaped ?? byName(where.name, where.owner, this.rng)
    if (fits(preferred)) return preferred
    if (flat.patterns.length > 0) {
      const s = matchingString(flat.patterns, this.rng, minLength, maxLength)
      if (s === undefined) throw new UnsupportedSchema(at, 'no string found for the pattern')
      return s
    }
    if (shaped !== undefined && !['password', 'binary'].includes(flat.format ?? '')) {
      for (let i = 0; i < 10; i++) {
        const again = byFormat(flat.format!, this.rng, where.name)!
        if (fits(again)) return again
      }
      throw new UnsupportedSchema(at, `no ${flat.format} fits the length bounds`)
    }
    // Free text: cut or pad the realistic value to the bounds.
    const chars = [...preferred]
    if (chars.length > maxLength) return chars.slice(0, maxLength).join('').trimEnd().padEnd(maxLength === Infinity ? 0 : Math.min(maxLength, Math.max(minLength, 0)), 'x').slice(0, maxLength)
    return preferred + randomText(this.rng, minLength - chars.length)
  }

  #number(flat: Flat, integer: boolean, where: Where, at: string): number {
    const v = numberFor(flat, integer, where.name, this.rng)
    if (v === undefined) throw new UnsupportedSchema(at, 'no number satisfies the bounds')
    return v
  }
}

interface PlannedProperty {
  name: string
  schema: unknown
  must: boolean
  pin: string | undefined
  readOnly: boolean
  writeOnly: boolean
}

/** What a flat form needs on every generation, worked out once; merged schemas keep one identity (caches key on it). */
interface Plan {
  properties: PlannedProperty[]
  must: Set<string>
  mustCount: number
  additional: unknown
  item: unknown
}

const plans = new WeakMap<Flat, Plan>()

function planFor(root: object, flat: Flat): Plan {
  const cached = plans.get(flat)
  if (cached) return cached
  const additional = flat.additional === undefined ? {} : flat.additional.length === 1 ? flat.additional[0] : { allOf: flat.additional }
  const names = new Set([...Object.keys(flat.properties), ...flat.required, ...flat.pins.keys()])
  const properties: PlannedProperty[] = []
  for (const name of names) {
    if (flat.closed && !flat.closed.has(name)) continue
    const schemas = flat.properties[name] ?? []
    const schema = schemas.length === 1 ? schemas[0] : schemas.length === 0 ? additional : { allOf: schemas }
    const must = flat.required.has(name) || flat.pins.has(name)
    properties.push({ name, schema, must, pin: flat.pins.get(name), readOnly: isHidden(root, schemas, 'readOnly'), writeOnly: isHidden(root, schemas, 'writeOnly') })
  }
  const item = flat.items.length === 0 ? {} : flat.items.length === 1 ? flat.items[0] : { allOf: flat.items }
  const must = new Set(properties.filter((p) => p.must).map((p) => p.name))
  const plan = { properties, must, mustCount: must.size, additional, item }
  plans.set(flat, plan)
  return plan
}

function invalidPattern(at: string, _pattern: string): never {
  throw new UnsupportedSchema(at, 'pattern is not a valid regular expression')
}

/** The `$ref` a node is (siblings aside), for cycle detection. */
function refsOf(schema: unknown): string[] {
  return isRecord(schema) && typeof schema.$ref === 'string' ? [schema.$ref] : []
}

function isHidden(root: object, schemas: unknown[], flag: 'readOnly' | 'writeOnly'): boolean {
  for (const s of schemas) {
    const target = isRecord(s) && typeof s.$ref === 'string' ? derefChain(root, s) : s
    if (isRecord(target) && target[flag] === true) return true
  }
  return false
}

/** Values taken from the document are copied, so a caller changing a body cannot change the document. */
function copy<T>(value: T): T {
  return value !== null && typeof value === 'object' ? structuredClone(value) : value
}

function typeMatches(value: unknown, types: Set<string> | undefined): boolean {
  if (!types) return true
  if (typeof value === 'string') return types.has('string')
  if (typeof value === 'boolean') return types.has('boolean')
  if (typeof value === 'number') return types.has('number') || (types.has('integer') && Number.isInteger(value))
  if (Array.isArray(value)) return types.has('array')
  if (value === null) return types.has('null')
  return types.has('object')
}

function singular(name: string): string {
  return name.endsWith('ies') ? `${name.slice(0, -3)}y` : name.endsWith('s') && !name.endsWith('ss') ? name.slice(0, -1) : name
}

function stableKey(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) => (isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v))
}

