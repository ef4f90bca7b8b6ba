/** @module Quirks: each breaks exactly one documented rule, to test clients (and the conformance suite) against a misbehaving server. */

/** Quirk names with what each breaks. */
export const QUIRKS = {} as const satisfies Record<string, string>

export type QuirkName = keyof typeof QUIRKS

/** The names, or an error naming the unknown one. */
export function assertQuirks(names: readonly string[]): QuirkName[] {
  for (const name of names) {
    if (!(name in QUIRKS)) throw new Error(`Unknown quirk "${name}"; known: ${Object.keys(QUIRKS).join(', ') || 'none'}.`)
  }
  return names as QuirkName[]
}
