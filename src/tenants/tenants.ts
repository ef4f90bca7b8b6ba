/** @module The live tenants of an instance: made on first use, dropped after an idle time, at most a cap at once. */
import type { Tenant } from './tenant.js'

export interface TenantLimits {
  /** Live named tenants at most; a request for one more is refused with 503 (default 10,000). */
  max: number
  /** A tenant no request reached for this long is dropped, its state with it (default 30 minutes). */
  idleMs: number
}

export const DEFAULT_TENANT_LIMITS: TenantLimits = { max: 10_000, idleMs: 30 * 60_000 }

/** Every tenant slot is taken: the request is refused (503 in the profile's error model) and nothing is made. */
export class TenantsFull extends Error {
  constructor(readonly max: number) {
    super(`All ${max} tenant slots are in use; retry when an idle tenant has been evicted, or start the mock with a higher --max-tenants.`)
  }
}

interface Live {
  tenant: Tenant
  /** Wall-clock milliseconds of its last request (the virtual clocks are the tenants' own business). */
  seen: number
}

export class Tenants {
  readonly #live = new Map<string, Live>()
  #swept = 0

  constructor(
    readonly limits: TenantLimits,
    private readonly make: (name: string) => Tenant,
    /** Told of each eviction (the default tenant's journal notes it). */
    private readonly onEvict: (name: string, idleMs: number) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** The tenant of this name, made from the fixtures if it is not live; throws TenantsFull beyond the cap. */
  get(name: string): Tenant {
    const now = this.now()
    this.#sweep(now)
    const live = this.#live.get(name)
    if (live !== undefined) {
      live.seen = now
      return live.tenant
    }
    if (this.#live.size >= this.limits.max) throw new TenantsFull(this.limits.max)
    const tenant = this.make(name)
    this.#live.set(name, { tenant, seen: now })
    return tenant
  }

  /** Drops every tenant idle for longer than the limit; scans at most once per tenth of it (cheap per request). */
  #sweep(now: number): void {
    if (now - this.#swept < this.limits.idleMs / 10) return
    this.#swept = now
    for (const [name, live] of this.#live) {
      const idle = now - live.seen
      if (idle > this.limits.idleMs) {
        this.#live.delete(name)
        this.onEvict(name, idle)
      }
    }
  }
}
