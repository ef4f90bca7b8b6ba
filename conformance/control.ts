/** @module The mock's control API as the time checks use it: find it, read and move its clock, put the clock back. */
import { createHttp, TransportError, type Exchange, type HttpOptions, type RequestSpec } from './http.js'

export const NO_CONTROL = 'no control API (real server): time checks need a controllable clock'

export interface ClockState {
  now: string
  frozen: boolean
  offsetMs: number
}

export interface ControlOptions {
  /** The control API's base URL (default `<target>/__control`); given explicitly, a failure to use it is named. */
  url?: string
  token?: string
}

export interface Control {
  url: string
  clock(): Promise<ClockState>
  change(change: { advance: string } | { set: string } | { freeze: boolean }): Promise<ClockState>
  /** Puts the clock back to `before`: the same offset from real time, or the same frozen instant. */
  restore(before: ClockState): Promise<void>
}

const isClock = (json: unknown): json is ClockState => {
  const c = json as Partial<ClockState> | undefined
  return typeof c?.now === 'string' && typeof c.frozen === 'boolean' && typeof c.offsetMs === 'number'
}

const brief = (ex: Exchange) => `${ex.status}${ex.text === '' ? '' : ` ${ex.text.slice(0, 120)}`}`

/** The control API, or why the time checks cannot run (the skip reason). */
export async function findControl(target: string, options: ControlOptions, http: HttpOptions): Promise<Control | { reason: string }> {
  const url = (options.url ?? `${target.replace(/\/$/, '')}/__control`).replace(/\/$/, '')
  const send = createHttp(url, http)
  const bearer = options.token === undefined ? {} : { bearer: { value: options.token, placeholder: '$CONTROL_TOKEN' } }
  const call = async (spec: RequestSpec): Promise<ClockState> => {
    const ex = await send({ ...spec, ...bearer })
    if (ex.status !== 200 || !isClock(ex.json)) throw new Error(`${spec.method} ${url}${spec.path} answered ${brief(ex)}`)
    return ex.json
  }
  let probe: Exchange
  try {
    probe = await send({ method: 'GET', path: '/clock', ...bearer })
  } catch (error) {
    if (!(error instanceof TransportError)) throw error
    return { reason: `the control API at ${url} is unreachable: ${error.message}` }
  }
  if (probe.status !== 200 || !isClock(probe.json)) {
    if (options.url !== undefined || options.token !== undefined) return { reason: `the control API at ${url} is not usable: GET /clock answered ${brief(probe)}` }
    const hint = probe.status === 401 ? ' (GET /__control/clock answered 401: if this is the mock with a control token, pass --control-token)' : ''
    return { reason: `${NO_CONTROL}${hint}` }
  }
  const control: Control = {
    url,
    clock: () => call({ method: 'GET', path: '/clock' }),
    change: (change) => call({ method: 'POST', path: '/clock', json: change }),
    async restore(before) {
      if (before.frozen) {
        await control.change({ freeze: true })
        await control.change({ set: before.now })
        return
      }
      // Unfrozen, the offset is what "where it was" means: real time has moved on meanwhile.
      const now = await control.change({ freeze: false })
      await control.change({ advance: `${Math.round(before.offsetMs - now.offsetMs)}ms` })
    },
  }
  return control
}
