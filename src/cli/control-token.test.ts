import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { CONTROL_TOKEN_ENV, controlToken } from './control-token.js'
import { parseServeArgs, type ServeConfig } from './serve.js'

const dir = mkdtempSync(join(tmpdir(), 'control-token-'))
const file = (name: string, text: string | Buffer) => {
  const path = join(dir, name)
  writeFileSync(path, text)
  return path
}
const SECRET = 'S3cret-Tok3n'

describe('controlToken', () => {
  it('takes --control-token, else --control-token-file, else the environment variable; none: undefined', () => {
    const env = { [CONTROL_TOKEN_ENV]: 'from-env' }
    expect(controlToken({ 'control-token': 'from-flag' }, env)).toBe('from-flag')
    expect(controlToken({ 'control-token-file': file('t1', 'from-file\n') }, env)).toBe('from-file')
    expect(controlToken({}, env)).toBe('from-env')
    expect(controlToken({}, {})).toBeUndefined()
  })

  it("reads the file's first line, trimmed (CRLF, spaces), and ignores the rest", () => {
    expect(controlToken({ 'control-token-file': file('t2', `  ${SECRET} \r\nsecond line\n`) }, {})).toBe(SECRET)
    expect(controlToken({ 'control-token-file': file('t3', SECRET) }, {})).toBe(SECRET)
    expect(controlToken({}, { [CONTROL_TOKEN_ENV]: ` ${SECRET}\n` })).toBe(SECRET)
  })

  it.each([
    ['both flags', () => ({ 'control-token': SECRET, 'control-token-file': file('t4', SECRET) }), {}, 'Give --control-token or --control-token-file, not both.'],
    ['an empty --control-token', () => ({ 'control-token': '' }), {}, '--control-token needs a non-empty token.'],
    ['an empty --control-token-file name', () => ({ 'control-token-file': '' }), {}, '--control-token-file needs a file name.'],
    ['a missing file', () => ({ 'control-token-file': join(dir, 'missing') }), {}, `--control-token-file ${join(dir, 'missing')} cannot be read (ENOENT).`],
    ['a directory', () => ({ 'control-token-file': dir }), {}, `--control-token-file ${dir} cannot be read (EISDIR).`],
    ['an empty file', () => ({ 'control-token-file': file('t5', '') }), {}, `--control-token-file ${join(dir, 't5')} has an empty first line; the token goes there.`],
    ['a blank first line', () => ({ 'control-token-file': file('t6', ` \n${SECRET}\n`) }), {}, `--control-token-file ${join(dir, 't6')} has an empty first line; the token goes there.`],
    ['a first line over 4096 bytes', () => ({ 'control-token-file': file('t7', SECRET.repeat(1000)) }), {}, `--control-token-file ${join(dir, 't7')}: its first line is longer than 4096 bytes.`],
    ['an empty variable', () => ({}), { [CONTROL_TOKEN_ENV]: ' ' }, `${CONTROL_TOKEN_ENV} is set but empty; unset it or set the token.`],
  ])('refuses %s with one line that holds no token', (_, values, env, message) => {
    let error: Error | undefined
    try {
      controlToken(values(), env)
    } catch (caught) {
      error = caught as Error
    }
    expect(error?.message).toBe(message)
    expect(error?.message).not.toContain(SECRET)
  })

  it('reaches the mock from parseServeArgs, the environment included', async () => {
    const config = (await parseServeArgs(['--host', '0.0.0.0'], { [CONTROL_TOKEN_ENV]: SECRET })) as ServeConfig
    expect(config.options.control).toEqual({ token: SECRET, host: '0.0.0.0' })
    const fromFile = (await parseServeArgs(['--control-token-file', file('t8', `${SECRET}\n`)], {})) as ServeConfig
    expect(fromFile.options.control).toEqual({ token: SECRET, host: '127.0.0.1' })
  })
})
