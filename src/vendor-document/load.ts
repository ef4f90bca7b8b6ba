/** @module Loading `--openapi FILE|URL` (or a parsed object) at start: read or fetch once, parse JSON or YAML. */
import { readFile, stat } from 'node:fs/promises'
import { DocumentError } from './document-error.js'
import { fetchDocument, MAX_DOCUMENT_BYTES, type FetchOptions } from './fetch-document.js'
import { NamedDocument } from './named-document.js'
import { parseDocumentText } from './parse-text.js'

/** What `--openapi` and `startMock({ openapi })` take: a path, a URL, or an already parsed document. */
export type DocumentInput = string | URL | object


const isUrl = (text: string) => /^https?:\/\//i.test(text)

async function readDocumentFile(path: string): Promise<string> {
  try {
    if ((await stat(path)).size > MAX_DOCUMENT_BYTES) throw new DocumentError(path, '', `larger than ${MAX_DOCUMENT_BYTES / 1024 / 1024} MB`)
    return await readFile(path, 'utf8')
  } catch (error) {
    if (error instanceof DocumentError) throw error
    throw new DocumentError(path, '', `cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'})`)
  }
}

/** Reads, fetches or passes through one input; throws DocumentError with one line. */
export async function loadDocument(input: DocumentInput, index: number, options: FetchOptions = {}): Promise<NamedDocument> {
  if (input instanceof URL || (typeof input === 'string' && isUrl(input))) {
    const url = input instanceof URL ? input : new URL(input)
    const source = `${url.origin}${url.pathname}`
    return new NamedDocument(source, await parseDocumentText(await fetchDocument(url, options), source))
  }
  if (typeof input === 'string') return new NamedDocument(input, await parseDocumentText(await readDocumentFile(input), input))
  return input instanceof NamedDocument ? input : new NamedDocument(`document ${index + 1}`, input)
}

/** Every input, in order (fetched one after another: a lab server need not serve them in parallel). */
export async function loadDocuments(inputs: readonly DocumentInput[], options: FetchOptions = {}): Promise<NamedDocument[]> {
  const loaded: NamedDocument[] = []
  for (const [i, input] of inputs.entries()) loaded.push(await loadDocument(input, i, options))
  return loaded
}
