/**
 * @module List operations as one seeded collection: the envelope read from the response schema (any array
 * property, paging fields beside it or in an object of their own), pages cut from the same items every time.
 */
import { createHash } from 'node:crypto'
import type { Parameter } from './operations.js'
import { itemsOf, propertiesOf, typeOf } from './schema-shape.js'

type PagingField = 'total' | 'count' | 'skip' | 'limit'

/** Names vendors give the paging fields of a list answer (VBR: total, count, skip, limit). */
const FIELD_NAMES: Record<PagingField, string[]> = {
  total: ['total', 'totalcount', 'totalitems', 'totalrecords', 'totalsize'],
  count: ['count', 'itemcount', 'returned'],
  skip: ['skip', 'offset', 'start', 'startindex'],
  limit: ['limit', 'take', 'pagesize', 'size', 'top', 'maxresults'],
}
const OFFSET_PARAMS = ['skip', 'offset', 'start', 'startindex', '$skip']
const LIMIT_PARAMS = ['limit', 'take', 'pagesize', 'top', '$top', 'maxresults']
const ITEM_PROPERTIES = ['data', 'items', 'results', 'value', 'records', 'content', 'elements']

export interface Envelope {
  /** '' when the answer is the array itself. */
  itemsProperty: string
  /** The array's schema (its minItems/maxItems bound the collection). */
  arraySchema: unknown
  itemSchema: unknown
  /** Where the paging fields are: a property holding them (VBR `pagination`), or '' for beside the items. */
  pagination?: { property: string; schema?: unknown; fields: Partial<Record<PagingField, string>> }
}

function pagingFields(names: Iterable<string>): Partial<Record<PagingField, string>> {
  const fields: Partial<Record<PagingField, string>> = {}
  for (const name of names) {
    for (const field of Object.keys(FIELD_NAMES) as PagingField[]) {
      if (fields[field] === undefined && FIELD_NAMES[field].includes(name.toLowerCase())) fields[field] = name
    }
  }
  return fields
}

/** The collection shape of a response schema, or undefined when it is not a list. */
export function detectEnvelope(root: unknown, schema: unknown): Envelope | undefined {
  const type = typeOf(root, schema)
  if (type === 'array') return { itemsProperty: '', arraySchema: schema, itemSchema: itemsOf(root, schema) }
  if (type !== 'object') return undefined
  const properties = propertiesOf(root, schema)
  const arrays = [...properties].filter(([, s]) => typeOf(root, s) === 'array').map(([name]) => name)
  const itemsProperty = arrays.length === 1 ? arrays[0]! : arrays.find((name) => ITEM_PROPERTIES.includes(name.toLowerCase()))
  if (itemsProperty === undefined) return undefined
  const envelope: Envelope = { itemsProperty, arraySchema: properties.get(itemsProperty), itemSchema: itemsOf(root, properties.get(itemsProperty)) }
  for (const [name, s] of properties) {
    if (name === itemsProperty || typeOf(root, s) !== 'object') continue
    const fields = pagingFields(propertiesOf(root, s).keys())
    if (fields.total !== undefined) return { ...envelope, pagination: { property: name, schema: s, fields } }
  }
  const beside = pagingFields([...properties.keys()].filter((name) => name !== itemsProperty))
  // An envelope with an array and nothing that says how many there are is still a list, just unpaged.
  return beside.total === undefined ? envelope : { ...envelope, pagination: { property: '', fields: beside } }
}

/**
 * Whether a detected envelope is a list a client pages through: a bare array always is; an object with an array
 * only when it says how many there are, names its array as lists do (`data`, `items`...), or takes paging
 * parameters. `{ name, features: [...] }` is a resource with a list in it, not a list.
 */
export function isList(envelope: Envelope, paging: PagingParameters): boolean {
  if (envelope.itemsProperty === '' || envelope.pagination !== undefined) return true
  return ITEM_PROPERTIES.includes(envelope.itemsProperty.toLowerCase()) || paging.offset !== undefined || paging.limit !== undefined
}

export interface PagingParameters {
  offset?: Parameter
  limit?: Parameter
}

export function pagingParameters(parameters: readonly Parameter[]): PagingParameters {
  const query = parameters.filter((p) => p.in === 'query')
  const offset = query.find((p) => OFFSET_PARAMS.includes(p.name.toLowerCase()))
  const limit = query.find((p) => LIMIT_PARAMS.includes(p.name.toLowerCase()))
  return { ...(offset === undefined ? {} : { offset }), ...(limit === undefined ? {} : { limit }) }
}

/** How many items a list holds: from the seed and the operation, 5 to 20 (so paging has pages to turn) within the array's own bounds. */
export function collectionSize(seed: string, key: string, bounds: { minItems?: unknown; maxItems?: unknown } = {}): number {
  const size = 5 + (createHash('sha256').update(`${seed}\u0000${key}`).digest().readUInt32BE(0) % 16)
  const min = typeof bounds.minItems === 'number' ? bounds.minItems : 0
  const max = typeof bounds.maxItems === 'number' ? bounds.maxItems : Infinity
  return Math.max(min, Math.min(max, size))
}

/** The property that identifies an item: the path parameter's own name, else `id`, else `uid`. */
export function idPropertyOf(root: unknown, itemSchema: unknown, parameterName?: string): string | undefined {
  const properties = [...propertiesOf(root, itemSchema).keys()]
  const lower = (name: string) => properties.find((p) => p.toLowerCase() === name.toLowerCase())
  return (parameterName === undefined ? undefined : lower(parameterName)) ?? lower('id') ?? lower('uid')
}
