/** @module A reproducible RandomSource for --token-seed: SHA-256 in counter mode. Predictable by design; never for real use. */
import { createHash } from 'node:crypto'
import type { RandomSource } from './random-source.js'

export interface SeededRandomSource extends RandomSource {
  /** Starts the sequence again from the seed. */
  reset(): void
}

/**
 * The same seed gives the same bytes in the same order, so tokens and client ids repeat run to run.
 *
 * @example
 * ```ts
 * const random = seededRandomSource('ci')
 * random.string(32, 'base64url') // the same string on every run
 * ```
 */
export function seededRandomSource(seed: string): SeededRandomSource {
  let counter = 0
  let buffered = Buffer.alloc(0)
  const block = () => createHash('sha256').update(`${seed}\u0000${counter++}`).digest()
  return {
    string(byteCount, encoding) {
      const blocks = [buffered]
      let length = buffered.length
      while (length < byteCount) {
        const next = block()
        blocks.push(next)
        length += next.length
      }
      const all = Buffer.concat(blocks)
      buffered = all.subarray(byteCount)
      return all.subarray(0, byteCount).toString(encoding)
    },
    reset() {
      counter = 0
      buffered = Buffer.alloc(0)
    },
  }
}
