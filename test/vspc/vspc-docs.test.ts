/** @module docs/vspc.md: its curl walkthrough (login, MFA login, API key, revoke) run as written against the real CLI. */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { startCli } from '../support/cli-process.js'
import { docPage } from '../support/doc-page.js'

describe('docs/vspc.md', () => {
  it('has a vspc-9 curl walkthrough that works verbatim against npm start -- --profile vspc-9', async () => {
    const script = docPage('docs/vspc.md').between('<!-- walkthrough:vspc-9 -->', '```\n\n').replace(/^```bash\n/, '')
    const { child, url } = await startCli(['--profile', 'vspc-9', '--port', '0'])
    try {
      const local = script.replace(/^BASE=http:\/\/127\.0\.0\.1:1280$/m, `BASE=${url}`)
      expect(local).not.toBe(script)
      const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', local])
      expect(stdout.trim().split('\n')).toEqual(['vspc\\administrator', 'bearer', '9.0.0.29555', '{"data":true}', '401', '{"data":true}', '401'])
    } finally {
      child.kill('SIGTERM')
    }
  })
})

describe('docs/vspc.md conformance command', () => {
  it('passes --strict against npm start -- --profile vspc-9, MFA checks included (codes from the control API)', async () => {
    const script = docPage('docs/vspc.md').between('<!-- walkthrough:vspc-conformance -->', '```\n\n').replace(/^```bash\n/, '')
    const { child, url } = await startCli(['--profile', 'vspc-9', '--port', '0'])
    try {
      const local = script.replace('http://127.0.0.1:1280', url)
      expect(local).not.toBe(script)
      const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', local], { cwd: new URL('../..', import.meta.url).pathname })
      for (const id of ['mfa-password-step-gives-mfa-token', 'mfa-wrong-code-refused', 'mfa-code-completes-login', 'mfa-reused-code-refused', 'deleted-api-key-refused', 'revoke-ends-every-session-of-user']) {
        expect(stdout).toMatch(new RegExp(`PASS +MUST +${id} `))
      }
      expect(stdout).toMatch(/\d+ passed, 0 failed, 0 warnings, \d+ skipped/)
    } finally {
      child.kill('SIGTERM')
    }
  }, 60_000)
})
