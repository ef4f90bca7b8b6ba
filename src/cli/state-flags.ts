/** @module The --state, --state-sessions and --sessions flags: parsed here, the state file opened and reported here. */
import type { AccountFixture } from '../accounts/fixtures.js'
import type { Mock } from '../create-mock.js'
import type { SessionMode } from '../engine/mock-state.js'
import { openStateFile, StateFileError, type StateFile } from '../state/state-file.js'
import { UsageError } from './usage-error.js'

export const STATE_FLAGS = {
  state: { type: 'string' },
  'state-sessions': { type: 'boolean' },
  sessions: { type: 'string' },
} as const

export const STATE_HELP = `  --state FILE          keep accounts added or changed at runtime and client accounts in FILE (JSON; passwords
                        and secrets as SHA-256 only, mode 0600): loaded at start, created if missing, written
                        within 200 ms of a change and on exit, whole or not at all (a failed write, e.g. a full
                        disk, keeps the last whole FILE, warns once and is retried every second); one server
                        per FILE (lock FILE.lock with its pid; a second server: exit 2); a corrupt or foreign
                        FILE, or one that is a symbolic link (refused, not followed): exit 2
  --state-sessions      with --state, keep live sessions too (tokens as SHA-256), so tokens survive a restart
  --sessions MODE       multiple (default) or single: a new login ends the earlier sessions of the same user
                        (password) or client (client_credentials); their tokens get 401 / invalid_grant`

export interface StateFlags {
  sessions: SessionMode
  state?: { path: string; sessions: boolean }
}

export function parseStateFlags(values: { state?: string; 'state-sessions'?: boolean; sessions?: string }): StateFlags {
  const sessions = values.sessions ?? 'multiple'
  if (sessions !== 'single' && sessions !== 'multiple') {
    throw new UsageError(`--sessions takes single or multiple (got "${values.sessions}").`)
  }
  if (values.state === '') throw new UsageError('--state needs a file name.')
  if (values['state-sessions'] === true && values.state === undefined) {
    throw new UsageError('--state-sessions needs --state FILE.')
  }
  if (values.state === undefined) return { sessions }
  return { sessions, state: { path: values.state, sessions: values['state-sessions'] === true } }
}

/**
 * Opens the state file before the mock is built (a bad file, or one another process writes, stops the start with
 * exit 2). Its lock is released when the process exits, however it exits.
 */
export function openState(flags: StateFlags, profileId: string, err: (line: string) => void): StateFile | undefined {
  if (flags.state === undefined) return undefined
  const { path } = flags.state
  let file: StateFile
  try {
    file = openStateFile(profileId, {
      ...flags.state,
      onWriteError: (error) =>
        err(`warning: state file ${path} not written (${(error as NodeJS.ErrnoException).code ?? error.message}); it keeps its last whole version; retrying every second`),
      onWriteRecovered: () => err(`state file ${path} written again`),
    })
  } catch (error) {
    if (error instanceof StateFileError) throw new UsageError(error.message)
    throw error
  }
  process.once('exit', () => file.close())
  return file
}

/** Restores the file into the built mock, warns of what could not come back, and returns a line for the banner. */
export function attachState(file: StateFile | undefined, mock: Mock, fixtures: readonly AccountFixture[], err: (line: string) => void): string {
  if (file === undefined) return ''
  let report
  try {
    report = file.attach(mock.state, fixtures)
  } catch (error) {
    if (error instanceof StateFileError) throw new UsageError(error.message)
    throw error
  }
  const { skippedClients, skippedSessions } = report
  if (skippedClients + skippedSessions > 0) {
    err(`warning: state file: ${skippedClients} client account(s) and ${skippedSessions} session(s) not restored: their account is gone (fixtures changed?)`)
  }
  const { path, sessions } = file.options
  return `  State       ${path} (accounts, client accounts${sessions ? ', sessions' : ''}; restored ${report.clients} client account(s), ${report.sessions} session(s))`
}
