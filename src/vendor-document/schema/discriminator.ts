/** @module OpenAPI discriminators: which property value names which branch (explicit mapping or the schema's name). */
import { isRecord } from './json-pointer.js'

export interface Discriminator {
  propertyName: string
  mapping: Record<string, string>
}

export function readDiscriminator(schema: Record<string, unknown>): Discriminator | undefined {
  const d = schema.discriminator
  if (!isRecord(d) || typeof d.propertyName !== 'string') return undefined
  const mapping: Record<string, string> = {}
  if (isRecord(d.mapping)) for (const [k, v] of Object.entries(d.mapping)) if (typeof v === 'string') mapping[k] = v
  return { propertyName: d.propertyName, mapping }
}

/** A mapping target is a `$ref` or a bare component name. */
function targetRef(target: string): string {
  return target.includes('#') || target.includes('/') ? target : `#/components/schemas/${target}`
}

/** The discriminator values that select the schema at `ref`: mapped ones, else its component name. */
export function discriminatorValues(d: Discriminator, ref: string): string[] {
  const mapped = Object.entries(d.mapping).filter(([, target]) => targetRef(target) === ref).map(([value]) => value)
  if (mapped.length > 0) return mapped
  const name = ref.slice(ref.lastIndexOf('/') + 1)
  return name === '' ? [] : [decodeURIComponent(name)]
}

/** The `$ref`s the mapping names, in document order (for a base schema without oneOf/anyOf). */
export function mappedRefs(d: Discriminator): string[] {
  return [...new Set(Object.values(d.mapping).map(targetRef))]
}
