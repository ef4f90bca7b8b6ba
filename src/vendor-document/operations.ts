/** @module The operations of a checked document: method, full path (servers' base path first), parameters resolved, security. */
import { HTTP_METHODS, type CheckedDocument } from './check-document.js'
import { deref, joinPointer } from './pointer.js'

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)

export interface Parameter {
  name: string
  in: 'path' | 'query' | 'header' | 'cookie'
  required: boolean
  schema?: unknown
  style?: string
  explode?: boolean
}

export interface DocumentOperation {
  document: CheckedDocument
  /** Upper case: `GET`. */
  method: string
  /** The path as served: the base path of the first server, then the document's path. */
  path: string
  /** The document's own path key. */
  documentPath: string
  operationId: string
  /** Where the operation is in its document, e.g. `/paths/~1jobs/get`. */
  pointer: string
  operation: Json
  parameters: Parameter[]
  /** Whether a token is needed: false only for an explicit `security: []` (or an optional `{}` entry). */
  secured: boolean
  /** A parameter that does not resolve: the operation cannot be served. */
  problem?: string
}

/** The path part of the first server's url, its variables at their defaults; '' for none or `/`. */
export function basePath(root: Json): string {
  const server = Array.isArray(root.servers) ? (root.servers[0] as Json | undefined) : undefined
  if (server === undefined || typeof server.url !== 'string') return ''
  const variables = isObject(server.variables) ? server.variables : {}
  const url = server.url.replace(/\{([^}]+)\}/g, (_, name: string) => String((variables[name] as Json | undefined)?.default ?? ''))
  let path: string
  try {
    path = new URL(url, 'http://base.invalid').pathname
  } catch {
    return ''
  }
  return path.replace(/\/+$/, '')
}

const IGNORED_HEADERS = ['accept', 'content-type', 'authorization']

function isOpen(security: unknown): boolean {
  return Array.isArray(security) && (security.length === 0 || security.some((entry) => isObject(entry) && Object.keys(entry).length === 0))
}

function parametersOf(root: Json, shared: unknown, own: unknown, at: string): { parameters: Parameter[]; problem?: string } {
  const byKey = new Map<string, Parameter>()
  let problem: string | undefined
  const add = (list: unknown, where: string) => {
    if (!Array.isArray(list)) return
    list.forEach((raw, i) => {
      const p = deref(root, raw) as Json | undefined
      if (p === undefined || typeof p.name !== 'string') {
        problem ??= `${where}/${i}: the parameter's $ref does not resolve`
        return
      }
      const place = p.in as Parameter['in']
      // OpenAPI: header parameters named Accept, Content-Type or Authorization "SHALL be ignored".
      if (place === 'header' && IGNORED_HEADERS.includes(p.name.toLowerCase())) return
      byKey.set(`${place} ${place === 'header' ? p.name.toLowerCase() : p.name}`, {
        name: p.name,
        in: place,
        required: place === 'path' || p.required === true,
        ...(p.schema === undefined ? {} : { schema: p.schema }),
        ...(typeof p.style === 'string' ? { style: p.style } : {}),
        ...(typeof p.explode === 'boolean' ? { explode: p.explode } : {}),
      })
    })
  }
  add(shared, `${at.slice(0, at.lastIndexOf('/'))}/parameters`)
  add(own, `${at}/parameters`)
  return { parameters: [...byKey.values()], ...(problem === undefined ? {} : { problem }) }
}

/** Every operation of `document`, in document order. */
export function operationsOf(document: CheckedDocument): DocumentOperation[] {
  const { root } = document
  const base = basePath(root)
  const operations: DocumentOperation[] = []
  for (const [documentPath, item] of Object.entries(isObject(root.paths) ? root.paths : {})) {
    if (!isObject(item)) continue
    for (const method of HTTP_METHODS) {
      const operation = item[method]
      if (!isObject(operation)) continue
      const pointer = joinPointer('paths', documentPath, method)
      const path = `${base}${documentPath}` || '/'
      const { parameters, problem } = parametersOf(root, item.parameters, operation.parameters, pointer)
      const upper = method.toUpperCase()
      operations.push({
        document,
        method: upper,
        path,
        documentPath,
        operationId: typeof operation.operationId === 'string' && operation.operationId !== '' ? operation.operationId : `${upper} ${path}`,
        pointer,
        operation,
        parameters,
        secured: !isOpen(operation.security ?? root.security),
        ...(problem === undefined ? {} : { problem }),
      })
    }
  }
  return operations
}
