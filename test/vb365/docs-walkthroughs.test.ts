/** @module The curl walkthroughs of docs/vb365.md and docs/veeam-one.md, run as written against the real CLI. */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { startCli } from '../support/cli-process.js'
import { docPage } from '../support/doc-page.js'

async function walkthrough(path: string, marker: string, profile: string): Promise<string[]> {
  const script = docPage(path).between(`<!-- walkthrough:${marker} -->`, '```\n\n').replace(/^```bash\n/, '')
  const { child, url } = await startCli(['--profile', profile, '--port', '0'])
  try {
    const local = script.replace(/^BASE=http:\/\/127\.0\.0\.1:\d+$/m, `BASE=${url}`)
    expect(local).not.toBe(script)
    const { stdout } = await promisify(execFile)('bash', ['-euo', 'pipefail', '-c', local])
    return stdout.trim().split('\n')
  } finally {
    child.kill('SIGTERM')
  }
}

describe('the product pages\' curl walkthroughs', () => {
  it('docs/vb365.md works verbatim against npm start -- --profile vb365-8', async () => {
    expect(await walkthrough('docs/vb365.md', 'vb365-8', 'vb365-8')).toEqual(['administrator', '8.1.0.305', '400', 'bearer', '204', '{"message":"Quota Exceeded"} 429'])
  })

  it('docs/veeam-one.md works verbatim against npm start -- --profile vone-12', async () => {
    expect(await walkthrough('docs/veeam-one.md', 'vone-12', 'vone-12')).toEqual(['Admin', '12.3.0.4670', '200', 'Unauthorized', '200'])
  })
})
