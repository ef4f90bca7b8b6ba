import { describe, expect, it } from 'vitest'
import { collectionSize, detectEnvelope, isList, pagingParameters } from './collections.js'

const root = {
  components: {
    schemas: {
      Page: { type: 'object', properties: { total: { type: 'integer' }, count: { type: 'integer' }, skip: { type: 'integer' }, limit: { type: 'integer' } } },
      Item: { type: 'object', properties: { id: { type: 'string' } } },
    },
  },
}

describe('detectEnvelope (generic, from the schema)', () => {
  it('VBR style: data beside a pagination object reached through $ref', () => {
    const schema = { type: 'object', properties: { data: { type: 'array', items: { $ref: '#/components/schemas/Item' } }, pagination: { $ref: '#/components/schemas/Page' } } }
    expect(detectEnvelope(root, schema)).toEqual({
      itemsProperty: 'data',
      arraySchema: schema.properties.data,
      itemSchema: { $ref: '#/components/schemas/Item' },
      pagination: { property: 'pagination', schema: { $ref: '#/components/schemas/Page' }, fields: { total: 'total', count: 'count', skip: 'skip', limit: 'limit' } },
    })
  })

  it('items with totalCount beside them, inside allOf', () => {
    const schema = { allOf: [{ type: 'object', properties: { totalCount: { type: 'integer' } } }, { type: 'object', properties: { items: { type: 'array', items: {} } } }] }
    expect(detectEnvelope(root, schema)).toMatchObject({ itemsProperty: 'items', pagination: { property: '', fields: { total: 'totalCount' } } })
  })

  it('a bare array is a list; an object without an array is not', () => {
    expect(detectEnvelope(root, { type: 'array', items: { type: 'string' } })).toEqual({ itemsProperty: '', arraySchema: { type: 'array', items: { type: 'string' } }, itemSchema: { type: 'string' } })
    expect(detectEnvelope(root, { $ref: '#/components/schemas/Item' })).toBeUndefined()
  })

  it('finds offset and limit parameters by their usual names', () => {
    const p = (name: string) => ({ name, in: 'query' as const, required: false })
    expect(pagingParameters([p('Offset'), p('limit'), p('filter')])).toEqual({ offset: p('Offset'), limit: p('limit') })
    expect(pagingParameters([{ ...p('skip'), in: 'header' }])).toEqual({})
  })

  it('an object with one array is a list only with paging fields, a list-like name or paging parameters', () => {
    const resource = detectEnvelope(root, { type: 'object', properties: { name: { type: 'string' }, features: { type: 'array', items: {} } } })!
    expect(isList(resource, {})).toBe(false)
    expect(isList(resource, { limit: { name: 'limit', in: 'query', required: false } })).toBe(true)
    expect(isList(detectEnvelope(root, { type: 'object', properties: { items: { type: 'array', items: {} } } })!, {})).toBe(true)
  })

  it('the collection size keeps within the array minItems and maxItems', () => {
    for (let i = 0; i < 20; i++) {
      expect(collectionSize('1', `k${i}`, { maxItems: 3 })).toBeLessThanOrEqual(3)
      expect(collectionSize('1', `k${i}`, { minItems: 30 })).toBe(30)
    }
  })

  it('the collection size is fixed by seed and operation, between 5 and 20', () => {
    const sizes = Array.from({ length: 50 }, (_, i) => collectionSize('1', `GET /x${i}`))
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(5)
    expect(Math.max(...sizes)).toBeLessThanOrEqual(20)
    expect(collectionSize('1', 'GET /x0')).toBe(sizes[0])
    expect(new Set(sizes).size).toBeGreaterThan(5)
  })
})
