/**
 * @module A document operation's request, read from the Hono context only as far as the operation asks: one
 * object per request and no closures, since `npm start` runs through tsx, which wraps every nested function
 * in a `__name` call each time it is created (a few percent of the document route).
 */
import type { Context } from 'hono'
import { OAuthError, ResourceError } from '../oauth/errors.js'
import { readLimitedBody } from '../routes/read-body.js'
import { requestHeader } from '../routes/request-header.js'
import { parsePrefer, type Preference } from './prefer.js'
import type { ServedRequest } from './served-operation.js'

/** Request bodies of vendor operations are specs of jobs and repositories: small. */
export const MAX_REQUEST_BODY_BYTES = 1024 * 1024

function cookieOf(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const at = part.indexOf('=')
    if (at > 0 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim()
  }
  return undefined
}

const NO_QUERY: Record<string, string[]> = Object.freeze(Object.create(null) as Record<string, string[]>)

export class DocumentRequest implements ServedRequest {
  /** Parsed up front: a malformed `Prefer: code=` is a 400 whatever the operation. */
  readonly prefer: Preference
  readonly #c: Context
  #query: Record<string, string[]> | undefined

  constructor(c: Context, readonly params: Record<string, string>) {
    this.#c = c
    this.prefer = parsePrefer(requestHeader(c.req.raw, c.env, 'prefer'))
  }

  /** Parsed on first use: many operations take no query, and most requests carry none. */
  get query(): Record<string, string[]> {
    return (this.#query ??= this.#c.req.url.includes('?') ? this.#c.req.queries() : NO_QUERY)
  }

  get contentType(): string | undefined {
    return requestHeader(this.#c.req.raw, this.#c.env, 'content-type')
  }

  header(name: string): string | undefined {
    return requestHeader(this.#c.req.raw, this.#c.env, name.toLowerCase())
  }

  cookie(name: string): string | undefined {
    return cookieOf(requestHeader(this.#c.req.raw, this.#c.env, 'cookie'), name)
  }

  /** The body as text; a too large or unreadable one is a resource error (the profile's model), not an OAuth one. */
  async body(): Promise<string> {
    try {
      return (await readLimitedBody(this.#c.req.raw, this.#c.env, MAX_REQUEST_BODY_BYTES)).toString('utf8')
    } catch (error) {
      if (error instanceof OAuthError) throw new ResourceError(error.status === 413 ? 413 : 400, error.description, error.headers)
      throw error
    }
  }
}
