/** @module Control characters made visible: a logged request field can neither forge a line nor drive the terminal. */

// C0 controls, DEL, C1 controls (0x9b is a one-byte CSI on some terminals) and the Unicode line separators.
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/g

function escapeOne(char: string): string {
  const code = char.charCodeAt(0)
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16)}`
}

/**
 * `text` with every control character written as `\xNN` (or `\uNNNN`); a backslash stays as it is.
 *
 * @example
 * ```ts
 * escapeControl('/x\r\nforged') // '/x\\x0d\\x0aforged'
 * ```
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, escapeOne)
}

/** JSON.stringify, with the controls it leaves raw (DEL, C1, U+2028/9) escaped too; still valid JSON. */
export function safeJson(value: unknown): string {
  return JSON.stringify(value).replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`)
}
