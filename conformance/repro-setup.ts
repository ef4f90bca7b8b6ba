/**
 * @module The `export` lines a Repro line needs: the report prints no secret, so each variable a curl line names
 * is either obtained by a command (a fresh token of the run's account) or asked of the user (a password).
 */
import { curlLine } from './http.js'

export interface ReproContext {
  /** Base URL of the target, as given to --target. */
  target: string
  tokenPath: string
  insecure: boolean
  /** The primary account; `placeholder` is the variable holding its password. */
  user: { username: string; placeholder: string }
}

const VARIABLE = /\$([A-Z][A-Z0-9_]*)/g

/** The variables the lines use, in order of first use. */
export function variablesIn(lines: readonly string[]): string[] {
  return [...new Set(lines.flatMap((line) => [...line.matchAll(VARIABLE)].map((m) => m[1]!)))]
}

/** `export` lines for every variable the curl lines use (none when they use none). */
export function reproExports(curls: readonly string[], ctx: ReproContext): string[] {
  const used = variablesIn(curls)
  if (used.length === 0) return []
  const passwordVar = ctx.user.placeholder
  const login = curlLine(
    `${ctx.target.replace(/\/$/, '')}${ctx.tokenPath}`,
    {
      method: 'POST',
      path: ctx.tokenPath,
      form: [
        ['grant_type', { value: 'password' }],
        ['username', { value: ctx.user.username }],
        ['password', { value: '', placeholder: `$${passwordVar}` }],
      ],
    },
    ctx.insecure,
  )
  const field = (name: string) => `$(${login} | node -p 'JSON.parse(require("fs").readFileSync(0, "utf8")).${name}')`
  const ask = (name: string, what: string) => `export ${name}="\${${name}:?set ${name} to ${what}}"`
  const lines = new Map<string, string>()
  // A token is fetched with the primary account's password, so that variable comes first.
  const needed = used.some((v) => v === 'ACCESS_TOKEN' || v === 'REFRESH_TOKEN') ? [passwordVar, ...used] : used
  const rank = (name: string) => [passwordVar, 'ACCESS_TOKEN', 'REFRESH_TOKEN'].indexOf(name) >>> 0
  for (const name of [...needed].sort((a, b) => rank(a) - rank(b))) {
    if (lines.has(name)) continue
    if (name === 'ACCESS_TOKEN') lines.set(name, `export ACCESS_TOKEN=${field('access_token')}`)
    else if (name === 'REFRESH_TOKEN') lines.set(name, `export REFRESH_TOKEN=${field('refresh_token')}`)
    else if (name === 'WRONG_PASSWORD') lines.set(name, 'export WRONG_PASSWORD=not-the-password')
    else if (name === passwordVar) lines.set(name, ask(name, `the password of ${ctx.user.username.replace(/["$`}]/g, '\\$&')}`))
    else if (/PASSWORD$/.test(name)) lines.set(name, ask(name, 'the password the suite was given for it'))
    else if (name === 'CLIENT_SECRET') lines.set(name, ask(name, "the secret of a client account you created (the suite deleted its own)"))
    else if (name === 'CONTROL_TOKEN') lines.set(name, ask(name, 'the --control-token'))
    else lines.set(name, ask(name, 'its value'))
  }
  return [...lines.values()]
}
