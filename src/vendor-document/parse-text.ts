/** @module A document's text to a value: JSON, or YAML through the `yaml` package, loaded only when needed. */
import { DocumentError } from './document-error.js'

/** JSON documents start with `{` (after whitespace); anything else is read as YAML. */
export async function parseDocumentText(text: string, source: string): Promise<unknown> {
  const trimmed = text.replace(/^\uFEFF/, '').trimStart()
  if (trimmed.startsWith('{')) {
    try {
      return JSON.parse(trimmed)
    } catch (error) {
      throw new DocumentError(source, '', `not valid JSON (${(error as Error).message})`)
    }
  }
  // Most vendor documents are JSON: the YAML parser (about 100 modules) is loaded only for a YAML one.
  const { parse } = await import('yaml')
  try {
    return parse(trimmed, { maxAliasCount: 1000 })
  } catch (error) {
    throw new DocumentError(source, '', `not valid JSON or YAML (${(error as Error).message.split('\n')[0]})`)
  }
}
