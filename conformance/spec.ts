/** @module The target's promises, read from an OpenAPI 3.1 spec: operations by operationId, response schemas, and the x-veeam-auth-mock extension. */
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsPlugin from 'ajv-formats'
import type { OpenAPIV3_1 } from 'openapi-types'

/** What a profile promises beyond the schemas (the mock emits it as `x-veeam-auth-mock`). */
export interface Promises {
  id: string
  /** The product (e.g. "Veeam Recovery Orchestrator"): which seed page the citations come from. */
  product?: string
  tokenPath: string
  clientBases: string[]
  grants: string[]
  defaultGrant: string
  usernames: { bareAllowed: boolean; defaultDomain?: string }
  roles: string[]
  /** Token lifetimes in seconds (the time checks need them). */
  lifetimes?: { accessSeconds: number; refreshSeconds: number }
  /** Absent where the product documents no logout (VB365 v6). `params`: form fields naming what to revoke (Veeam ONE). */
  /** `scope: user`: the path names the user (`{userUid}`, from the current-user resource) and every session of the user ends. */
  logout?: {
    method: string
    path: string
    status: number
    message?: string
    objectBody?: Record<string, unknown>
    params?: { token: string; user: string }
    scope?: 'session' | 'user'
  }
  /** A cookie + header pair the token response sets unless the request sends `optOutField=true` (VB365 v7, v8). */
  antiforgery?: { cookie: string; header: string; optOutField: string }
  tokenResponse: { tokenType: string; fields: string[] }
  formContentTypes: string[]
  assumptions: { id: string; rule: string }[]
  /** What the target answers where the vendor is silent, by assumption id (absent in older specs: the mock's defaults). */
  outcomes?: Record<string, number | boolean>
  /** How refusals answer: RFC 6749 codes for `oauth-message` (the orchestrators), else the status and code per refusal. */
  errors?: {
    model: string
    /** Where the body names the error (`error` in RFC 6749, `errorCode` in VBR's Error). */
    codeField?: { token?: string; resource?: string }
    refusals?: Record<string, { status: number; code?: string; message?: string }>
  }
  /** A version header every API request carries (VBR: x-api-version). */
  apiVersion?: { header: string; accepted: string[]; default: string; optional?: boolean }
  /** Rules (named like the assumptions that would otherwise stand for them) the vendor documents: checked as MUST. */
  documented?: string[]
  authorizationCode?: { path: string; lifetimeSeconds: number }
  /** Resources clients read right after login, by operationId. */
  resources?: { operationId: string; path: string; public?: boolean; roles?: string[]; kind?: string; uidField?: string }[]
  /** A second factor: a password login of an MFA account answers an mfa_token, grant_type=mfa completes it (VSPC). */
  mfa?: { tokenLifetimeSeconds: number }
  /** Permanent API keys (VSPC): created and deleted under /users/{userUid}/logins. */
  apiKeys?: { createPath: string; deletePath: string }
}

export interface Operation {
  method: string
  path: string
  /** Validates a body against the schema documented for `status`; undefined when none is documented. */
  validator(status: number): ValidateFunction | undefined
  documents(status: number): boolean
}

export interface Spec {
  file: string
  promises: Promises
  operation(operationId: string): Operation | undefined
  /** The operation serving `method path` (path without query), if any. */
  operationAt(method: string, path: string): Operation | undefined
  declares(assumption: string): boolean
}

export class SpecError extends Error {}

// ajv-formats is CommonJS: its default export arrives as the module object under NodeNext.
const addFormats = ((addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin) as unknown as (ajv: Ajv2020) => void

/** spec/<profile>.openapi.json next to this package. */
/** The package folder (holding package.json), from the sources or from the built dist/conformance. */
export function packageRoot(): string {
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir
    if (dirname(dir) === dir) throw new SpecError('the package folder (with package.json) was not found')
  }
}

export function defaultSpecFile(profile: string): string {
  return join(packageRoot(), 'spec', `${profile}.openapi.json`)
}

export function loadSpec(file: string): Spec {
  let doc: OpenAPIV3_1.Document & { 'x-veeam-auth-mock'?: Promises }
  try {
    doc = JSON.parse(readFileSync(file, 'utf8'))
  } catch (error) {
    throw new SpecError(`spec ${file} cannot be read as JSON (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`)
  }
  const promises = doc['x-veeam-auth-mock']
  if (promises === undefined) throw new SpecError(`spec ${file} has no x-veeam-auth-mock extension`)
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  // Response schemas point into components; make those refs absolute against the whole document.
  ajv.addSchema({ $id: 'spec', components: doc.components ?? {} })
  const cache = new Map<string, ValidateFunction | undefined>()
  const operations = new Map<string, Operation>()
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of ['get', 'post', 'put', 'delete', 'patch'] as const) {
      const op = item?.[method]
      if (op?.operationId === undefined) continue
      const responses = (op.responses ?? {}) as Record<string, OpenAPIV3_1.ResponseObject>
      const validator = (status: number): ValidateFunction | undefined => {
        const key = `${op.operationId} ${status}`
        if (!cache.has(key)) {
          const schema = responses[String(status)]?.content?.['application/json']?.schema
          const text = schema === undefined ? undefined : JSON.stringify(schema).replaceAll('"#/components/', '"spec#/components/')
          cache.set(key, text === undefined ? undefined : ajv.compile(JSON.parse(text)))
        }
        return cache.get(key)
      }
      operations.set(op.operationId, { method: method.toUpperCase(), path, validator, documents: (s) => String(s) in responses })
    }
  }
  const byRoute = new Map([...operations.values()].map((op) => [`${op.method} ${op.path.toLowerCase()}`, op]))
  const assumptions = new Set(promises.assumptions.map((a) => a.id))
  return {
    file,
    promises,
    operation: (id) => operations.get(id),
    operationAt: (method, path) => byRoute.get(`${method} ${path.toLowerCase()}`),
    declares: (id) => assumptions.has(id),
  }
}
