/** @module Path templates of stubs: matching `{param}` segments, and the paths a stub may not take from the profile. */
import type { Profile } from '../profiles/profile.js'

export interface PathTemplate {
  /** The template as written, e.g. `/api/v7.1/Plans/{id}`. */
  path: string
  /** The same template with parameter names blanked (`/api/v7.1/Plans/{}`): two stubs with one shape collide. */
  shape: string
  params: string[]
  /** Literal segments win over parameters when two templates match. */
  literalCount: number
  match(path: string): Record<string, string> | undefined
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')

export function compileTemplate(path: string): PathTemplate {
  const segments = path === '/' ? [] : path.slice(1).split('/')
  const params = segments.filter((s) => s.startsWith('{')).map((s) => s.slice(1, -1))
  const pattern = segments.map((s) => (s.startsWith('{') ? '/([^/]+)' : `/${escape(s)}`)).join('')
  const regex = new RegExp(`^${pattern || '/'}$`)
  return {
    path,
    shape: path.replace(/\{[^}]*\}/g, '{}'),
    params,
    literalCount: segments.length - params.length,
    match(candidate) {
      const found = regex.exec(candidate)
      if (found === null) return undefined
      return Object.fromEntries(params.map((name, i) => [name, found[i + 1]!]))
    },
  }
}

/** Folders the mock itself serves under: the Swagger UI assets and the control API. */
const RESERVED_FOLDERS = ['swagger', '__control']

/** The paths the profile's own routes and the docs answer on. */
export function reservedPaths(profile: Profile): string[] {
  return [
    profile.tokenPath,
    ...(profile.logout === undefined ? [] : [profile.logout.path]),
    ...profile.clientBases.map((base) => `${base}/Clients`),
    '/',
    '/openapi.json',
    '/swagger',
    '/__control',
  ]
}

/** Why `template` cannot be a stub of `profile`, or undefined when it can. */
export function collision(template: PathTemplate, profile: Profile): string | undefined {
  const taken = reservedPaths(profile).find((reserved) => template.match(reserved) !== undefined)
  if (taken !== undefined) return `takes ${taken}, which the mock itself serves`
  const folder = template.path.split('/')[1]
  if (folder !== undefined && RESERVED_FOLDERS.includes(folder)) return `lies under /${folder}, which the mock itself serves`
  return undefined
}
