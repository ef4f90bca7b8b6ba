/** @module RFC 6238 TOTP (HMAC-SHA-1, 6 digits, 30 s steps) and RFC 4648 base32, for VSPC's second factor. */
import { createHmac } from 'node:crypto'

export const TOTP_STEP_SECONDS = 30
export const TOTP_DIGITS = 6

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** The bytes of an RFC 4648 base32 text (case, spaces and `=` padding ignored); undefined if it is not base32. */
export function base32Decode(text: string): Buffer | undefined {
  const clean = text.replace(/[\s=]/g, '').toUpperCase()
  if (clean === '' || !/^[A-Z2-7]+$/.test(clean)) return undefined
  const bytes: number[] = []
  let bits = 0
  let value = 0
  for (const char of clean) {
    value = (value << 5) | ALPHABET.indexOf(char)
    bits += 5
    if (bits >= 8) {
      bits -= 8
      bytes.push((value >>> bits) & 0xff)
    }
  }
  return Buffer.from(bytes)
}

/** The time step of an instant (milliseconds since the epoch). */
export const totpStep = (ms: number): number => Math.floor(ms / 1000 / TOTP_STEP_SECONDS)

/** RFC 4226 HOTP of `counter`, `digits` long, with RFC 6238's choice of hash. */
export function hotp(secret: Buffer, counter: number, digits = TOTP_DIGITS, hash: 'sha1' | 'sha256' | 'sha512' = 'sha1'): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(counter))
  const mac = createHmac(hash, secret).update(message).digest()
  const offset = mac[mac.length - 1]! & 0x0f
  const binary = mac.readUInt32BE(offset) & 0x7fffffff
  return String(binary % 10 ** digits).padStart(digits, '0')
}

/** The code valid at `ms` and how many seconds it stays valid. */
export function totpNow(secret: Buffer, ms: number): { code: string; validForSeconds: number } {
  const step = totpStep(ms)
  const validForSeconds = Math.ceil(((step + 1) * TOTP_STEP_SECONDS * 1000 - ms) / 1000)
  return { code: hotp(secret, step), validForSeconds }
}
