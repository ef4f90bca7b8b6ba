/** @module application/x-www-form-urlencoded pairs as URLSearchParams parses them, without building one (the token hot path). */

/** A percent-and-plus-decoded part, or undefined when decodeURIComponent refuses it (broken escapes, invalid UTF-8). */
function decode(part: string): string | undefined {
  if (part.indexOf('%') === -1 && part.indexOf('+') === -1) return part
  try {
    return decodeURIComponent(part.replaceAll('+', ' '))
  } catch {
    return undefined
  }
}

/**
 * The name/value pairs of a urlencoded body, in order, exactly as `new URLSearchParams(text)` yields them.
 * Plain parts are taken as they are; anything decodeURIComponent refuses (where the WHATWG parser
 * substitutes U+FFFD) goes to URLSearchParams itself. `text` is decoded UTF-8, so it has no lone surrogates.
 *
 * @example
 * ```ts
 * parseForm('grant_type=password&username=vdro%5Cadministrator') // [['grant_type', 'password'], ['username', 'vdro\\administrator']]
 * ```
 */
export function parseForm(text: string): [string, string][] {
  const pairs: [string, string][] = []
  for (const part of text.split('&')) {
    if (part === '') continue
    const eq = part.indexOf('=')
    const name = decode(eq === -1 ? part : part.slice(0, eq))
    const value = eq === -1 ? '' : decode(part.slice(eq + 1))
    if (name === undefined || value === undefined) return [...new URLSearchParams(text)]
    pairs.push([name, value])
  }
  return pairs
}
