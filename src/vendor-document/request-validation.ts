/** @module A request checked against its operation: path, query and header parameters, and a JSON body; 400 naming the field. */
import { badRequest } from '../oauth/errors.js'
import type { Parameter } from './operations.js'
import { deref } from './pointer.js'
import { typeOf } from './schema-shape.js'
import type { SchemaValidators } from './schema/validators.js'

type Json = Record<string, unknown>

export interface RequestParts {
  params: Record<string, string>
  /** Query values by name, every occurrence. */
  query: Record<string, string[]>
  header(name: string): string | undefined
  cookie(name: string): string | undefined
}

const PLACE_NAMES = { path: 'Path', query: 'Query', header: 'Header', cookie: 'Cookie' }
/** Built only for an error: most requests leave most parameters out. */
const labelOf = (parameter: Parameter) => `${PLACE_NAMES[parameter.in]} parameter "${parameter.name}"`

/** The types a parameter's text is read as: found once per parameter, since finding them resolves `$ref`s. */
interface Types {
  type: string | undefined
  /** For an array. */
  items?: string | undefined
}
const typesByParameter = new WeakMap<Parameter, Types>()

function typesOf(root: unknown, parameter: Parameter): Types {
  let types = typesByParameter.get(parameter)
  if (types === undefined) {
    const type = typeOf(root, parameter.schema)
    types = type === 'array' ? { type, items: typeOf(root, (deref(root, parameter.schema) as Json | undefined)?.items) } : { type }
    typesByParameter.set(parameter, types)
  }
  return types
}

/** A parameter's text as its schema's type: `"10"` as 10 for an integer, `a,b` as a list for an array. */
function coerce(root: unknown, raw: string[], parameter: Parameter): unknown {
  const { type, items } = typesOf(root, parameter)
  if (type === 'array') {
    const explode = parameter.explode ?? (parameter.style ?? 'form') === 'form'
    const separator = parameter.style === 'spaceDelimited' ? ' ' : parameter.style === 'pipeDelimited' ? '|' : ','
    const values = explode && parameter.in === 'query' ? raw : raw.flatMap((value) => value.split(separator))
    return values.map((value) => coerceOne(items, value))
  }
  return coerceOne(type, raw[raw.length - 1]!)
}

function coerceOne(type: string | undefined, value: string): unknown {
  if ((type === 'integer' || type === 'number') && value.trim() !== '' && Number.isFinite(Number(value))) return Number(value)
  if (type === 'boolean' && (value === 'true' || value === 'false')) return value === 'true'
  return value
}

function rawValue(parameter: Parameter, parts: RequestParts): string[] | undefined {
  switch (parameter.in) {
    case 'path': {
      const value = parts.params[parameter.name]
      return value === undefined ? undefined : [value]
    }
    case 'query':
      return parts.query[parameter.name]
    case 'header': {
      const value = parts.header(parameter.name)
      return value === undefined ? undefined : [value]
    }
    case 'cookie': {
      const value = parts.cookie(parameter.name)
      return value === undefined ? undefined : [value]
    }
  }
}

/** Checks every documented parameter; returns the typed values by name (for shaping the answer). Throws 400. */
export function checkParameters(root: unknown, validators: SchemaValidators, parameters: readonly Parameter[], parts: RequestParts): Map<string, unknown> {
  const values = new Map<string, unknown>()
  for (const parameter of parameters) {
    const raw = rawValue(parameter, parts)
    if (raw === undefined || raw.length === 0) {
      if (parameter.required) throw badRequest(`${labelOf(parameter)} is required.`)
      continue
    }
    if (parameter.schema === undefined) {
      values.set(parameter.name, raw[raw.length - 1])
      continue
    }
    const value = coerce(root, raw, parameter)
    const issue = validators.validate(parameter.schema, value, 'request')[0]
    // The value is not repeated: a header or query parameter may carry a secret.
    if (issue !== undefined) throw badRequest(`${labelOf(parameter)}${issue.pointer}: ${issue.message}.`)
    values.set(parameter.name, value)
  }
  return values
}

/** The JSON media types of a request body: `application/json` and `+json` ones. */
export const isJsonType = (type: string) => /^application\/(.+\+)?json\b/i.test(type)

/** Checks a request body against the operation's `requestBody`; throws 400 naming the field. */
export function checkBody(root: unknown, validators: SchemaValidators, requestBody: unknown, contentType: string | undefined, text: string): void {
  const body = deref(root, requestBody) as Json | undefined
  if (body === undefined || body === null || typeof body !== 'object') return
  const content = (body.content ?? {}) as Json
  if (text === '') {
    if (body.required === true) throw badRequest('The request body is required.')
    return
  }
  const type = (contentType ?? '').split(';')[0]!.trim().toLowerCase()
  const documented = Object.keys(content)
  const media = documented.find((t) => t.toLowerCase() === type) ?? (isJsonType(type) ? documented.find(isJsonType) : undefined)
  if (media === undefined) {
    if (documented.length === 0 || documented.includes('*/*')) return
    throw badRequest(`Content-Type "${type || '(none)'}" is not one this operation takes (${documented.join(', ')}).`)
  }
  if (!isJsonType(media)) return
  let value: unknown
  try {
    value = JSON.parse(text)
  } catch {
    throw badRequest('The request body is not valid JSON.')
  }
  const schema = (deref(root, content[media]) as Json | undefined)?.schema
  if (schema === undefined) return
  const issue = validators.validate(schema, value, 'request')[0]
  if (issue !== undefined) throw badRequest(`Request body ${issue.pointer === '' ? '(root)' : issue.pointer}: ${issue.message}.`)
}
