/** @module A vendor document the mock refuses: where (a JSON pointer) and why, as one line. */
export class DocumentError extends Error {
  constructor(
    /** Which document: its file, its URL, or `document N` for a parsed object. */
    readonly source: string,
    /** Where in it ('' for the whole document). */
    readonly pointer: string,
    readonly reason: string,
  ) {
    super(`${source}: ${pointer === '' ? '(document)' : pointer}: ${reason}`)
  }
}
