/** @module The one error for a schema the stand-in cannot validate against or generate from (the operation answers 501). */

/** `pointer` locates the schema (a `$ref` or a path below the schema handed in); the message never carries a value. */
export class UnsupportedSchema extends Error {
  constructor(
    readonly pointer: string,
    reason: string,
  ) {
    super(pointer === '' ? reason : `${reason} (at ${pointer})`)
    this.name = 'UnsupportedSchema'
  }
}
