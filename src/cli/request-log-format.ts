/** @module How request log entries are printed: one pretty line, or one JSON line. */
import type { RequestLogEntry } from '../engine/request-log.js'

export type LogMode = 'info' | 'requests' | 'json' | 'off'

export const LOG_MODES: readonly LogMode[] = ['info', 'requests', 'json', 'off']

/** A printer for request entries, or undefined when the mode logs no requests. */
export function requestPrinter(mode: LogMode, write: (line: string) => void): ((entry: RequestLogEntry) => void) | undefined {
  if (mode === 'requests') {
    return (e) => write(`${e.time.slice(11, 23)} ${e.method.padEnd(6)} ${e.path} ${e.status} ${e.ms}ms`)
  }
  if (mode === 'json') return (e) => write(JSON.stringify(e))
  return undefined
}
