/** @module The structure a vendor document must have before anything is mounted from it; the first problem as a JSON pointer. */
import { DocumentError } from './document-error.js'
import { joinPointer } from './pointer.js'
import { isSwagger2, swagger2ToOpenApi30 } from './swagger2.js'
import type { Dialect } from './schema/dialect.js'

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const
const PARAMETER_PLACES = ['path', 'query', 'header', 'cookie']

/** A document ready to mount: OpenAPI 3.x (Swagger 2.0 converted), its dialect, and where it came from. */
export interface CheckedDocument {
  source: string
  root: Json
  dialect: Dialect
  /** The version the vendor wrote, e.g. `2.0` or `3.0.1`. */
  declared: string
}

function checkParameters(source: string, parameters: unknown, at: string): void {
  if (parameters === undefined) return
  if (!Array.isArray(parameters)) throw new DocumentError(source, at, 'parameters must be an array')
  parameters.forEach((parameter, i) => {
    const where = `${at}/${i}`
    if (!isObject(parameter)) throw new DocumentError(source, where, 'a parameter must be an object')
    if (typeof parameter.$ref === 'string') return
    if (typeof parameter.name !== 'string' || parameter.name === '') throw new DocumentError(source, `${where}/name`, 'a parameter needs a name')
    if (!PARAMETER_PLACES.includes(parameter.in as string)) {
      throw new DocumentError(source, `${where}/in`, `"in" must be one of ${PARAMETER_PLACES.join(', ')} (got ${JSON.stringify(parameter.in)})`)
    }
  })
}

function checkPaths(source: string, root: Json, dialect: Dialect): void {
  const paths = root.paths
  if (paths === undefined && dialect === '3.1') return
  if (!isObject(paths)) throw new DocumentError(source, '/paths', 'paths must be an object')
  for (const [path, item] of Object.entries(paths)) {
    const at = joinPointer('paths', path)
    if (!path.startsWith('/')) throw new DocumentError(source, at, 'a path must start with "/"')
    if (!isObject(item)) throw new DocumentError(source, at, 'a path item must be an object')
    checkParameters(source, item.parameters, `${at}/parameters`)
    for (const method of HTTP_METHODS) {
      const operation = item[method]
      if (operation === undefined) continue
      const where = `${at}/${method}`
      if (!isObject(operation)) throw new DocumentError(source, where, 'an operation must be an object')
      checkParameters(source, operation.parameters, `${where}/parameters`)
      if (operation.responses === undefined && dialect === '3.0') throw new DocumentError(source, `${where}/responses`, 'an operation needs responses')
      if (operation.responses !== undefined && !isObject(operation.responses)) throw new DocumentError(source, `${where}/responses`, 'responses must be an object')
      if (operation.security !== undefined && !Array.isArray(operation.security)) throw new DocumentError(source, `${where}/security`, 'security must be an array')
    }
  }
}

/** Checks `value` and returns it as OpenAPI 3.x (a Swagger 2.0 document converted); throws DocumentError. */
export function checkDocument(value: unknown, source: string): CheckedDocument {
  if (!isObject(value)) throw new DocumentError(source, '', 'an OpenAPI document must be an object')
  const declared = isSwagger2(value) ? '2.0' : value.openapi
  if (typeof declared !== 'string' || !/^(2\.0|3\.0\.\d+|3\.1\.\d+)$/.test(declared)) {
    const at = value.swagger !== undefined ? '/swagger' : '/openapi'
    throw new DocumentError(source, at, `not an OpenAPI 3.0, 3.1 or Swagger 2.0 document (version ${JSON.stringify(value.openapi ?? value.swagger)})`)
  }
  if (declared === '2.0' && !isObject(value.paths)) throw new DocumentError(source, '/paths', 'paths must be an object')
  const root = declared === '2.0' ? swagger2ToOpenApi30(value) : value
  const dialect: Dialect = declared.startsWith('3.1') ? '3.1' : '3.0'
  if (root.servers !== undefined) {
    if (!Array.isArray(root.servers)) throw new DocumentError(source, '/servers', 'servers must be an array')
    root.servers.forEach((server, i) => {
      if (!isObject(server) || typeof server.url !== 'string') throw new DocumentError(source, `/servers/${i}/url`, 'a server needs a url')
    })
  }
  checkPaths(source, root, dialect)
  return { source, root, dialect, declared }
}
