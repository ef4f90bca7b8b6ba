/** @module Which documented response an operation answers with: its status, content type and examples. */
import { badRequest } from '../oauth/errors.js'
import { deref } from './pointer.js'

type Json = Record<string, unknown>
const isObject = (value: unknown): value is Json => value !== null && typeof value === 'object' && !Array.isArray(value)

export interface ChosenResponse {
  status: number
  /** The documented key: `200`, `2XX` or `default`. */
  key: string
  /** Undefined when the response documents no body. */
  contentType?: string
  schema?: unknown
  /** Named examples (`examples`), values resolved; `example` is under the name `default`. */
  examples: Map<string, unknown>
}

/** The status a documented key stands for: `2XX` is 200, `default` 200 as Prism answers it. */
function statusOf(key: string): number | undefined {
  if (/^[1-5]\d\d$/.test(key)) return Number(key)
  if (/^[1-5]XX$/i.test(key)) return Number(key[0]) * 100
  return key === 'default' ? 200 : undefined
}

/** JSON first (clients of these APIs read JSON), then whatever the vendor listed first. */
function pickContentType(content: Json): string | undefined {
  const types = Object.keys(content)
  return types.find((t) => /^application\/json\b/i.test(t)) ?? types.find((t) => /[/+]json\b/i.test(t)) ?? types[0]
}

function examplesOf(root: unknown, media: Json): Map<string, unknown> {
  const examples = new Map<string, unknown>()
  if (isObject(media.examples)) {
    for (const [name, raw] of Object.entries(media.examples)) {
      const example = deref(root, raw) as Json | undefined
      if (isObject(example) && 'value' in example) examples.set(name, example.value)
    }
  }
  if ('example' in media && !examples.has('default')) examples.set('default', media.example)
  return examples
}

/** The success response (lowest 2xx, else `default`), or the one `code` names; throws 400 for an undocumented code. */
export function chooseResponse(root: unknown, responses: unknown, code?: string): ChosenResponse {
  const documented = isObject(responses) ? responses : {}
  const keys = Object.keys(documented)
  let key: string | undefined
  if (code !== undefined) {
    key = keys.find((k) => k === code) ?? keys.find((k) => k.toUpperCase() === `${code[0]}XX`) ?? (keys.includes('default') ? 'default' : undefined)
    if (key === undefined) throw badRequest(`Prefer: code=${code} is not a documented status of this operation (documented: ${keys.join(', ') || 'none'}).`)
  } else {
    const success = keys.filter((k) => /^2(\d\d|XX)$/i.test(k)).sort((a, b) => statusOf(a)! - statusOf(b)! || a.localeCompare(b))
    key = success[0] ?? (keys.includes('default') ? 'default' : undefined)
  }
  const status = key === undefined ? 200 : code !== undefined ? Number(code) : statusOf(key)!
  const response = key === undefined ? undefined : (deref(root, documented[key]) as Json | undefined)
  const content = isObject(response?.content) ? response.content : {}
  const contentType = pickContentType(content)
  if (key === undefined || contentType === undefined) return { status, key: key ?? 'none', examples: new Map() }
  const media = (deref(root, content[contentType]) as Json | undefined) ?? {}
  return {
    status,
    key,
    contentType,
    ...(media.schema === undefined ? {} : { schema: media.schema }),
    examples: examplesOf(root, media),
  }
}
