/** @module The stubs of one mock: those it started with (kept on reset) and those added at runtime (dropped on reset). */
import type { Profile } from '../profiles/profile.js'
import { collision, compileTemplate, type PathTemplate } from './stub-paths.js'
import { entryName, parseStub, StubError, type Stub, type StubInput } from './stub-schema.js'

/** A stub as listed: where it came from. */
export type StubView = Stub & { origin: 'startup' | 'runtime' }

interface Entry {
  stub: Stub
  origin: StubView['origin']
  template: PathTemplate
  /** Built once: a stub answers the same bytes every time. */
  body: string | null
  headers: Record<string, string>
}

export type StubMatch =
  | { kind: 'stub'; stub: Stub; params: Record<string, string>; respond(): Response }
  /** The path is a stub's, the method is not: 405 with these methods. */
  | { kind: 'method-not-allowed'; allow: string[] }

/** Two stubs with one key collide: the same method on the same path shape. */
const keyOf = (entry: Entry) => `${entry.stub.method} ${entry.template.shape}`

const viewOf = ({ stub, origin }: Entry): StubView => ({ ...structuredClone(stub), origin })

function entryOf(stub: Stub, origin: StubView['origin']): Entry {
  const headers = { ...stub.headers }
  const body = stub.body === undefined ? null : typeof stub.body === 'string' ? stub.body : JSON.stringify(stub.body)
  // Set explicitly: node-server's Response does not default a string body to text/plain.
  if (body !== null && !Object.keys(headers).some((name) => name.toLowerCase() === 'content-type')) {
    headers['Content-Type'] = typeof stub.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json'
  }
  return { stub: structuredClone(stub), origin, template: compileTemplate(stub.path), body, headers }
}

/** Default of the most stubs one mock holds (`maxStubs`, `--max-stubs`). */
export const DEFAULT_MAX_STUBS = 1000

/** One level of the index: stubs go down by their literal segments or their parameter; those ending here are `entries`. */
interface IndexNode {
  literal: Map<string, IndexNode>
  param?: IndexNode
  /** With their rank: runtime before startup, then the order added. */
  entries: { entry: Entry; rank: number }[]
}

const newNode = (): IndexNode => ({ literal: new Map(), entries: [] })

const segmentsOf = (path: string) => (path === '/' ? [] : path.slice(1).split('/'))

/** A tree of the templates by segment, so a request only meets the stubs whose literal segments it shares. */
function buildIndex(entries: readonly Entry[]): IndexNode {
  const root = newNode()
  entries.forEach((entry, rank) => {
    let node = root
    for (const segment of segmentsOf(entry.stub.path)) {
      if (segment.startsWith('{')) node = node.param ??= newNode()
      else {
        let next = node.literal.get(segment)
        if (next === undefined) node.literal.set(segment, (next = newNode()))
        node = next
      }
    }
    node.entries.push({ entry, rank })
  })
  return root
}

/** Every indexed stub whose template matches all of `segments`; the depth is bounded by the longest template. */
function collect(node: IndexNode, segments: readonly string[], at: number, found: IndexNode['entries']): void {
  if (at === segments.length) {
    found.push(...node.entries)
    return
  }
  const segment = segments[at]!
  const literal = node.literal.get(segment)
  if (literal !== undefined) collect(literal, segments, at + 1, found)
  if (node.param !== undefined && segment !== '') collect(node.param, segments, at + 1, found)
}

export class StubRegistry {
  readonly #profile: Profile
  readonly #startup: Entry[]
  readonly #max: number
  #runtime: Entry[] = []
  #index: IndexNode
  /** Changes whenever the list does, so a cached OpenAPI document knows it is stale. */
  version = 0

  /** Validates `stubs` against the schema and the profile; throws StubError naming the entry, or when there are more than `max`. */
  constructor(profile: Profile, stubs: readonly (Stub | StubInput)[], max = DEFAULT_MAX_STUBS) {
    this.#profile = profile
    this.#max = max
    if (stubs.length > max) throw new StubError(`${stubs.length} stubs, more than the ${max} a mock holds (raise it with --max-stubs or maxStubs)`)
    const seen = new Map<string, number>()
    this.#startup = stubs.map((input, index) => {
      const where = entryName(input, index)
      const entry = this.#check(parseStub(input, where), 'startup', where)
      const key = keyOf(entry)
      const earlier = seen.get(key)
      if (earlier !== undefined) throw new StubError(`${where}: repeats entry ${earlier + 1} (same method and path)`)
      seen.set(key, index)
      return entry
    })
    this.#index = buildIndex(this.#startup)
  }

  #check(stub: Stub, origin: StubView['origin'], where?: string): Entry {
    const prefix = where === undefined ? '' : `${where}: `
    const entry = entryOf(stub, origin)
    const problem = collision(entry.template, this.#profile)
    if (problem !== undefined) throw new StubError(`${prefix}path: ${stub.path} ${problem}`)
    if (stub.as === 'client' && !this.#profile.grants.includes('client_credentials')) {
      throw new StubError(`${prefix}as: "client" cannot be met: profile ${this.#profile.id} has no client accounts`)
    }
    return entry
  }

  get size(): number {
    return this.#startup.length + this.#runtime.length
  }

  /** Adds a stub at runtime; one with the same method and path shape is replaced. Throws StubError. */
  add(input: StubInput): Stub {
    const entry = this.#check(parseStub(input), 'runtime')
    const kept = this.#runtime.filter((e) => keyOf(e) !== keyOf(entry))
    if (this.#startup.length + kept.length >= this.#max) {
      throw new StubError(`the mock holds at most ${this.#max} stubs (raise it with --max-stubs or maxStubs); nothing was added`)
    }
    this.#runtime = [...kept, entry]
    this.#reindex()
    return structuredClone(entry.stub)
  }

  /** Runtime stubs first (they shadow a startup stub of the same shape), each in the order added. */
  list(): StubView[] {
    return [...this.#runtime, ...this.#startup].map(viewOf)
  }

  /** The stubs that can answer: list() without the startup stubs a runtime stub shadows. */
  served(): StubView[] {
    const shadowing = new Set(this.#runtime.map(keyOf))
    return [...this.#runtime, ...this.#startup.filter((e) => !shadowing.has(keyOf(e)))].map(viewOf)
  }

  /** Drops the runtime stubs; the startup ones stay. Returns how many were dropped. */
  clear(): number {
    const count = this.#runtime.length
    if (count > 0) this.#runtime = []
    this.#reindex()
    return count
  }

  #reindex(): void {
    this.#index = buildIndex([...this.#runtime, ...this.#startup])
    this.version++
  }

  /**
   * The stub for `method path`: of the templates that match, the one with the most literal segments,
   * then runtime before startup, then the order added. A path some stub has with another method gives 405.
   */
  match(method: string, path: string): StubMatch | undefined {
    const candidates: IndexNode['entries'] = []
    collect(this.#index, segmentsOf(path), 0, candidates)
    if (candidates.length === 0) return undefined
    let best: { entry: Entry; rank: number } | undefined
    const allow = new Set<string>()
    for (const candidate of candidates) {
      const { stub, template } = candidate.entry
      allow.add(stub.method)
      if (stub.method !== method) continue
      const literals = template.literalCount
      if (best === undefined || literals > best.entry.template.literalCount || (literals === best.entry.template.literalCount && candidate.rank < best.rank)) best = candidate
    }
    if (best !== undefined) {
      const { stub, body, headers, template } = best.entry
      const params = template.match(path) ?? {}
      return { kind: 'stub', stub, params, respond: () => new Response(body, { status: stub.status, headers }) }
    }
    return allow.size > 0 ? { kind: 'method-not-allowed', allow: [...allow] } : undefined
  }
}
