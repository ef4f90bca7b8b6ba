/** @module The contract over everything the run saw: bodies match the spec's schemas; no 5xx answers a client mistake. */
import type { Context, Recorded } from '../context.js'

function schemaProblem(t: Context, ex: Recorded): string | undefined {
  const op = ex.operationId === undefined ? undefined : t.spec.operation(ex.operationId)
  if (op === undefined) return undefined
  if (!op.documents(ex.status)) return `${ex.method} ${ex.path}: status ${ex.status} is not documented`
  const validate = op.validator(ex.status)
  if (validate === undefined) return undefined
  if (validate(ex.json ?? ex.text)) return undefined
  const first = validate.errors?.[0]
  return `${ex.method} ${ex.path} ${ex.status}: ${first?.instancePath || '(body)'} ${first?.message ?? 'does not match'}`
}

export async function contractScenario(t: Context): Promise<void> {
  const seen = [...t.exchanges]
  const groups = {
    'success-bodies-match-spec': seen.filter((ex) => ex.status >= 200 && ex.status < 300),
    'token-error-bodies-match-spec': seen.filter((ex) => ex.status >= 400 && ex.operationId === 'issueToken'),
    'resource-error-bodies-match-spec': seen.filter((ex) => ex.status >= 400 && ex.operationId !== 'issueToken'),
  }
  for (const [id, exchanges] of Object.entries(groups)) {
    const bad = exchanges.map((ex) => [ex, schemaProblem(t, ex)] as const).filter(([, problem]) => problem !== undefined)
    const [ex, problem] = bad[0] ?? []
    t.check(
      id,
      bad.length === 0,
      `all ${exchanges.length} bodies match the spec`,
      `${bad.length} do not; first: ${problem ?? ''}`,
      ex,
    )
  }
  const crashes = seen.filter((ex) => ex.mistake && ex.status >= 500)
  const mistakes = seen.filter((ex) => ex.mistake).length
  t.check(
    'no-server-error-on-client-mistake',
    crashes.length === 0,
    `4xx for all ${mistakes} deliberate mistakes`,
    `${crashes.length} answered 5xx; first: ${crashes[0]?.method} ${crashes[0]?.path} ${crashes[0]?.status}`,
    crashes[0],
  )
}
