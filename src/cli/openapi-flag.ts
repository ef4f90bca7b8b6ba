/** @module --openapi FILE|URL (repeatable) with --insecure / --ca FILE: the vendor documents, loaded once at start. */
import { readFileSync } from 'node:fs'
import { DocumentError } from '../vendor-document/document-error.js'
import type { DocumentRoutes } from '../vendor-document/document-routes.js'
import { loadDocuments } from '../vendor-document/load.js'
import type { NamedDocument } from '../vendor-document/named-document.js'
import { UsageError } from './usage-error.js'

export const OPENAPI_FLAGS = {
  openapi: { type: 'string', multiple: true },
  insecure: { type: 'boolean' },
  ca: { type: 'string' },
} as const

export const OPENAPI_HELP = `  --openapi FILE|URL    the vendor's OpenAPI document (JSON or YAML; 3.0, 3.1 or Swagger 2.0; repeatable):
                        every operation the profile does not answer itself is served behind its token,
                        answers from the document's examples or generated from --seed (docs/vendor-document.md)
  --insecure            with an https --openapi URL: accept any certificate (a lab server's self-signed one)
  --ca FILE             with an https --openapi URL: trust this PEM certificate`

export interface OpenapiFlagValues {
  openapi?: string[] | undefined
  insecure?: boolean | undefined
  ca?: string | undefined
}

/** Reads or fetches every --openapi document; a problem is one UsageError line (exit 2). */
export async function readOpenapiFlags(values: OpenapiFlagValues): Promise<NamedDocument[] | undefined> {
  const inputs = values.openapi ?? []
  if (inputs.length === 0) {
    if (values.insecure === true || values.ca !== undefined) throw new UsageError('--insecure and --ca apply to --openapi URLs; give an --openapi URL.')
    return undefined
  }
  let ca: string | undefined
  if (values.ca !== undefined) {
    try {
      ca = readFileSync(values.ca, 'utf8')
    } catch (error) {
      throw new UsageError(`--ca ${values.ca} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}).`)
    }
  }
  try {
    return await loadDocuments(inputs, { insecure: values.insecure === true, ...(ca === undefined ? {} : { ca }) })
  } catch (error) {
    throw asUsageError(error)
  }
}

/** DocumentError (from loading or from createMock's check) as the CLI's one line. */
export function asUsageError(error: unknown): unknown {
  return error instanceof DocumentError ? new UsageError(`Bad OpenAPI document: ${error.message}`) : error
}

/** The banner line for the documents; empty without any. */
export function documentsBannerLine(documents: DocumentRoutes | undefined): string {
  if (documents === undefined) return ''
  const sources = documents.runtimes.map((r) => r.checked.source).join(', ')
  const shadowed = documents.shadowed.length === 0 ? '' : `; ${documents.shadowed.length} answered by the profile itself`
  return `\n  Documents   ${documents.size} operations from ${sources}${shadowed}`
}

/** At most this many warning lines; the rest are counted. */
const SHOWN_WARNINGS = 20

export function printDocumentWarnings(warnings: readonly string[], err: (line: string) => void): void {
  for (const warning of warnings.slice(0, SHOWN_WARNINGS)) err(`warning: ${warning}`)
  if (warnings.length > SHOWN_WARNINGS) err(`warning: and ${warnings.length - SHOWN_WARNINGS} more operations that answer 501 or were left out`)
}
