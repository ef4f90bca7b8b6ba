import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { Dialect } from '../schema/dialect.js'
import { SchemaValidators } from '../schema/validators.js'
import { generate } from './generate.js'

type Json = Record<string, unknown>
/** A schema written once and spelled for either dialect (nullable, exclusive bounds differ). */
type Spec = (d: Dialect) => Json

const names = ['id', 'name', 'hostName', 'description', 'port', 'size', 'email', 'createdAt', 'tags', 'settings', 'count', 'path', 'state', 'items']
const formats = ['uuid', 'date-time', 'date', 'time', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'url', 'byte', 'binary', 'password', 'int32-as-string-free']
const patterns = ['^[a-z]{3,8}$', '^\\d{3}-[A-Z]{2}$', '^(srv|app)-\\d{2}$', '^[A-Fa-f0-9]{8}$', '^[A-Z][a-z]+( [A-Z][a-z]+)?$']

const nullable = (spec: Spec, on: boolean): Spec =>
  !on ? spec : (d) => {
    const s = spec(d)
    if (d === '3.0') return { ...s, nullable: true }
    if (s.type === undefined) return { anyOf: [s, { type: 'null' }] }
    return { ...s, type: [s.type, 'null'], ...(Array.isArray(s.enum) ? { enum: [...s.enum, null] } : {}) }
  }

const stringSpec: fc.Arbitrary<Spec> = fc.oneof(
  fc.constantFrom(...formats).map((format) => () => (format.endsWith('-free') ? { type: 'string' } : { type: 'string', format })),
  fc.tuple(fc.nat(20), fc.nat(30)).map(([min, span]) => () => ({ type: 'string', minLength: min, maxLength: min + span })),
  fc.constantFrom(...patterns).map((pattern) => () => ({ type: 'string', pattern })),
  fc.uniqueArray(fc.constantFrom('Success', 'Warning', 'Failed', 'Running', 'None'), { minLength: 1, maxLength: 4 }).map((values) => () => ({ type: 'string', enum: values })),
)

const numberSpec: fc.Arbitrary<Spec> = fc
  .record({
    integer: fc.boolean(),
    min: fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: undefined }),
    span: fc.integer({ min: 0, max: 500 }),
    bounded: fc.boolean(),
    exclusive: fc.boolean(),
    multipleOf: fc.option(fc.constantFrom(1, 2, 5, 0.5, 0.25), { nil: undefined }),
    format: fc.option(fc.constantFrom('int32', 'int64', 'double'), { nil: undefined }),
  })
  .map((r) => (d: Dialect) => {
    const step = r.integer ? (r.multipleOf !== undefined ? Math.ceil(r.multipleOf) : 1) : (r.multipleOf ?? 0)
    const span = r.span + 3 * Math.max(step, 1) + 2 // room for a multiple strictly inside the bounds
    const s: Json = { type: r.integer ? 'integer' : 'number' }
    if (r.integer && r.format !== 'double' && r.format) s.format = r.format
    if (!r.integer && r.format === 'double') s.format = 'double'
    if (step > 0) s.multipleOf = step
    if (r.min !== undefined) {
      if (r.exclusive && d === '3.0') Object.assign(s, { minimum: r.min, exclusiveMinimum: true })
      else if (r.exclusive) s.exclusiveMinimum = r.min
      else s.minimum = r.min
      if (r.bounded) s.maximum = r.min + span
    }
    return s
  })

/** Examples that may or may not fit their schema: used only when they validate. */
const exampleSpec: fc.Arbitrary<Spec> = fc
  .record({ pattern: fc.constantFrom(...patterns), example: fc.constantFrom('abc', 'ABCD', '123-XY', 'srv-01', 'Deadbeef', 'Daily Copy', 7) })
  .map(({ pattern, example }) => (d: Dialect) => ({ type: 'string', pattern, ...(d === '3.0' ? { example } : { examples: [example] }) }))

const leaf: fc.Arbitrary<Spec> = fc.oneof(
  stringSpec,
  numberSpec,
  exampleSpec,
  fc.constant(() => ({ type: 'boolean' })),
  fc.constantFrom<unknown>('fixed', 3, true).map((value) => () => ({ const: value })),
)
const refs = ['Tree', 'Pet', 'Cat', 'C0', 'C1', 'Named', 'Alias'].map((n) => `#/components/schemas/${n}`)

const { node } = fc.letrec<{ node: Spec; object: Spec; array: Spec; allOf: Spec; ref: Spec }>((tie) => ({
  node: fc.oneof({ depthIdentifier: 'schema', maxDepth: 3 }, fc.tuple(leaf, fc.boolean()).map(([s, n]) => nullable(s, n)), tie('object'), tie('array'), tie('allOf'), tie('ref')),
  object: fc
    .record({
      props: fc.dictionary(fc.constantFrom(...names), tie('node'), { maxKeys: 5 }),
      required: fc.array(fc.boolean(), { minLength: 5, maxLength: 5 }),
      closed: fc.boolean(),
      nullable: fc.boolean(),
      map: fc.option(tie('node'), { nil: undefined, freq: 4 }),
    })
    .map(({ props, required, closed, nullable: n, map }) =>
      nullable((d) => {
        const keys = Object.keys(props)
        const s: Json = { type: 'object', properties: Object.fromEntries(keys.map((k) => [k, props[k]!(d)])), required: keys.filter((_, i) => required[i]) }
        if (map && keys.length === 0) s.additionalProperties = map(d)
        else if (closed) s.additionalProperties = false
        return s
      }, n),
    ),
  array: fc
    .record({ items: tie('node'), min: fc.nat(2), span: fc.nat(3), unique: fc.boolean() })
    .map(({ items, min, span, unique }) => (d: Dialect) => ({
      type: 'array',
      minItems: min,
      maxItems: min + span,
      // uniqueItems only over strings from a large space, so minItems is always reachable
      ...(unique ? { uniqueItems: true, items: { type: 'string', format: 'uuid' } } : { items: items(d) }),
    })),
  allOf: fc
    .tuple(fc.dictionary(fc.constantFrom('a1', 'a2', 'a3'), leaf, { maxKeys: 3 }), fc.dictionary(fc.constantFrom('b1', 'b2', 'b3'), tie('node'), { maxKeys: 3 }))
    .map(([a, b]) => (d: Dialect) => ({
      allOf: [
        { type: 'object', required: Object.keys(a), properties: Object.fromEntries(Object.entries(a).map(([k, v]) => [k, v(d)])) },
        { type: 'object', properties: Object.fromEntries(Object.entries(b).map(([k, v]) => [k, v(d)])) },
        { $ref: '#/components/schemas/Named' },
      ],
    })),
  ref: fc.constantFrom(...refs).map((r) => () => ({ $ref: r })),
}))

/** A document whose components hold a recursive tree, a discriminated family (base + oneOf + allOf subtypes) and two random schemas. */
const documentArb = fc
  .record({ c0: leaf, c1: node, cat: fc.dictionary(fc.constantFrom('lives', 'name', 'port'), leaf, { maxKeys: 3 }), dog: fc.dictionary(fc.constantFrom('bark', 'size'), leaf, { maxKeys: 2 }), top: node })
  .map((r) => (d: Dialect) => {
    const props = (p: Record<string, Spec>) => Object.fromEntries(Object.entries(p).map(([k, v]) => [k, v(d)]))
    const schemas: Json = {
      Tree: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } } },
      Pet: {
        type: 'object',
        required: ['petType'],
        properties: { petType: { type: 'string', enum: ['cat', 'Dog'] }, id: { type: 'string', format: 'uuid', readOnly: true } },
        discriminator: { propertyName: 'petType', mapping: { cat: '#/components/schemas/Cat' } },
        oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }],
      },
      Cat: { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', required: Object.keys(r.cat), properties: props(r.cat) }] },
      Dog: { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', properties: props(r.dog) }] },
      Named: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 3 }, parent: { $ref: '#/components/schemas/Named' } } },
      Alias: { $ref: '#/components/schemas/Named' },
      C0: r.c0(d),
      // C1 never refers to itself: a required self-reference has no finite value (the generator rightly refuses it).
      C1: JSON.parse(JSON.stringify(r.c1(d)).replaceAll('"#/components/schemas/C1"', '"#/components/schemas/Tree"')),
    }
    return { doc: { openapi: d === '3.0' ? '3.0.3' : '3.1.0', paths: {}, components: { schemas } }, top: r.top(d) }
  })
  // Spelled out in both dialects up front, so a counterexample prints as data.
  .chain((build) => fc.constantFrom<Dialect>('3.0', '3.1').map((dialect) => ({ dialect, ...build(dialect) })))

describe('generate (property)', () => {
  it('every generated value validates against its schema, in both dialects and directions, and is deterministic', () => {
    let differs = 0
    let runs = 0
    fc.assert(
      fc.property(documentArb, fc.constantFrom('request', 'response' as const), fc.string({ maxLength: 8 }), fc.string({ maxLength: 8 }), ({ dialect, doc, top }, direction, seed, key) => {
        const validators = new SchemaValidators(doc, dialect)
        const context = { root: doc, dialect, seed, key, direction: direction as 'request' | 'response' }
        const value = generate(top, context)
        expect(validators.validate(top, value, context.direction)).toEqual([])
        expect(generate(top, context)).toEqual(value)
        const pet = doc.components.schemas.Pet
        const animal = generate(pet, context)
        expect(validators.validate(pet, animal, context.direction)).toEqual([])
        runs++
        if (JSON.stringify(generate(top, { ...context, seed: `${seed}!` })) !== JSON.stringify(value)) differs++
      }),
      { numRuns: 300 },
    )
    // Small value spaces (a boolean, a one-value enum) may repeat; most values must not.
    expect(differs / runs).toBeGreaterThan(0.5)
  }, 120_000)
})
