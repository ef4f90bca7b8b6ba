/** @module Numbers within a schema's bounds and multipleOf, shaped by the property's name (port, size, percent...). */
import type { Flat } from './flatten.js'
import type { Rng } from './random.js'

const int32 = [-(2 ** 31), 2 ** 31 - 1] as const

/** The range a realistic value for this property name falls in. */
function typicalRange(name: string): [number, number] {
  const n = name.toLowerCase()
  if (n.endsWith('port')) return [1024, 49151]
  if (/size|bytes|capacity|space|length$/.test(n)) return [1_048_576, 2_199_023_255_552]
  if (/percent|progress|ratio|usage/.test(n)) return [0, 100]
  if (/count|total|number|retries|quantity|items|limit/.test(n)) return [0, 50]
  if (/days|hours|minutes|retention|interval/.test(n)) return [1, 30]
  if (/timeout|seconds|duration|delay/.test(n)) return [1, 3600]
  if (/priority|level/.test(n)) return [1, 10]
  if (n.endsWith('year')) return [2020, 2026]
  if (/skip|offset/.test(n)) return [0, 0]
  return [1, 1000]
}

const decimals = (x: number) => {
  const s = String(x)
  const e = /e-(\d+)$/.exec(s)
  if (e) return Number(e[1])
  return s.includes('.') ? s.length - s.indexOf('.') - 1 : 0
}

/** A number (integer when asked) satisfying the flat schema's bounds; undefined if none exists. */
export function numberFor(flat: Flat, integer: boolean, name: string, rng: Rng): number | undefined {
  let lo = flat.minimum ?? -Infinity, hi = flat.maximum ?? Infinity
  const xlo = flat.exclusiveMinimum, xhi = flat.exclusiveMaximum
  if (flat.format === 'int32') [lo, hi] = [Math.max(lo, int32[0]), Math.min(hi, int32[1])]
  if (integer || flat.format === 'int64') [lo, hi] = [Math.max(lo, Number.MIN_SAFE_INTEGER), Math.min(hi, Number.MAX_SAFE_INTEGER)]
  const step = flat.multipleOf ?? (integer ? 1 : 0)
  const ok = (v: number) =>
    v >= lo && v <= hi && (xlo === undefined || v > xlo) && (xhi === undefined || v < xhi) && (!integer || Number.isInteger(v)) &&
    (flat.multipleOf === undefined || Number.isInteger(v / flat.multipleOf)) // exactly ajv's test, float error included
  // Narrow to the typical range when it overlaps the allowed one, so ports look like ports; else the allowed one.
  const [tlo, thi] = typicalRange(name)
  const a = Math.max(lo, xlo ?? -Infinity), b = Math.min(hi, xhi ?? Infinity)
  if (a > b) return undefined
  const wide: [number, number] = !Number.isFinite(a) && !Number.isFinite(b) ? [tlo, thi] : !Number.isFinite(a) ? [b - 1000, b] : !Number.isFinite(b) ? [a, a + 1000] : [a, b]
  const ranges: [number, number][] = Math.max(a, tlo) <= Math.min(b, thi) ? [[Math.max(a, tlo), Math.min(b, thi)], wide] : [wide]
  for (const [from, to] of ranges) {
    for (let attempt = 0; attempt < 20; attempt++) {
      let v: number
      if (attempt > 10) v = attempt % 2 === 0 ? boundary(from, step, true) : boundary(to, step, false)
      else if (step > 0) v = Number((rng.int(Math.ceil(from / step), Math.floor(to / step)) * step).toFixed(Math.min(20, decimals(step))))
      else v = Number((from + rng.next() * (to - from)).toFixed(2))
      if (ok(v)) return v
    }
    // Binary floats make most multiples of 0.1 fail that test; whole numbers usually pass it.
    for (let v = Math.ceil(from), n = 0; v <= to && n < 50; v++, n++) if (ok(v)) return v
  }
  return undefined
}

/** The multiple of `step` nearest to `edge` on the inside. */
function boundary(edge: number, step: number, up: boolean): number {
  if (step <= 0) return edge
  const k = up ? Math.ceil(edge / step) : Math.floor(edge / step)
  return Number((k * step).toFixed(Math.min(20, decimals(step))))
}
