/** @module Reading the token request body: form fields, each at most once, empty meaning absent. */
import { invalidRequest } from './errors.js'
import { parseForm } from './form-urlencoded.js'

/** The request's parameters by name; an empty value counts as absent. */
export type TokenParams = ReadonlyMap<string, string>

function mediaType(contentType: string | undefined): string {
  const semicolon = contentType?.indexOf(';') ?? -1
  return (semicolon === -1 ? contentType ?? '' : contentType!.slice(0, semicolon)).trim().toLowerCase()
}

function collect(entries: Iterable<[string, unknown]>): TokenParams {
  const params = new Map<string, string>()
  for (const [name, value] of entries) {
    if (typeof value !== 'string') throw invalidRequest(`Parameter "${name}" must be a text field, not a file.`)
    if (value === '') continue
    // RFC 6749 section 3.2: request parameters MUST NOT be included more than once.
    if (params.has(name)) throw invalidRequest(`Parameter "${name}" is repeated.`)
    params.set(name, value)
  }
  return params
}

/** A JSON object's members as parameters: strings as they are, numbers and booleans as text, null as absent. */
function fromJson(text: string): TokenParams {
  let data: unknown
  try {
    data = JSON.parse(text)
  } catch {
    throw invalidRequest('The JSON body is malformed.')
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) throw invalidRequest('The JSON body must be an object.')
  const entries: [string, string][] = []
  for (const [name, value] of Object.entries(data)) {
    if (value === null) continue
    if (typeof value === 'object') throw invalidRequest(`Parameter "${name}" must be a string, number or boolean.`)
    entries.push([name, String(value)])
  }
  return collect(entries)
}

/**
 * Parses the body if its content type is one the profile reads as a form, or as JSON (`jsonContentTypes`). Urlencoded bodies go
 * through text + parseForm: Request.formData() costs several times more on the hot path.
 * The body is read only once the content type is accepted, through `readBody` (which enforces the size limit).
 */
export async function readTokenParams(
  contentType: string | undefined,
  formContentTypes: readonly string[],
  readBody: () => Promise<Buffer>,
  jsonContentTypes: readonly string[] = [],
): Promise<TokenParams> {
  const type = mediaType(contentType)
  if (jsonContentTypes.includes(type)) return fromJson((await readBody()).toString('utf8'))
  if (!formContentTypes.includes(type)) {
    const allowed = [...formContentTypes, ...jsonContentTypes].join(' or ')
    throw invalidRequest(type === '' ? `The request needs a Content-Type of ${allowed}.` : `Content-Type ${type} is not accepted; send ${allowed}.`)
  }
  const body = await readBody()
  if (type === 'multipart/form-data') {
    let form: FormData
    try {
      form = await new Response(body, { headers: { 'content-type': contentType! } }).formData()
    } catch {
      throw invalidRequest('The multipart/form-data body is malformed.')
    }
    return collect(form.entries())
  }
  const text = body.toString('utf8')
  // A JSON object parses as one odd form field, and the error would name a missing parameter: say what is wrong.
  if (/^\s*[{[]/.test(text)) {
    throw invalidRequest('The body must be a form (grant_type=password&username=...&password=...), not JSON, whatever the Content-Type.')
  }
  return collect(parseForm(text))
}

/** The refusal of a request that lacks a parameter its grant needs. */
export const missingParameter = (name: string, grant: string) => invalidRequest(`Parameter "${name}" is required for grant_type=${grant}.`)

/** The parameter's value, or an invalid_request error naming it. */
export function required(params: TokenParams, name: string, grant: string): string {
  const value = params.get(name)
  if (value === undefined) throw missingParameter(name, grant)
  return value
}
