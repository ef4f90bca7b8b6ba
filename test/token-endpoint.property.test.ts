/** @module Property tests: whatever reaches POST /api/token, the answer is a 200 or an RFC 6749 error, never a 5xx. */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ADMIN_FORM, FORM, frozenMock, login, snapshot } from './support/snapshot.js'

const REGISTERED = [
  'invalid_request',
  'invalid_client',
  'invalid_grant',
  'unauthorized_client',
  'unsupported_grant_type',
  'invalid_scope',
]

const KEYS = ['grant_type', 'username', 'password', 'client_id', 'client_secret', 'refresh_token', 'scope']
const GRANTS = ['password', 'client_credentials', 'refresh_token', 'authorization_code', '']

/** Text that stresses decoders: control characters, lone surrogates, broken escapes, huge runs. */
const nastyText = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom('%', '%z', '%zz', '%E0%A4%A', '%FF%FE', '%00', '\u0000', '\r\n', '\ud800', '+', '=', '&&', '[]'),
  fc.constantFrom('vdro\\administrator', 'administrator', 'Password1', 'vdro%5Cadministrator'),
  fc.nat({ max: 70_000 }).map((n) => 'x'.repeat(n)),
)

/** A key, sometimes with `[]` or a registered name repeated. */
const key = fc.oneof(fc.constantFrom(...KEYS), fc.constantFrom(...KEYS).map((k) => `${k}[]`), fc.string({ maxLength: 12 }))

const pair = fc.tuple(key, fc.oneof(fc.constantFrom(...GRANTS), nastyText))

const urlencoded = fc
  .array(pair, { maxLength: 8 })
  .chain((pairs) => fc.boolean().map((encode) => ({ pairs, encode })))
  .map(({ pairs, encode }) =>
    pairs.map(([k, v]) => (encode ? new URLSearchParams([[k, v]]).toString() : `${k}=${v}`)).join('&'),
  )

const BOUNDARY = 'xYzBoundary'
const multipart = fc.array(pair, { maxLength: 6 }).map((pairs) =>
  pairs
    .map(([k, v]) => `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`)
    .join('')
    .concat(`--${BOUNDARY}--\r\n`),
)

const contentType = fc.oneof(
  fc.constantFrom(
    'application/x-www-form-urlencoded',
    'application/x-www-form-urlencoded; charset=utf-8',
    'APPLICATION/X-WWW-FORM-URLENCODED',
    `multipart/form-data; boundary=${BOUNDARY}`,
    'multipart/form-data',
    'multipart/form-data; boundary=other',
    'application/json',
    'text/plain',
    ';',
    '',
  ),
  fc.string({ maxLength: 30 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
)

const body = fc.oneof(
  urlencoded,
  multipart,
  nastyText,
  fc.uint8Array({ maxLength: 200 }),
  fc.constant(JSON.stringify({ grant_type: 'password', username: 'administrator', password: 'Password1' })),
)

/** Header values a client could put on the wire (HTTP forbids CR, LF and NUL in them). */
const headerText = fc.string({ maxLength: 60 }).filter((s) => /^[\x20-\x7e]*$/.test(s))
const basicOf = (text: string) => `Basic ${Buffer.from(text, 'utf8').toString('base64')}`
const authorization = fc.option(
  fc.oneof(
    headerText,
    headerText.map((s) => `Basic ${s}`),
    headerText.map((s) => `Bearer ${s}`),
    fc.string({ unit: 'binary', maxLength: 40 }).map(basicOf),
    fc.tuple(nastyText, nastyText).map(([id, secret]) => basicOf(`${id.slice(0, 300)}:${secret.slice(0, 300)}`)),
    fc.constantFrom('Basic', 'Basic ', 'Basic =', 'Basic ====', 'basic Og==', 'Basic %%%', 'Bearer', 'Bearer '),
  ),
  { nil: undefined },
)

const request = fc.record({ contentType: fc.option(contentType, { nil: undefined }), body, authorization })

describe('POST /api/token under arbitrary input', () => {
  it('never answers 5xx; each 4xx is RFC 6749 JSON with a registered code; a refusal changes no state', async () => {
    const mock = frozenMock()
    await fc.assert(
      fc.asyncProperty(request, async ({ contentType, body, authorization }) => {
        const before = snapshot(mock.state)
        const headers: Record<string, string> = {}
        if (contentType !== undefined) headers['content-type'] = contentType
        if (authorization !== undefined) headers.authorization = authorization
        const res = await mock.app.request('/api/token', { method: 'POST', headers, body })
        expect(res.status).toBeLessThan(500)
        if (res.status === 200) return
        expect([400, 401, 413]).toContain(res.status)
        expect(res.headers.get('content-type')).toMatch(/^application\/json/)
        expect(res.headers.get('cache-control')).toBe('no-store')
        const error = (await res.json()) as Record<string, unknown>
        expect(Object.keys(error).sort()).toEqual(['error', 'error_description'])
        expect(REGISTERED).toContain(error.error)
        expect(typeof error.error_description).toBe('string')
        expect(snapshot(mock.state)).toBe(before)
      }),
      { numRuns: 300 },
    )
    const res = await mock.app.request('/api/token', { method: 'POST', headers: FORM, body: ADMIN_FORM })
    expect(res.status).toBe(200)
  })

  it('a refused refresh grant consumes nothing: the refresh token still works afterwards', async () => {
    const mock = frozenMock()
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(key, nastyText), { minLength: 1, maxLength: 6 }), async (extra) => {
        const { refresh_token } = await login(mock)
        const before = snapshot(mock.state)
        const form = new URLSearchParams([['grant_type', 'refresh_token'], ['refresh_token', refresh_token], ...extra])
        const res = await mock.app.request('/api/token', { method: 'POST', headers: FORM, body: form.toString() })
        if (res.status === 200) return
        expect([400, 413]).toContain(res.status)
        expect(snapshot(mock.state)).toBe(before)
        const again = new URLSearchParams({ grant_type: 'refresh_token', refresh_token })
        const retry = await mock.app.request('/api/token', { method: 'POST', headers: FORM, body: again.toString() })
        expect(retry.status).toBe(200)
      }),
      { numRuns: 150, examples: [[[['refresh_token', 'again']]], [[['grant_type', 'password']]]] },
    )
  })
})
