/** @module The `Prefer` header as Prism reads it: `code=404`, `example=NAME`, `dynamic=true`. */
import { badRequest } from '../oauth/errors.js'

export interface Preference {
  code?: string
  example?: string
  dynamic?: boolean
}

/** The preferences in `header` (comma separated `name=value`); other preferences are ignored, as RFC 7240 asks. */
export function parsePrefer(header: string | undefined): Preference {
  if (header === undefined || header === '') return {}
  const preference: Preference = {}
  for (const part of header.slice(0, 1024).split(/[,;]/)) {
    const [rawName, ...rest] = part.split('=')
    const name = rawName!.trim().toLowerCase()
    const value = rest.join('=').trim().replace(/^"(.*)"$/, '$1')
    if (name === 'code') {
      if (!/^[1-5]\d\d$/.test(value)) throw badRequest(`Prefer: code=${value} is not an HTTP status.`)
      preference.code = value
    } else if (name === 'example') preference.example = value
    else if (name === 'dynamic') preference.dynamic = value === 'true'
  }
  return preference
}
