/** @module Flags of every command: node's parseArgs, strict, with its mistakes turned into one UsageError line. */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { UsageError } from './usage-error.js'

/** parseArgs' message for `--port -1` is three lines; say the same in one. */
export function oneLine(message: string): string {
  const ambiguous = /use '(--[^=']+)=-XYZ'/.exec(message)
  if (ambiguous !== null) {
    const flag = ambiguous[1]!
    return `${flag} needs a value; to give one that starts with a dash write ${flag}=VALUE (see --help)`
  }
  return `${message.split('\n')[0]!.trim()} (see --help)`
}

type Options = NonNullable<ParseArgsConfig['options']>
/** Named, so that declarations can be emitted (node's ParseArgsOptionsConfig is not exported). */
export type FlagValues<T extends Options> = ReturnType<typeof parseArgs<{ args: string[]; options: T; strict: true; allowPositionals: false }>>['values']

export function parseFlags<const T extends Options>(args: string[], options: T): FlagValues<T> {
  try {
    return parseArgs({ args, options, strict: true as const, allowPositionals: false as const }).values
  } catch (error) {
    throw new UsageError(oneLine((error as Error).message))
  }
}
