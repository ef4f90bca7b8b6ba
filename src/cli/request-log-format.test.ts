import { describe, expect, it } from 'vitest'
import { createMock } from '../create-mock.js'
import { escapeControl } from './control-characters.js'
import { requestPrinter } from './request-log-format.js'

/** The lines a mock logs for one request to `path`, in `mode`. */
async function logged(mode: 'requests' | 'json', path: string): Promise<string[]> {
  const lines: string[] = []
  const { app } = createMock({ onRequest: requestPrinter(mode, (line) => lines.push(line))! })
  await app.request(path)
  return lines
}

describe('request log lines', () => {
  it('--log requests: %0d%0a in a path cannot forge a second line, %1b[ passes no terminal escape', async () => {
    const lines = await logged('requests', '/x%0d%0a12:00:00.000 GET    /admin 200 1ms%1b[2J%c2%9b31m%e2%80%a8')
    expect(lines).toHaveLength(1)
    const [line] = lines as [string]
    expect(line).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/)
    expect(line).toContain('/x\\x0d\\x0a12:00:00.000 GET    /admin 200 1ms\\x1b[2J\\x9b31m\\u2028 404 ')
  })

  it('--log json: one line of valid JSON holding the path as sent, with no raw control character', async () => {
    const lines = await logged('json', '/x%0d%0a%1b[2J%c2%9b%7f')
    expect(lines).toHaveLength(1)
    expect(lines[0]).not.toMatch(/[\u0000-\u001f\u007f-\u009f]/)
    expect(JSON.parse(lines[0]!)).toMatchObject({ path: '/x\r\n\u001b[2J\u009b\u007f', status: 404 })
  })

  it('escapeControl leaves printable text, backslashes and non-ASCII letters alone', () => {
    expect(escapeControl('vdro\\administrator /api/v7.1/Clients é')).toBe('vdro\\administrator /api/v7.1/Clients é')
  })
})
