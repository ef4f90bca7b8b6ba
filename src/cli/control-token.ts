/** @module Where the control token comes from: --control-token, --control-token-file or an environment variable. */
import { closeSync, openSync, readSync } from 'node:fs'
import { UsageError } from './usage-error.js'

/** Keeps the token out of `ps` (as --control-token-file does). */
export const CONTROL_TOKEN_ENV = 'VEEAM_MOCK_CONTROL_TOKEN'

export const CONTROL_TOKEN_FLAGS = {
  'control-token': { type: 'string' },
  'control-token-file': { type: 'string' },
} as const

export const CONTROL_TOKEN_HELP = `  --control-token T     require "Authorization: Bearer T" on /__control; needed to enable it on a
                        non-loopback --host. T shows in ps; rather use one of:
  --control-token-file FILE
                        the token is FILE's first line (trimmed); unreadable or empty FILE: exit 2
  ${CONTROL_TOKEN_ENV}=T (environment): the token, when neither flag is given
                        (a flag wins over the variable; both flags at once: exit 2; never printed)`

/** A token longer than this is a wrong file (a key, a log), not a token. */
const MAX_LINE = 4096

function firstLine(file: string): string {
  const buffer = Buffer.alloc(MAX_LINE + 1)
  let length: number
  try {
    const fd = openSync(file, 'r')
    try {
      length = readSync(fd, buffer, 0, buffer.length, 0)
    } finally {
      closeSync(fd)
    }
  } catch (error) {
    throw new UsageError(`--control-token-file ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`)
  }
  const text = buffer.subarray(0, length).toString('utf8')
  const end = text.search(/\r?\n/)
  if (end === -1 && length > MAX_LINE) throw new UsageError(`--control-token-file ${file}: its first line is longer than ${MAX_LINE} bytes.`)
  const token = (end === -1 ? text : text.slice(0, end)).trim()
  if (token === '') throw new UsageError(`--control-token-file ${file} has an empty first line; the token goes there.`)
  return token
}

/** The token from the flags, else from the environment; undefined when none is given. Messages never hold it. */
export function controlToken(
  values: { 'control-token'?: string; 'control-token-file'?: string },
  env: Record<string, string | undefined>,
): string | undefined {
  const flag = values['control-token']
  const file = values['control-token-file']
  if (flag !== undefined && file !== undefined) throw new UsageError('Give --control-token or --control-token-file, not both.')
  if (flag === '') throw new UsageError('--control-token needs a non-empty token.')
  if (file === '') throw new UsageError('--control-token-file needs a file name.')
  if (flag !== undefined) return flag
  if (file !== undefined) return firstLine(file)
  const fromEnv = env[CONTROL_TOKEN_ENV]
  if (fromEnv === undefined) return undefined
  if (fromEnv.trim() === '') throw new UsageError(`${CONTROL_TOKEN_ENV} is set but empty; unset it or set the token.`)
  return fromEnv.trim()
}
