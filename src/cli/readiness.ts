/** @module How a script learns that `serve` is up and where: the ready record, on stdout (--log json) or in --ready-file. */
import { rmSync } from 'node:fs'
import { writeFileAtomic } from '../state/atomic-write.js'
import { UsageError } from './usage-error.js'

export const READY_FLAGS = {
  'ready-file': { type: 'string' },
} as const

export const READY_HELP = `  --ready-file FILE     once serving, write the ready record (as --log json prints it) to FILE, atomically;
                        a stale FILE is removed at start, and FILE is removed again on SIGINT/SIGTERM`

/** `{"ready":true,"url":...}` first: the fields a script needs, never a secret. */
export interface ReadyRecord {
  ready: true
  url: string
  profile: string
  pid: number
  /** With TLS: the certificate's SHA-256 fingerprint (AB:CD:...). */
  fingerprint256?: string
  /** With --tls-out or --tls-cert: the certificate file a client can trust. */
  certFile?: string
}

export function readyRecord(url: string, profile: string, tls?: { fingerprint256: string; certFile?: string }): ReadyRecord {
  return {
    ready: true,
    url,
    profile,
    pid: process.pid,
    ...(tls === undefined ? {} : { fingerprint256: tls.fingerprint256 }),
    ...(tls?.certFile === undefined ? {} : { certFile: tls.certFile }),
  }
}

const code = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'error'

/** The --ready-file: absent until ready, complete when present (temp file, then rename), gone after a clean stop. */
export class ReadyFile {
  constructor(readonly file: string) {
    if (file === '') throw new UsageError('--ready-file needs a file name.')
  }

  /** Removes a file left by an earlier run, so its presence always means this run is ready. */
  clearStale(): void {
    try {
      rmSync(this.file, { force: true })
    } catch (error) {
      throw new UsageError(`--ready-file ${this.file}: cannot remove the old file (${code(error)}).`)
    }
  }

  write(record: ReadyRecord): void {
    try {
      writeFileAtomic(this.file, `${JSON.stringify(record)}\n`)
    } catch (error) {
      throw new UsageError(`--ready-file ${this.file}: cannot write (${code(error)}).`)
    }
  }

  remove(): void {
    rmSync(this.file, { force: true })
  }
}
