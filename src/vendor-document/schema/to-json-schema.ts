/**
 * @module OpenAPI 3.0/3.1 schema object -> JSON Schema 2020-12 for ajv. `$ref`s stay `$ref`s (rewritten by the
 * caller when it registers targets under ids); OpenAPI-only keywords are translated or dropped.
 */
import type { Dialect } from './dialect.js'
import { discriminatorValues, readDiscriminator } from './discriminator.js'
import { derefChain, isRecord } from './json-pointer.js'
import { UnsupportedSchema } from './unsupported-schema.js'

export type Direction = 'request' | 'response'
export type JsonSchema = Record<string, unknown> | boolean

export interface ToJsonSchemaOptions {
  dialect: Dialect
  /** The whole OpenAPI document; needed to see readOnly/writeOnly and discriminators behind `$ref`s. */
  root?: object
  /** request: readOnly properties are not required; response: writeOnly ones are not. Default response. */
  direction?: Direction
  /**
   * Rewrites a `$ref`. `base` is true for a `$ref` from `allOf` to a schema with a discriminator and oneOf/anyOf:
   * the subtype inherits the base's properties, not its polymorphism (else validation would recurse forever).
   */
  ref?: (ref: string, base: boolean) => string
  /** Called for every `format` met, so the caller can register unknown ones as always valid. */
  onFormat?: (format: string) => void
}

const schemaMap = ['properties', 'patternProperties', 'dependentSchemas'] as const
const schemaOne = ['additionalProperties', 'not', 'if', 'then', 'else', 'contains', 'propertyNames', 'unevaluatedProperties', 'unevaluatedItems'] as const
const schemaList = ['anyOf', 'oneOf', 'prefixItems'] as const
/** Keywords copied as they are; everything else (example, xml, externalDocs, x-*, $id, $defs...) is dropped. */
const plain = [
  'type', 'enum', 'const', 'multipleOf', 'maximum', 'minimum', 'maxLength', 'minLength', 'pattern', 'maxItems',
  'minItems', 'uniqueItems', 'maxContains', 'minContains', 'maxProperties', 'minProperties', 'dependentRequired',
  'title', 'description', 'default', 'deprecated', 'readOnly', 'writeOnly', 'examples', 'contentEncoding', 'contentMediaType',
] as const

/** The converted schema; never mutates its input. */
export function toJsonSchema(schema: unknown, options: ToJsonSchemaOptions): JsonSchema {
  return convert(schema, options, '')
}

/** The schema at a `$ref` as the `base` side of {@link ToJsonSchemaOptions.ref}: without its polymorphism. */
export function baseOf(schema: unknown): unknown {
  if (!isRecord(schema) || readDiscriminator(schema) === undefined) return schema
  const { oneOf: _oneOf, anyOf: _anyOf, discriminator: _d, ...rest } = schema
  return rest
}

/** True when an allOf member pointing at this schema must use its base form. */
export function isPolymorphicBase(schema: unknown): boolean {
  return isRecord(schema) && readDiscriminator(schema) !== undefined && (Array.isArray(schema.oneOf) || Array.isArray(schema.anyOf))
}

function convert(schema: unknown, o: ToJsonSchemaOptions, at: string): JsonSchema {
  if (typeof schema === 'boolean') return schema
  if (!isRecord(schema)) throw new UnsupportedSchema(at, 'a schema must be an object')
  if (typeof schema.$ref === 'string') {
    const ref = rewrite(schema.$ref, false, o)
    // 3.0 ignores a $ref's siblings; `nullable` beside one is common enough to honour.
    if (o.dialect === '3.0') return schema.nullable === true ? { anyOf: [{ type: 'null' }, { $ref: ref }] } : { $ref: ref }
  }
  const out: Record<string, unknown> = {}
  if (typeof schema.$ref === 'string') out.$ref = rewrite(schema.$ref, false, o)
  for (const key of plain) if (key in schema) out[key] = schema[key]
  if (typeof schema.format === 'string') {
    out.format = schema.format
    o.onFormat?.(schema.format)
  }
  if (out.type === 'file') out.type = 'string'
  exclusiveBounds(schema, out)
  for (const key of schemaMap) {
    const map = schema[key]
    if (isRecord(map)) out[key] = Object.fromEntries(Object.entries(map).map(([k, v]) => [k, convert(v, o, `${at}/${key}/${k}`)]))
  }
  for (const key of schemaOne) if (key in schema && (isRecord(schema[key]) || typeof schema[key] === 'boolean')) out[key] = convert(schema[key], o, `${at}/${key}`)
  for (const key of schemaList) {
    const list = schema[key]
    if (Array.isArray(list)) out[key] = list.map((s, i) => convert(s, o, `${at}/${key}/${i}`))
  }
  if (Array.isArray(schema.allOf)) out.allOf = schema.allOf.map((member, i) => allOfMember(member, o, `${at}/allOf/${i}`))
  if (Array.isArray(schema.items)) out.prefixItems = schema.items.map((s, i) => convert(s, o, `${at}/items/${i}`))
  else if (schema.items !== undefined) out.items = convert(schema.items, o, `${at}/items`)
  if (Array.isArray(schema.required)) out.required = requiredFor(schema, o)
  polymorphism(schema, out, o, at)
  return nullable(schema, out)
}

function rewrite(ref: string, base: boolean, o: ToJsonSchemaOptions): string {
  return o.ref ? o.ref(ref, base) : ref
}

function allOfMember(member: unknown, o: ToJsonSchemaOptions, at: string): JsonSchema {
  if (isRecord(member) && typeof member.$ref === 'string' && o.root && isPolymorphicBase(derefChain(o.root, member))) {
    return { $ref: rewrite(member.$ref, true, o) }
  }
  return convert(member, o, at)
}

/** 3.0's boolean exclusiveMinimum/Maximum become 2020-12's numeric ones. */
function exclusiveBounds(schema: Record<string, unknown>, out: Record<string, unknown>): void {
  for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    const flag = schema[exclusive]
    if (typeof flag === 'number') out[exclusive] = flag
    else if (flag === true && typeof schema[bound] === 'number') {
      out[exclusive] = schema[bound]
      delete out[bound]
    }
  }
}

/** readOnly properties are not required in a request, writeOnly ones not in a response (OpenAPI 3.0, kept for 3.1). */
function requiredFor(schema: Record<string, unknown>, o: ToJsonSchemaOptions): string[] {
  const names = (schema.required as unknown[]).filter((n): n is string => typeof n === 'string')
  const props = isRecord(schema.properties) ? schema.properties : {}
  const skip = (o.direction ?? 'response') === 'request' ? 'readOnly' : 'writeOnly'
  return names.filter((name) => {
    let prop = props[name]
    if (o.root && prop !== undefined) prop = derefChain(o.root, prop)
    return !(isRecord(prop) && prop[skip] === true)
  })
}

/**
 * A discriminator decides the branch by the property's value, so oneOf's "exactly one" (which fails when sibling
 * subtypes share a shape) becomes anyOf over branches each pinned to their discriminator values.
 */
function polymorphism(schema: Record<string, unknown>, out: Record<string, unknown>, o: ToJsonSchemaOptions, at: string): void {
  const d = readDiscriminator(schema)
  const key = Array.isArray(schema.oneOf) ? 'oneOf' : Array.isArray(schema.anyOf) ? 'anyOf' : undefined
  if (!d || !key) return
  const branches = schema[key] as unknown[]
  out[key] = undefined
  delete out[key]
  out.anyOf = branches.map((branch, i) => {
    const converted = convert(branch, o, `${at}/${key}/${i}`)
    if (!isRecord(branch) || typeof branch.$ref !== 'string') return converted
    const values = discriminatorValues(d, branch.$ref)
    return { allOf: [converted, { properties: { [d.propertyName]: { enum: values } }, required: [d.propertyName] }] }
  })
}

/** `nullable: true` (3.0; honoured in 3.1 documents too, where it is harmless) admits null. */
function nullable(schema: Record<string, unknown>, out: Record<string, unknown>): JsonSchema {
  if (schema.nullable !== true) return out
  const composite = ['allOf', 'anyOf', 'oneOf', '$ref', 'const', 'not'].some((k) => k in out)
  if (!composite && (typeof out.type === 'string' || Array.isArray(out.type))) {
    const types = typeof out.type === 'string' ? [out.type] : (out.type as unknown[])
    out.type = types.includes('null') ? types : [...types, 'null']
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null]
    return out
  }
  if (!composite && out.enum === undefined) return out // no type: null passes already
  return { anyOf: [{ type: 'null' }, out] }
}
