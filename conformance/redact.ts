/** @module Keeps secrets out of every line the suite prints or writes: known values are replaced by placeholders. */

const SECRET_KEY = /token|secret|password/i

export class Redactor {
  readonly #secrets = new Map<string, string>()

  /** Remembers `value` as a secret shown as `<placeholder>`. */
  add(value: string, placeholder: string): void {
    if (value.length >= 4 && !this.#secrets.has(value)) this.#secrets.set(value, `<${placeholder}>`)
  }

  /** Remembers every string under a key that names a secret, at any depth of a parsed body. */
  addFrom(body: unknown): void {
    if (Array.isArray(body)) body.forEach((item) => this.addFrom(item))
    else if (typeof body === 'object' && body !== null) {
      for (const [key, value] of Object.entries(body)) {
        if (typeof value === 'string' && SECRET_KEY.test(key) && key !== 'token_type') this.add(value, key)
        else this.addFrom(value)
      }
    }
  }

  apply(text: string): string {
    let out = text
    // Longest first, so a secret that contains another is replaced whole.
    for (const [value, placeholder] of [...this.#secrets].sort((a, b) => b[0].length - a[0].length)) {
      out = out.split(value).join(placeholder)
    }
    return out
  }
}
