/** @module The one error for a schema the stand-in cannot validate against or generate from (the operation answers 501). */

/** `pointer` locates the schema (a `$ref` or a path below the schema handed in); the message never carries a value. */
export class UnsupportedSchema extends Error {
  constructor(
    readonly pointer: string,
    reason: string,
  ) {
    // Pointers from deep recursion can be long; the message stays one readable line.
    super(pointer === '' ? reason : `${reason} (at ${pointer.length > 160 ? `${pointer.slice(0, 160)}...` : pointer})`)
    this.name = 'UnsupportedSchema'
  }
}
