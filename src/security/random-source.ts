/** @module Where token bytes come from: a pooled CSPRNG by default (one randomBytes call per token is costly on small machines). */
import { randomFillSync } from 'node:crypto'

export interface RandomSource {
  /** `byteCount` random bytes, encoded. */
  string(byteCount: number, encoding: 'base64' | 'base64url' | 'hex'): string
}

const POOL_BYTES = 64 * 1024

/** Cryptographically random bytes, drawn from a pool refilled in large chunks. Each byte is used once. */
export function cryptoRandomSource(): RandomSource {
  const pool = Buffer.allocUnsafe(POOL_BYTES)
  let offset = POOL_BYTES
  return {
    string(byteCount, encoding) {
      if (byteCount > POOL_BYTES) throw new RangeError(`at most ${POOL_BYTES} bytes at once`)
      if (offset + byteCount > POOL_BYTES) {
        randomFillSync(pool)
        offset = 0
      }
      const start = offset
      offset += byteCount
      return pool.toString(encoding, start, offset)
    },
  }
}
