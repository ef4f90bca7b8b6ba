import { describe, expect, it } from 'vitest'
import { UnsupportedSchema } from './unsupported-schema.js'
import { SchemaValidators } from './validators.js'

const root = {
  components: {
    schemas: {
      Tree: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Tree' } } } },
      Job: {
        type: 'object',
        required: ['id', 'type'],
        properties: { id: { type: 'string', format: 'uuid', readOnly: true }, type: { type: 'string', enum: ['Backup', 'Replica'] } },
        discriminator: { propertyName: 'type', mapping: { Backup: '#/components/schemas/BackupJob', Replica: '#/components/schemas/ReplicaJob' } },
        oneOf: [{ $ref: '#/components/schemas/BackupJob' }, { $ref: '#/components/schemas/ReplicaJob' }],
      },
      BackupJob: { allOf: [{ $ref: '#/components/schemas/Job' }, { type: 'object', required: ['repository'], properties: { repository: { type: 'string' } } }] },
      ReplicaJob: { allOf: [{ $ref: '#/components/schemas/Job' }, { type: 'object', properties: { target: { type: 'string' } } }] },
      Login: { type: 'object', required: ['user', 'password'], properties: { user: { type: 'string' }, password: { type: 'string', format: 'password', writeOnly: true } } },
      Broken: { type: 'object', properties: { a: { $ref: '#/components/schemas/Missing' } } },
    },
  },
}
const s = root.components.schemas
const uuid = '3f2a1c4e-9b8d-4e7f-a6b5-c4d3e2f1a0b9'

describe('SchemaValidators', () => {
  it('accepts a valid value and names the failing pointer for an invalid one', () => {
    const v = new SchemaValidators(root, '3.0')
    expect(v.validate(s.Tree, { name: 'a', children: [{ name: 'b', children: [{ name: 'c' }] }] }, 'response')).toEqual([])
    const issues = v.validate(s.Tree, { name: 'a', children: [{ name: 'b', children: [{ name: 3 }] }] }, 'response')
    expect(issues).toEqual([{ pointer: '/children/0/children/0/name', message: 'must be string' }])
  })

  it('validates discriminated subtypes that inherit their base through allOf, without recursing forever', () => {
    const v = new SchemaValidators(root, '3.0')
    expect(v.validate(s.Job, { id: uuid, type: 'Backup', repository: 'Main' }, 'response')).toEqual([])
    expect(v.validate(s.Job, { id: uuid, type: 'Replica' }, 'response')).toEqual([])
    // A Backup job without its required repository: the discriminator picks BackupJob, which fails.
    expect(v.validate(s.Job, { id: uuid, type: 'Backup' }, 'response')).not.toEqual([])
    expect(v.validate(s.BackupJob, { id: uuid, type: 'Backup', repository: 'Main' }, 'response')).toEqual([])
    expect(v.validate(s.Job, { id: uuid, type: 'Other', repository: 'Main' }, 'response')).not.toEqual([])
  })

  it('does not require readOnly properties in a request or writeOnly ones in a response', () => {
    const v = new SchemaValidators(root, '3.0')
    expect(v.validate(s.ReplicaJob, { type: 'Replica' }, 'request')).toEqual([])
    expect(v.validate(s.ReplicaJob, { type: 'Replica' }, 'response')).not.toEqual([])
    expect(v.validate(s.Login, { user: 'u' }, 'response')).toEqual([])
    expect(v.validate(s.Login, { user: 'u' }, 'request')).not.toEqual([])
  })

  it('checks OpenAPI formats (int32 range, uuid, date-time) and accepts unknown formats', () => {
    const v = new SchemaValidators(root, '3.0')
    expect(v.validate({ type: 'integer', format: 'int32' }, 2 ** 31, 'response')).not.toEqual([])
    expect(v.validate({ type: 'integer', format: 'int32' }, 2 ** 31 - 1, 'response')).toEqual([])
    expect(v.validate({ type: 'string', format: 'uuid' }, 'nope', 'response')).not.toEqual([])
    expect(v.validate({ type: 'string', format: 'date-time' }, '2026-01-01T00:00:00Z', 'response')).toEqual([])
    expect(v.validate({ type: 'string', format: 'veeam-thing' }, 'anything', 'response')).toEqual([])
    expect(v.validate({ type: 'string', format: 'binary' }, 'anything', 'response')).toEqual([])
  })

  it('honours 3.0 nullable and 3.1 type arrays', () => {
    expect(new SchemaValidators(root, '3.0').validate({ type: 'string', nullable: true }, null, 'response')).toEqual([])
    expect(new SchemaValidators(root, '3.0').validate({ type: 'string' }, null, 'response')).not.toEqual([])
    expect(new SchemaValidators(root, '3.1').validate({ type: ['string', 'null'] }, null, 'response')).toEqual([])
  })

  it('compiles lazily: a broken schema elsewhere in the document only fails when used, with its pointer', () => {
    const v = new SchemaValidators(root, '3.0')
    expect(v.validate(s.Tree, { name: 'a' }, 'response')).toEqual([])
    expect(() => v.validate(s.Broken, {}, 'response')).toThrow(UnsupportedSchema)
    try {
      v.validate(s.Broken, {}, 'response')
    } catch (error) {
      expect((error as UnsupportedSchema).pointer).toBe('#/components/schemas/Missing')
    }
  })

  it('never throws for a value, whatever its shape', () => {
    const v = new SchemaValidators(root, '3.0')
    for (const value of [undefined, null, 0, '', [], {}, [[[]]], { children: 'x' }]) expect(Array.isArray(v.validate(s.Tree, value, 'response'))).toBe(true)
  })

  it('treats boolean schemas as JSON Schema does', () => {
    const v = new SchemaValidators(root, '3.1')
    expect(v.validate(true, 1, 'response')).toEqual([])
    expect(v.validate(false, 1, 'response')).toHaveLength(1)
  })
})
