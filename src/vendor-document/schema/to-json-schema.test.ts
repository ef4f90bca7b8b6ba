import { describe, expect, it } from 'vitest'
import { toJsonSchema } from './to-json-schema.js'

describe('toJsonSchema', () => {
  it('turns 3.0 nullable into a type array and admits null in an enum', () => {
    expect(toJsonSchema({ type: 'string', nullable: true, enum: ['a'] }, { dialect: '3.0' })).toEqual({ type: ['string', 'null'], enum: ['a', null] })
  })

  it('wraps a nullable $ref or allOf in anyOf with null', () => {
    expect(toJsonSchema({ $ref: '#/components/schemas/A', nullable: true }, { dialect: '3.0' })).toEqual({ anyOf: [{ type: 'null' }, { $ref: '#/components/schemas/A' }] })
    expect(toJsonSchema({ nullable: true, allOf: [{ type: 'object' }] }, { dialect: '3.0' })).toEqual({ anyOf: [{ type: 'null' }, { allOf: [{ type: 'object' }] }] })
  })

  it('turns 3.0 boolean exclusive bounds into 2020-12 numeric ones', () => {
    expect(toJsonSchema({ type: 'integer', minimum: 1, exclusiveMinimum: true, maximum: 9, exclusiveMaximum: false }, { dialect: '3.0' })).toEqual({ type: 'integer', exclusiveMinimum: 1, maximum: 9 })
  })

  it('drops OpenAPI-only keywords (example, xml, x-*, discriminator) and ignores a 3.0 $ref\'s siblings', () => {
    expect(toJsonSchema({ type: 'string', example: 'x', xml: { name: 'a' }, 'x-veeam': 1 }, { dialect: '3.0' })).toEqual({ type: 'string' })
    expect(toJsonSchema({ $ref: '#/a', description: 'd', type: 'string' }, { dialect: '3.0' })).toEqual({ $ref: '#/a' })
    expect(toJsonSchema({ $ref: '#/a', description: 'd' }, { dialect: '3.1' })).toEqual({ $ref: '#/a', description: 'd' })
  })

  it('passes 3.1 type arrays and numeric exclusive bounds through', () => {
    const schema = { type: ['integer', 'null'], exclusiveMinimum: 0, examples: [1] }
    expect(toJsonSchema(schema, { dialect: '3.1' })).toEqual(schema)
  })

  it('drops readOnly properties from required in a request and writeOnly ones in a response, also behind $refs', () => {
    const root = { components: { schemas: { Secret: { type: 'string', writeOnly: true } } } }
    const schema = {
      type: 'object',
      required: ['id', 'password', 'name'],
      properties: { id: { type: 'string', readOnly: true }, password: { $ref: '#/components/schemas/Secret' }, name: { type: 'string' } },
    }
    expect(toJsonSchema(schema, { dialect: '3.0', root, direction: 'request' })).toMatchObject({ required: ['password', 'name'] })
    expect(toJsonSchema(schema, { dialect: '3.0', root, direction: 'response' })).toMatchObject({ required: ['id', 'name'] })
  })

  it('pins each discriminated branch to its mapping value (anyOf), and points allOf at a polymorphic base\'s base form', () => {
    const root = {
      components: {
        schemas: {
          Pet: { type: 'object', properties: { kind: { type: 'string' } }, discriminator: { propertyName: 'kind', mapping: { kitty: '#/components/schemas/Cat' } }, oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }] },
          Cat: { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object' }] },
        },
      },
    }
    const refs: [string, boolean][] = []
    const ref = (r: string, base: boolean) => (refs.push([r, base]), base ? `base:${r}` : r)
    const pet = toJsonSchema(root.components.schemas.Pet, { dialect: '3.0', root, ref }) as Record<string, unknown>
    expect(pet.oneOf).toBeUndefined()
    expect(pet.anyOf).toEqual([
      { allOf: [{ $ref: '#/components/schemas/Cat' }, { properties: { kind: { enum: ['kitty'] } }, required: ['kind'] }] },
      { allOf: [{ $ref: '#/components/schemas/Dog' }, { properties: { kind: { enum: ['Dog'] } }, required: ['kind'] }] },
    ])
    expect(toJsonSchema(root.components.schemas.Cat, { dialect: '3.0', root, ref })).toEqual({ allOf: [{ $ref: 'base:#/components/schemas/Pet' }, { type: 'object' }] })
    expect(refs).toContainEqual(['#/components/schemas/Pet', true])
  })

  it('reports every format it meets and never mutates its input', () => {
    const schema = { type: 'object', properties: { a: { type: 'string', format: 'uuid' }, b: { type: 'array', items: { type: 'string', format: 'x-custom' } } } }
    const before = JSON.stringify(schema)
    const formats: string[] = []
    toJsonSchema(schema, { dialect: '3.0', onFormat: (f) => formats.push(f) })
    expect(formats.sort()).toEqual(['uuid', 'x-custom'])
    expect(JSON.stringify(schema)).toBe(before)
  })
})
