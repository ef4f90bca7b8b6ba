import { afterEach, describe, expect, it, vi } from 'vitest'
import type { Dialect } from '../schema/dialect.js'
import { SchemaValidators } from '../schema/validators.js'
import { generate, UnsupportedSchema, type GenerateContext } from './generate.js'

const root = {
  components: {
    schemas: {
      A: { $ref: '#/components/schemas/B' },
      B: { $ref: '#/components/schemas/C' },
      C: { type: 'object', required: ['id'], properties: { id: { type: 'string', format: 'uuid' } } },
      Folder: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, parent: { $ref: '#/components/schemas/Folder' }, children: { type: 'array', items: { $ref: '#/components/schemas/Folder' } } } },
      Self: { $ref: '#/components/schemas/Self' },
      Loop: { type: 'object', required: ['next'], properties: { next: { $ref: '#/components/schemas/Loop' } } },
      JobModel: {
        type: 'object',
        required: ['id', 'name', 'type'],
        properties: { id: { type: 'string', format: 'uuid' }, name: { type: 'string' }, description: { type: 'string' }, type: { $ref: '#/components/schemas/EJobType' } },
        discriminator: { propertyName: 'type', mapping: { Backup: '#/components/schemas/BackupJobModel', Replica: '#/components/schemas/ReplicaJobModel' } },
        oneOf: [{ $ref: '#/components/schemas/BackupJobModel' }, { $ref: '#/components/schemas/ReplicaJobModel' }],
      },
      EJobType: { type: 'string', enum: ['Backup', 'Replica', 'Copy'] },
      BackupJobModel: { allOf: [{ $ref: '#/components/schemas/JobModel' }, { type: 'object', required: ['repositoryId'], properties: { repositoryId: { type: 'string', format: 'uuid' } } }] },
      ReplicaJobModel: { allOf: [{ $ref: '#/components/schemas/JobModel' }, { type: 'object', required: ['hostName'], properties: { hostName: { type: 'string' } } }] },
      Animal: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } }, discriminator: { propertyName: 'kind' } },
      Cat: { allOf: [{ $ref: '#/components/schemas/Animal' }, { type: 'object', properties: { lives: { type: 'integer', minimum: 1, maximum: 9 } } }] },
    },
  },
}
const s = root.components.schemas
const ctx = (key = 'k', more: Partial<GenerateContext> = {}): GenerateContext => ({ root, dialect: '3.0', seed: 'test', key, ...more })
const validators = { '3.0': new SchemaValidators(root, '3.0'), '3.1': new SchemaValidators(root, '3.1') }
const keys = (n: number) => Array.from({ length: n }, (_, i) => `key-${i}`)

/** Generates under many keys and checks every value validates; answers the values. */
function many(schema: unknown, n = 60, dialect: Dialect = '3.0', more: Partial<GenerateContext> = {}): unknown[] {
  return keys(n).map((key) => {
    const value = generate(schema, ctx(key, { dialect, ...more }))
    expect(validators[dialect].validate(schema, value, more.direction ?? 'response')).toEqual([])
    return value
  })
}

afterEach(() => vi.useRealTimers())

describe('generate: determinism', () => {
  it('gives deep-equal values for the same seed and key, and different ones for another seed or key', () => {
    expect(generate(s.JobModel, ctx('a'))).toEqual(generate(s.JobModel, ctx('a')))
    expect(JSON.stringify(generate(s.JobModel, ctx('a')))).toBe(JSON.stringify(generate(s.JobModel, ctx('a'))))
    expect(generate(s.JobModel, ctx('a'))).not.toEqual(generate(s.JobModel, ctx('b')))
    expect(generate(s.JobModel, ctx('a'))).not.toEqual(generate(s.JobModel, ctx('a', { seed: 'other' })))
  })

  it('does not depend on today: dates come from a fixed reference', () => {
    const schema = { type: 'object', required: ['at'], properties: { at: { type: 'string', format: 'date-time' } } }
    vi.useFakeTimers()
    vi.setSystemTime(new Date('2020-05-05T00:00:00Z'))
    const before = generate(schema, ctx())
    vi.setSystemTime(new Date('2031-09-09T00:00:00Z'))
    expect(generate(schema, ctx())).toEqual(before)
    for (const value of many(schema, 50) as { at: string }[]) {
      const t = Date.parse(value.at)
      expect(Math.abs(t - Date.UTC(2026, 0, 1))).toBeLessThanOrEqual(366 * 24 * 3600 * 1000)
    }
  })
})

describe('generate: $ref, allOf, oneOf, discriminators', () => {
  it('follows $ref chains', () => {
    for (const v of many(s.A, 10) as { id: string }[]) expect(v.id).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('ends recursion by leaving optional parts out at a depth limit', () => {
    const values = many(s.Folder, 30) as unknown[]
    const depth = (v: any): number => Math.max(0, ...[v.parent, ...(v.children ?? [])].filter(Boolean).map((c) => 1 + depth(c)))
    expect(Math.max(...values.map(depth))).toBeGreaterThan(0)
    for (const v of values) expect(depth(v)).toBeLessThan(12)
  })

  it('throws UnsupportedSchema for a cycle of required properties and for a $ref chain that never ends', () => {
    expect(() => generate(s.Loop, ctx())).toThrow(UnsupportedSchema)
    expect(() => generate(s.Self, ctx())).toThrow(UnsupportedSchema)
    expect(() => generate({ type: 'array', minItems: 1, items: { $ref: '#/components/schemas/Self' } }, ctx())).toThrow(UnsupportedSchema)
    expect(() => validators['3.0'].validate({ type: 'array', items: { $ref: '#/components/schemas/Self' } }, [1], 'response')).toThrow(UnsupportedSchema)
  })

  it('merges allOf: properties and required of every member', () => {
    const schema = { allOf: [{ type: 'object', required: ['a'], properties: { a: { type: 'integer', minimum: 5 } } }, { type: 'object', required: ['b'], properties: { a: { type: 'integer', maximum: 6 }, b: { type: 'boolean' } } }] }
    for (const v of many(schema, 30) as { a: number; b: boolean }[]) {
      expect([5, 6]).toContain(v.a)
      expect(typeof v.b).toBe('boolean')
    }
  })

  it('sets the discriminator to the mapping value of the oneOf branch it picked, and picks every branch over keys', () => {
    const values = many(s.JobModel, 40) as Record<string, unknown>[]
    for (const v of values) {
      if (v.type === 'Backup') expect(v).toHaveProperty('repositoryId')
      else expect(v).toMatchObject({ type: 'Replica', hostName: expect.any(String) })
    }
    expect(new Set(values.map((v) => v.type))).toEqual(new Set(['Backup', 'Replica']))
  })

  it('sets the discriminator of a base inherited through allOf to the subtype\'s value (mapped or by name)', () => {
    for (const v of many(s.ReplicaJobModel, 10)) expect(v).toMatchObject({ type: 'Replica' })
    for (const v of many(s.Cat, 10)) expect(v).toMatchObject({ kind: 'Cat' })
  })

  it('picks oneOf branches without discriminator so that exactly one matches', () => {
    const schema = { oneOf: [{ type: 'object', properties: { a: { type: 'string' } } }, { type: 'object', required: ['b'], properties: { b: { type: 'integer' } } }] }
    many(schema, 40)
  })
})

describe('generate: scalars', () => {
  it('honours enum and const', () => {
    expect(new Set(many({ type: 'string', enum: ['x', 'y', 'z'] }, 60))).toEqual(new Set(['x', 'y', 'z']))
    expect(new Set(many({ const: 42 }, 5))).toEqual(new Set([42]))
  })

  it.each(['uuid', 'date-time', 'date', 'time', 'email', 'hostname', 'ipv4', 'ipv6', 'uri', 'url', 'byte', 'binary', 'password', 'duration'])('produces valid %s strings', (format) => {
    const values = many({ type: 'string', format }, 30) as string[]
    expect(new Set(values).size).toBeGreaterThan(1)
  })

  it('keeps int32 and int64 integers in range', () => {
    many({ type: 'integer', format: 'int32' }, 30)
    many({ type: 'integer', format: 'int64', minimum: 9007199254740000 }, 30)
  })

  it('honours minimum/maximum, exclusive bounds (3.0 and 3.1) and multipleOf', () => {
    for (const v of many({ type: 'integer', minimum: 10, maximum: 12, exclusiveMinimum: true }, 30)) expect([11, 12]).toContain(v)
    for (const v of many({ type: 'integer', exclusiveMinimum: 10, exclusiveMaximum: 13 }, 30, '3.1')) expect([11, 12]).toContain(v)
    for (const v of many({ type: 'number', minimum: 0.1, maximum: 2, multipleOf: 0.25 }, 30) as number[]) expect((v * 4) % 1).toBe(0)
    for (const v of many({ type: 'integer', minimum: -50, maximum: 50, multipleOf: 7 }, 30) as number[]) expect(v % 7).toBe(0)
    many({ type: 'number', minimum: 0, maximum: 3, multipleOf: 0.1 }, 30)
    for (const v of many({ type: 'number', exclusiveMinimum: true, minimum: 1000 }, 30) as number[]) expect(v).toBeGreaterThan(1000)
    expect(() => generate({ type: 'integer', minimum: 1, maximum: 2, multipleOf: 5 }, ctx())).toThrow(UnsupportedSchema)
  })

  it('honours minLength and maxLength', () => {
    for (const v of many({ type: 'string', minLength: 40, maxLength: 45 }, 20) as string[]) expect(v.length).toBeGreaterThanOrEqual(40)
    for (const v of many({ type: 'object', required: ['description'], properties: { description: { type: 'string', maxLength: 8 } } }, 20) as { description: string }[]) expect(v.description.length).toBeLessThanOrEqual(8)
  })

  it.each(['^\\d{3}-[A-Z]{2}$', '^(srv|app)-\\d{2}\\.corp\\.local$', '^[A-Fa-f0-9]{8}(-[0-9]+)?$', '^[^@\\s]+@[a-z]+\\.com$', '^\\d+\\.\\d+-rev\\d+$', '[a-z]{5}'])('produces strings matching the pattern %s', (pattern) => {
    for (const v of many({ type: 'string', pattern }, 20) as string[]) expect(v).toMatch(new RegExp(pattern))
  })

  it('combines a pattern with length bounds, and refuses an impossible pattern with UnsupportedSchema', () => {
    for (const v of many({ type: 'string', pattern: '^[a-z]+$', minLength: 12, maxLength: 14 }, 20) as string[]) expect(v).toMatch(/^[a-z]{12,14}$/)
    expect(() => generate({ type: 'string', pattern: '^a$', minLength: 3 }, ctx())).toThrow(UnsupportedSchema)
    expect(() => generate({ type: 'string', pattern: '^(a)\\1$' }, ctx())).toThrow(UnsupportedSchema)
    expect(() => generate({ type: 'string', pattern: '^[a-' }, ctx())).toThrow(UnsupportedSchema)
    expect(() => generate({ type: 'string', pattern: '(?<=a)b' }, ctx())).toThrow(UnsupportedSchema)
  })
})

describe('generate: arrays and objects', () => {
  it('honours minItems, maxItems and uniqueItems', () => {
    for (const v of many({ type: 'array', minItems: 2, maxItems: 4, items: { type: 'integer' } }, 30) as unknown[][]) expect(v.length).toBeGreaterThanOrEqual(2)
    for (const v of many({ type: 'array', minItems: 3, uniqueItems: true, items: { type: 'string', enum: ['a', 'b', 'c'] } }, 20) as string[][]) expect([...v].sort()).toEqual(['a', 'b', 'c'])
    expect(() => generate({ type: 'array', minItems: 3, uniqueItems: true, items: { type: 'boolean' } }, ctx())).toThrow(UnsupportedSchema)
  })

  it('always includes required properties and sometimes leaves optional ones out', () => {
    const schema = { type: 'object', required: ['a'], properties: { a: { type: 'string' }, b: { type: 'string' } } }
    const values = many(schema, 60) as Record<string, unknown>[]
    expect(values.every((v) => 'a' in v)).toBe(true)
    expect(values.some((v) => 'b' in v)).toBe(true)
    expect(values.some((v) => !('b' in v))).toBe(true)
  })

  it('produces null for 3.0 nullable and 3.1 type arrays with null, but not always', () => {
    const v30 = many({ type: 'string', nullable: true }, 100)
    const v31 = many({ type: ['integer', 'null'] }, 100, '3.1')
    for (const values of [v30, v31]) {
      expect(values).toContain(null)
      expect(values.some((v) => v !== null)).toBe(true)
    }
  })

  it('omits writeOnly properties in responses and readOnly ones in requests', () => {
    const schema = { type: 'object', required: ['id', 'password'], properties: { id: { type: 'string', readOnly: true }, password: { type: 'string', writeOnly: true } } }
    for (const v of many(schema, 10)) expect(Object.keys(v as object)).toEqual(['id'])
    for (const v of many(schema, 10, '3.0', { direction: 'request' })) expect(Object.keys(v as object)).toEqual(['password'])
  })

  it('fills maps from additionalProperties and respects additionalProperties: false', () => {
    for (const v of many({ type: 'object', additionalProperties: { type: 'integer' } }, 20) as object[]) expect(Object.keys(v).length).toBeGreaterThan(0)
    const closed = { type: 'object', additionalProperties: false, minProperties: 1, properties: { a: { type: 'string' } } }
    for (const v of many(closed, 20)) expect(Object.keys(v as object)).toEqual(['a'])
  })

  it('prefers the schema\'s example or examples when they validate, and ignores them when they do not', () => {
    expect(new Set(many({ type: 'string', example: 'Weekly Copy' }, 10))).toEqual(new Set(['Weekly Copy']))
    expect(new Set(many({ type: 'integer', examples: [7] }, 10, '3.1'))).toEqual(new Set([7]))
    expect(many({ type: 'string', format: 'time', example: '10:00' }, 10)).not.toContain('10:00')
  })

  it('forces top-level overrides, e.g. the id from a path parameter', () => {
    for (const v of many(s.JobModel, 10, '3.0', { overrides: { id: '11111111-2222-4333-8444-555555555555' } })) expect(v).toMatchObject({ id: '11111111-2222-4333-8444-555555555555' })
  })
})

describe('generate: realistic values', () => {
  it('names jobs like backup jobs, hosts like hosts, and describes with a sentence (no lorem ipsum)', () => {
    const schema = { type: 'object', required: ['name', 'hostName', 'description', 'id', 'ipAddress', 'port'], properties: { name: { type: 'string' }, hostName: { type: 'string' }, description: { type: 'string' }, id: { type: 'string' }, ipAddress: { type: 'string' }, port: { type: 'integer' } } }
    const job = { $ref: '#/components/schemas/JobModel' }
    for (const v of many(schema, 30) as Record<string, any>[]) {
      expect(v.name).toMatch(/(Backup|Replica|Copy|Offload|Archive|Snapshot|Daily|Nightly|Weekly|Hourly|Monthly|Weekend|\d\d)$/)
      expect(v.hostName).toMatch(/^srv-[a-z]+-\d\d\.[a-z]+\.local$/)
      expect(v.description).toMatch(/^[A-Z].+\.$/)
      expect(v.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/)
      expect(v.ipAddress).toMatch(/^\d+\.\d+\.\d+\.\d+$/)
      expect(v.port).toBeGreaterThanOrEqual(1024)
      expect(JSON.stringify(v)).not.toMatch(/lorem|ipsum|dolor/i)
    }
    for (const v of many(job, 10) as Record<string, any>[]) expect(v.name).not.toMatch(/lorem|ipsum/i)
  })
})
