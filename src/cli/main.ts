#!/usr/bin/env node
/** @module The command line: the only code that reads argv, prints and exits. */
import { UsageError } from './usage-error.js'
import { printProfiles } from './profiles.js'
import { serve } from './serve.js'
import { writeSpecs } from './spec.js'
import { packageVersion } from './version.js'

const HELP = `Usage: veeam-auth-mock <command> [flags]

Commands:
  serve         serve the mock (default; npm start -- [flags]); serve --help for its flags
  profiles      list the product versions the mock emulates
  spec          write spec/<profile>.openapi.json for every profile and spec/control.openapi.json (npm run spec)
  conformance   run the conformance suite against a target (npm run conformance); conformance --help

Flags: --help, --version
`

const out = (line: string) => process.stdout.write(`${line}\n`)
const err = (line: string) => process.stderr.write(`${line}\n`)

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case undefined:
      return serve([], out, err)
    case 'serve':
      return serve(rest, out, err)
    case 'profiles':
      return printProfiles(out), 0
    case 'spec':
      return writeSpecs(out), 0
    case 'conformance':
      return (await import('../../conformance/cli.js')).main(rest)
    case '--help':
    case '-h':
    case 'help':
      return out(HELP), 0
    case '--version':
      return out(packageVersion()), 0
    default:
      if (command.startsWith('-')) return serve(argv, out, err)
      throw new UsageError(`Unknown command "${command}"; see --help.`)
  }
}

run(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError) {
      err(`veeam-auth-mock: ${error.message}`)
      process.exit(2)
    }
    err(`veeam-auth-mock: unexpected error: ${(error as Error).stack ?? String(error)}`)
    process.exit(1)
  },
)
