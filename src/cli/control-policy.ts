/** @module When the control API is on: by default only on loopback; elsewhere only with a bearer token. */
import type { ControlOptions } from '../control/harness.js'
import { isLoopback } from '../control/loopback.js'

export { isLoopback }

export interface ControlDecision {
  control: ControlOptions | false
  /** Why it is off, when the user may have expected it on. */
  note?: string
}

/** `--no-control` wins; a token turns it on anywhere; without one it is on only on loopback. */
export function decideControl(host: string, flags: { off: boolean; token?: string; journalSize?: number }): ControlDecision {
  if (flags.off) return { control: false }
  const journal = { host, ...(flags.journalSize === undefined ? {} : { journalSize: flags.journalSize }) }
  if (flags.token !== undefined) return { control: { token: flags.token, ...journal } }
  if (isLoopback(host)) return { control: journal }
  return { control: false, note: `control API off: --host ${host} is not loopback; pass --control-token-file FILE (or --control-token T) to enable it` }
}
