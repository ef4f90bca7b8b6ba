/** @module RFC 6238 TOTP (SHA-1, 6 digits, 30 s) over an RFC 4648 base32 secret: the suite's own, to log in an MFA account. */
import { createHmac } from 'node:crypto'

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567'

/** The secret's bytes, or undefined when it is not base32. */
export function decodeBase32(text: string): Buffer | undefined {
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

/** The six-digit code of the 30-second step `offset` steps from the one holding `ms`. */
export function totpCode(secret: Buffer, ms: number, offset = 0): string {
  const message = Buffer.alloc(8)
  message.writeBigUInt64BE(BigInt(Math.floor(ms / 30_000) + offset))
  const mac = createHmac('sha1', secret).update(message).digest()
  const at = mac[mac.length - 1]! & 0x0f
  return String((mac.readUInt32BE(at) & 0x7fffffff) % 1_000_000).padStart(6, '0')
}
