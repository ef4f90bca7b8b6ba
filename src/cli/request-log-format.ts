/** @module How request log entries are printed: one pretty line, or one JSON line. */
import type { RequestLogEntry } from '../engine/request-log.js'
import { escapeControl, safeJson } from './control-characters.js'

export type LogMode = 'info' | 'requests' | 'json' | 'off'

export const LOG_MODES: readonly LogMode[] = ['info', 'requests', 'json', 'off']

/** A printer for request entries, or undefined when the mode logs no requests. Method and path are the client's: escaped. */
export function requestPrinter(mode: LogMode, write: (line: string) => void): ((entry: RequestLogEntry) => void) | undefined {
  if (mode === 'requests') {
    return (e) => write(`${e.time.slice(11, 23)} ${escapeControl(e.method).padEnd(6)} ${escapeControl(e.path)} ${e.status} ${e.ms}ms${e.tenant === undefined ? '' : ` (tenant ${e.tenant})`}`)
  }
  if (mode === 'json') return (e) => write(safeJson(e))
  return undefined
}
