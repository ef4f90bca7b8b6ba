import { existsSync, readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { createMock } from '../src/create-mock.js'
import { chooseResponse } from '../src/vendor-document/responses.js'
import { SchemaValidators } from '../src/vendor-document/schema/validators.js'
import { ADMIN, bearer, login } from './support/flows.js'
import { vbrLikeDocument } from './support/vbr-like-document.js'

/** ../shared/vendor-specs beside the repository (or beside the worktrees' folder, for a git worktree). */
const VBR_FILE = ['../../shared/', '../../../shared/']
  .map((up) => new URL(`${up}vendor-specs/vbr-1.1-rev0.openapi.json`, import.meta.url))
  .find((candidate) => existsSync(candidate)) ?? new URL('../../shared/vendor-specs/vbr-1.1-rev0.openapi.json', import.meta.url)

/**
 * Calls every GET of the document once (ids taken from the lists, so members answer 200), and checks that
 * nothing answers 5xx and every generated body validates against its schema. Returns the status counts.
 */
async function everyGet(document: Record<string, unknown>, version: string): Promise<Map<number, number>> {
  const mock = createMock({ profile: 'vro-7.1', openapi: [document] })
  const validators = new SchemaValidators(document, '3.0')
  const { access_token } = await login(mock.app, ADMIN)
  const headers = { ...bearer(access_token), 'x-api-version': version }
  const statuses = new Map<number, number>()
  const ids = new Map<string, string>()
  for (const { op, member } of mock.documents!.served) {
    if (op.method !== 'GET') continue
    if (member !== undefined && !ids.has(member.list.op.path)) continue
    const path = op.path.replace(/\{[^}]+\}$/, (segment) => (member === undefined ? segment : ids.get(member.list.op.path)!)).replace(/\{[^}]+\}/g, '3fa85f64-5717-4562-b3fc-2c963f66afa6')
    const res = await mock.app.request(path, { headers })
    const text = await res.text()
    statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1)
    expect(res.status, `${path}: ${text.slice(0, 300)}`).toBeLessThan(500)
    if (member !== undefined) expect(res.status, `${path}: a member of ${member.list.op.path}`).toBe(200)
    if (res.status !== 200) continue
    const chosen = chooseResponse(document, op.operation.responses)
    const body = JSON.parse(text) as { data?: { id?: string }[] }
    const id = Array.isArray(body) ? (body[0] as { id?: string } | undefined)?.id : body.data?.[0]?.id
    if (typeof id === 'string') ids.set(op.path, id)
    // Examples are served as the vendor wrote them (they may break the schema); generated bodies must validate.
    if (chosen.examples.size === 0 && chosen.schema !== undefined) expect(validators.validate(chosen.schema, body, 'response'), path).toEqual([])
  }
  return statuses
}

describe('a large document (VBR-like, about 500 operations and 4 MB)', () => {
  it('costs createMock under a second more than without it (parsed once, nothing compiled), with no warnings', () => {
    const text = JSON.stringify(vbrLikeDocument())
    const bare = performance.now()
    createMock({ profile: 'vro-7.1' })
    const started = performance.now()
    const mock = createMock({ profile: 'vro-7.1', openapi: [JSON.parse(text) as object] })
    const extra = performance.now() - started - (started - bare)
    expect(mock.documents!.size).toBeGreaterThanOrEqual(450)
    expect(mock.warnings).toEqual([])
    expect(extra).toBeLessThan(1000)
  })

  it('answers every GET once without a 5xx; every generated body validates; members of lists answer 200', async () => {
    const statuses = await everyGet(vbrLikeDocument() as Record<string, unknown>, '1.3-rev2')
    expect(statuses.get(200)).toBeGreaterThan(150)
  }, 60_000)

  it.skipIf(!existsSync(VBR_FILE))('VBR 1.1-rev0 (../shared/vendor-specs, skipped when absent): every GET without a 5xx', async () => {
    const document = JSON.parse(readFileSync(VBR_FILE, 'utf8')) as Record<string, unknown>
    const statuses = await everyGet(document, '1.1-rev0')
    expect(statuses.get(200)).toBeGreaterThan(30)
  }, 60_000)
})
