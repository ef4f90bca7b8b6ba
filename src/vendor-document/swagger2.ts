/**
 * @module Swagger 2.0 to OpenAPI 3.0: the parts a mock needs (paths, parameters, bodies, responses, examples,
 * definitions, base path, security). Our own, small and synchronous: swagger2openapi brings eleven
 * dependencies (node-fetch, yargs, a validator) for features a mock does not use.
 */

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)

const REF_MOVES: [string, string][] = [
  ['#/definitions/', '#/components/schemas/'],
  ['#/parameters/', '#/components/parameters/'],
  ['#/responses/', '#/components/responses/'],
]

/** A deep copy with every `$ref` moved to where OpenAPI 3.0 keeps the same thing. */
function moveRefs(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(moveRefs)
  if (!isObject(value)) return value
  const out: Json = {}
  for (const [key, child] of Object.entries(value)) {
    if (key === '$ref' && typeof child === 'string') {
      const move = REF_MOVES.find(([from]) => child.startsWith(from))
      out[key] = move === undefined ? child : move[1] + child.slice(move[0].length)
    } else out[key] = moveRefs(child)
  }
  return out
}

/** Swagger's `x-nullable` became `nullable`; `type: file` a binary string. */
function schemaOf(schema: unknown): unknown {
  if (Array.isArray(schema)) return schema.map(schemaOf)
  if (!isObject(schema)) return schema
  const out: Json = {}
  for (const [key, child] of Object.entries(schema)) {
    if (key === 'x-nullable') out.nullable = child
    else if (key === 'type' && child === 'file') Object.assign(out, { type: 'string', format: 'binary' })
    else out[key] = typeof child === 'object' ? schemaOf(child) : child
  }
  return out
}

const SCHEMA_KEYS = ['type', 'format', 'items', 'enum', 'default', 'minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'minLength', 'maxLength', 'pattern', 'minItems', 'maxItems', 'uniqueItems', 'multipleOf']

/** A non-body parameter: its type keys move into `schema`; `collectionFormat` becomes style/explode. */
function parameterOf(parameter: Json): Json {
  if (typeof parameter.$ref === 'string') return parameter
  const schema: Json = {}
  const out: Json = {}
  for (const [key, value] of Object.entries(parameter)) {
    if (SCHEMA_KEYS.includes(key)) schema[key] = schemaOf(value)
    else if (key !== 'collectionFormat' && key !== 'allowEmptyValue') out[key] = value
  }
  out.schema = schema
  const format = parameter.collectionFormat
  if (format === 'multi') Object.assign(out, { style: 'form', explode: true })
  else if (schema.type === 'array' && parameter.in === 'query') Object.assign(out, { style: format === 'ssv' ? 'spaceDelimited' : format === 'pipes' ? 'pipeDelimited' : 'form', explode: false })
  return out
}

function requestBodyOf(parameters: Json[], consumes: string[]): Json | undefined {
  const body = parameters.find((p) => p.in === 'body')
  const form = parameters.filter((p) => p.in === 'formData')
  if (body !== undefined) {
    const content = Object.fromEntries(consumes.map((type) => [type, { schema: schemaOf(body.schema) }]))
    return { ...(body.description === undefined ? {} : { description: body.description }), required: body.required === true, content }
  }
  if (form.length === 0) return undefined
  const properties = Object.fromEntries(form.map((p) => [p.name as string, (parameterOf(p).schema as Json)]))
  const required = form.filter((p) => p.required === true).map((p) => p.name as string)
  const type = form.some((p) => p.type === 'file') ? 'multipart/form-data' : consumes.find((c) => c.includes('form')) ?? 'application/x-www-form-urlencoded'
  return { content: { [type]: { schema: { type: 'object', properties, ...(required.length > 0 && { required }) } } } }
}

function responseOf(response: Json, produces: string[]): Json {
  if (typeof response.$ref === 'string') return response
  const out: Json = { description: response.description ?? '' }
  if (isObject(response.headers)) {
    out.headers = Object.fromEntries(Object.entries(response.headers).map(([name, h]) => {
      const { description, ...schema } = h as Json
      return [name, { ...(description === undefined ? {} : { description }), schema: schemaOf(schema) }]
    }))
  }
  const examples = isObject(response.examples) ? response.examples : {}
  if (response.schema !== undefined || Object.keys(examples).length > 0) {
    const types = [...new Set([...produces, ...Object.keys(examples)])]
    out.content = Object.fromEntries(types.map((type) => [type, {
      ...(response.schema === undefined ? {} : { schema: schemaOf(response.schema) }),
      ...(type in examples ? { example: examples[type] } : {}),
    }]))
  }
  return out
}

/** Where a shared parameter's $ref points once moved (the body and formData ones are inlined instead). */
const PARAMETER_REF = '#/components/parameters/'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch']

function operationOf(operation: Json, shared: Json[], document: Json): Json {
  const { parameters: own, responses, consumes, produces, schemes: _schemes, ...rest } = operation
  const byKey = new Map<string, Json>()
  for (const p of [...shared, ...((own as Json[] | undefined) ?? [])]) byKey.set(typeof p.$ref === 'string' ? p.$ref : `${p.in} ${p.name}`, p)
  const parameters = [...byKey.values()]
  // A $ref to a body or formData parameter is inlined: OpenAPI 3.0 has no such parameters.
  const sharedParameters = isObject(document.parameters) ? document.parameters : {}
  const resolved = parameters.map((p) => {
    const name = typeof p.$ref === 'string' && p.$ref.startsWith(PARAMETER_REF) ? p.$ref.slice(PARAMETER_REF.length) : undefined
    return name !== undefined && isObject(sharedParameters[name]) ? (moveRefs(sharedParameters[name]) as Json) : p
  })
  const consumed = (consumes as string[] | undefined) ?? (document.consumes as string[] | undefined) ?? ['application/json']
  const produced = (produces as string[] | undefined) ?? (document.produces as string[] | undefined) ?? ['application/json']
  const out: Json = { ...rest }
  const plain = parameters.filter((p, i) => resolved[i]!.in !== 'body' && resolved[i]!.in !== 'formData').map(parameterOf)
  if (plain.length > 0) out.parameters = plain
  const body = requestBodyOf(resolved, consumed)
  if (body !== undefined) out.requestBody = body
  out.responses = Object.fromEntries(Object.entries(isObject(responses) ? responses : {}).map(([status, r]) => [status, isObject(r) ? responseOf(r, produced) : r]))
  return out
}

function securitySchemeOf(scheme: Json): Json {
  if (scheme.type === 'basic') return { type: 'http', scheme: 'basic', ...(scheme.description === undefined ? {} : { description: scheme.description }) }
  if (scheme.type === 'apiKey') return scheme
  const flow = scheme.flow === 'application' ? 'clientCredentials' : scheme.flow === 'accessCode' ? 'authorizationCode' : (scheme.flow as string)
  const { authorizationUrl, tokenUrl, scopes } = scheme
  return { type: 'oauth2', flows: { [flow]: { ...(authorizationUrl === undefined ? {} : { authorizationUrl }), ...(tokenUrl === undefined ? {} : { tokenUrl }), scopes: scopes ?? {} } } }
}

export const isSwagger2 = (document: unknown): boolean => isObject(document) && document.swagger === '2.0'

/** The OpenAPI 3.0 form of a Swagger 2.0 document (the input is not changed). */
export function swagger2ToOpenApi30(input: Json): Json {
  const document = moveRefs(input) as Json
  const paths: Json = {}
  for (const [path, item] of Object.entries(isObject(document.paths) ? document.paths : {})) {
    if (!isObject(item)) continue
    const shared = (item.parameters as Json[] | undefined) ?? []
    const out: Json = {}
    for (const [key, value] of Object.entries(item)) {
      if (METHODS.includes(key) && isObject(value)) out[key] = operationOf(value, shared, input)
      else if (key !== 'parameters') out[key] = value
    }
    paths[path] = out
  }
  const components: Json = {}
  if (isObject(document.definitions)) components.schemas = schemaOf(document.definitions)
  if (isObject(document.parameters)) {
    const plain = Object.entries(document.parameters).filter(([, p]) => isObject(p) && p.in !== 'body' && p.in !== 'formData')
    if (plain.length > 0) components.parameters = Object.fromEntries(plain.map(([name, p]) => [name, parameterOf(p as Json)]))
  }
  const produces = (document.produces as string[] | undefined) ?? ['application/json']
  if (isObject(document.responses)) components.responses = Object.fromEntries(Object.entries(document.responses).map(([n, r]) => [n, responseOf(r as Json, produces)]))
  if (isObject(document.securityDefinitions)) components.securitySchemes = Object.fromEntries(Object.entries(document.securityDefinitions).map(([n, s]) => [n, securitySchemeOf(s as Json)]))
  const basePath = typeof document.basePath === 'string' ? document.basePath : ''
  const servers = [{ url: basePath === '' ? '/' : basePath }]
  const { swagger: _s, host: _h, basePath: _b, schemes: _sc, consumes: _c, produces: _p, definitions: _d, parameters: _pa, responses: _r, securityDefinitions: _sd, ...rest } = document
  return { openapi: '3.0.3', ...rest, servers, paths, components }
}
