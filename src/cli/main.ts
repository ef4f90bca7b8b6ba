#!/usr/bin/env node
/** @module The command line: the only code that reads argv, prints and exits. */
import { UsageError } from './usage-error.js'
import { packageVersion } from './version.js'

const HELP = `Usage: veeam-auth-mock <command> [flags]

Commands:
  serve         serve the mock (default; npm start -- [flags]); serve --help for its flags
  profiles      list the product versions the mock emulates; --export ID prints one as a profile file; profiles --help
  spec          write spec/<profile>.openapi.json for every profile, spec/control.openapi.json and
                spec/profile.schema.json (npm run spec); spec --help
  conformance   run the conformance suite against a target (npm run conformance); conformance --help

Flags: --help, --version

Every command prints its help on --help and exits 2 with one line on a bad flag.
`

const out = (line: string) => process.stdout.write(`${line}\n`)
const err = (line: string) => process.stderr.write(`${line}\n`)

// Each command loads its own modules: the server's graph (zod, hono and ours, about 220 files) costs
// --version and --help about a quarter of a second otherwise.
const serve = async (args: string[]) => (await import('./serve.js')).serve(args, out, err)

const usage = (message: string): never => {
  throw new UsageError(`${message}; see --help.`)
}

async function run(argv: string[]): Promise<number> {
  const [command, ...rest] = argv
  switch (command) {
    case undefined:
      return serve([])
    case 'serve':
      return serve(rest)
    case 'profiles':
      return (await import('./profiles.js')).profilesCommand(rest, out)
    case 'spec':
      return (await import('./spec.js')).specCommand(rest, out)
    case 'conformance':
      return (await import('../../conformance/cli.js')).main(rest)
    case '--help':
    case '-h':
    case 'help':
    case '--version':
      // With more flags after it, it is serve's flag (serve checks the rest).
      if (rest.length > 0) return command === 'help' ? usage(`help takes nothing after it`) : serve(argv)
      return out(command === '--version' ? packageVersion() : HELP), 0
    default:
      if (command.startsWith('-')) return serve(argv)
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
