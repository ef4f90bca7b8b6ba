/** @module A parsed document with the name it came by (file or URL), so messages name it; a bare object is `document N`. */
export class NamedDocument {
  constructor(
    readonly source: string,
    readonly value: unknown,
  ) {}
}

/** What createMock takes: parsed documents, named or not (reading and fetching belong to startMock and the CLI). */
export type ParsedDocument = object | NamedDocument
