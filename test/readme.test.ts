import { execFile } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { profilesMarkdown } from '../src/docs/profiles-table.js'
import { PROFILES } from '../src/profiles/index.js'
import { startCli } from './support/cli-process.js'

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8')

function between(start: string, end: string): string {
  const from = README.indexOf(start)
  const to = README.indexOf(end, from)
  if (from === -1 || to === -1) throw new Error(`README lacks ${start} … ${end}`)
  return README.slice(README.indexOf('\n', from) + 1, to)
}

describe('README', () => {
  it('shows the profile table generated from the profiles (paste profilesMarkdown(PROFILES) when it changes)', () => {
    expect(between('<!-- profiles:begin', '<!-- profiles:end -->')).toBe(profilesMarkdown(PROFILES))
  })

  it('has a curl walkthrough that works verbatim against npm start', async () => {
    const script = between('<!-- walkthrough:curl -->', '```\n\n').replace(/^```bash\n/, '')
    const { child, url } = await startCli(['--port', '0'])
    try {
      const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', script.replace('BASE=http://127.0.0.1:9898', `BASE=${url}`)])
      const lines = stdout.trim().split('\n')
      expect(lines).toHaveLength(5)
      const [userList, clientList, ...statuses] = lines
      expect(JSON.parse(userList!)).toEqual([expect.stringMatching(/^[0-9a-f-]{36}$/)])
      expect(JSON.parse(clientList!)).toEqual(JSON.parse(userList!))
      expect(statuses).toEqual(['204', '204', '401'])
    } finally {
      child.kill('SIGTERM')
    }
  })
})
