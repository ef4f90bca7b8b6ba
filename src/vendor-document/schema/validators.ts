/**
 * @module Validating values against the document's schemas with ajv (2020-12). Each `$ref` target is converted and
 * registered once under its own id, so operations share compiled code; everything is compiled on first use, and
 * ajv itself (a sixth of a second to load on a busy machine) is loaded then too, never at start-up.
 */
import type { Ajv2020, ValidateFunction } from 'ajv/dist/2020.js'
import { createRequire } from 'node:module'
import type { Dialect } from './dialect.js'
import { derefChain, resolveRef } from './json-pointer.js'
import { baseOf, toJsonSchema, type Direction } from './to-json-schema.js'
import { UnsupportedSchema } from './unsupported-schema.js'

export type { Direction } from './to-json-schema.js'

export interface ValidationIssue {
  /** JSON pointer into the validated value ('' = root) */
  pointer: string
  message: string
}

/** ajv and ajv-formats are CommonJS, so a synchronous require on first use loads them. */
function newAjv(): Ajv2020 {
  const require = createRequire(import.meta.url)
  const { Ajv2020: AjvClass } = require('ajv/dist/2020.js') as { Ajv2020: new (options: object) => Ajv2020 }
  const formats = require('ajv-formats') as { default: (ajv: Ajv2020) => Ajv2020 }
  const ajv = new AjvClass({ strict: false, allErrors: false, validateSchema: false, unicodeRegExp: false, logger: false })
  formats.default(ajv)
  for (const name of openApiFormats) if (!ajv.formats[name]) ajv.addFormat(name, true)
  return ajv
}

/** OpenAPI formats ajv-formats may lack in some version; all are annotations here except where ajv-formats checks them. */
const openApiFormats = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password']

export class SchemaValidators {
  #lazyAjv: Ajv2020 | undefined
  readonly #compiled = { request: new WeakMap<object, ValidateFunction>(), response: new WeakMap<object, ValidateFunction>() }
  readonly #registered = new Set<string>()

  constructor(
    private readonly root: object /* the whole (3.x) OpenAPI document */,
    private readonly dialect: Dialect,
  ) {}

  get #ajv(): Ajv2020 {
    return (this.#lazyAjv ??= newAjv())
  }

  /** Compiled lazily on first use, cached per schema object identity; never throws for a value. Throws UnsupportedSchema for a schema ajv cannot compile. */
  validate(schema: unknown, value: unknown, direction: Direction): ValidationIssue[] {
    if (schema === true) return []
    if (schema === false) return [{ pointer: '', message: 'no value is allowed here' }]
    if (schema === null || typeof schema !== 'object') throw new UnsupportedSchema('', 'a schema must be an object')
    const validate = this.#compile(schema, direction)
    if (validate(value)) return []
    return (validate.errors ?? []).map((e) => ({ pointer: e.instancePath, message: describe(e.message, e.params) }))
  }

  #compile(schema: object, direction: Direction): ValidateFunction {
    const cache = this.#compiled[direction]
    const hit = cache.get(schema)
    if (hit) return hit
    const converted = this.#convert(schema, direction)
    let validate: ValidateFunction
    try {
      validate = this.#ajv.compile(typeof converted === 'boolean' ? converted : { ...converted })
    } catch (error) {
      throw error instanceof UnsupportedSchema ? error : new UnsupportedSchema(pointerOf(error), `cannot compile schema: ${(error as Error).message}`)
    }
    cache.set(schema, validate)
    return validate
  }

  #convert(schema: unknown, direction: Direction) {
    return toJsonSchema(schema, {
      dialect: this.dialect,
      root: this.root,
      direction,
      ref: (ref, base) => this.#register(ref, base, direction),
      onFormat: (format) => {
        if (!this.#ajv.formats[format]) this.#ajv.addFormat(format, true) // unknown formats never fail compilation
      },
    })
  }

  /** Registers the `$ref` target (and, through conversion, everything it refers to) and answers its id. */
  #register(ref: string, base: boolean, direction: Direction): string {
    const id = `urn:openapi:${direction}:${base ? 'base' : 'schema'}:${encodeURIComponent(ref)}`
    if (this.#registered.has(id)) return id
    this.#registered.add(id) // before converting: cycles come back here
    try {
      derefChain(this.root, { $ref: ref }) // throws for a chain of bare $refs that never ends (ajv would overflow its stack)
      const target = resolveRef(this.root, ref)
      const converted = this.#convert(base ? baseOf(target) : target, direction)
      this.#ajv.addSchema(typeof converted === 'boolean' ? { allOf: [converted], $id: id } : { ...converted, $id: id })
    } catch (error) {
      this.#registered.delete(id)
      throw error instanceof UnsupportedSchema ? error : new UnsupportedSchema(ref, `cannot compile schema: ${(error as Error).message}`)
    }
    return id
  }
}

function describe(message: string | undefined, params: Record<string, unknown>): string {
  const text = message ?? 'is invalid'
  if (typeof params.additionalProperty === 'string') return `${text}: ${params.additionalProperty}`
  if (Array.isArray(params.allowedValues)) {
    const shown = params.allowedValues.slice(0, 10).map((v) => JSON.stringify(v)).join(', ')
    return `${text}: ${shown}${params.allowedValues.length > 10 ? ', ...' : ''}`
  }
  return text
}

/** ajv names the failing `$ref` in MissingRefError; anything else has no better pointer than the schema itself. */
function pointerOf(error: unknown): string {
  const ref = (error as { missingRef?: unknown }).missingRef
  return typeof ref === 'string' ? ref : ''
}
