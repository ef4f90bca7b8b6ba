/** @module What the operations of one document share: its validators (compiled lazily), its seed, its $ref checks. */
import { BrokenRefs } from './broken-refs.js'
import type { CheckedDocument } from './check-document.js'
import { generate, validatorsFor } from './generate/generate.js'
import type { SchemaValidators } from './schema/validators.js'

export class DocumentRuntime {
  readonly brokenRefs: BrokenRefs

  constructor(
    readonly checked: CheckedDocument,
    readonly seed: string,
  ) {
    this.brokenRefs = new BrokenRefs(checked.root)
  }

  get root(): object {
    return this.checked.root
  }

  /** Shared with the generator, compiled per schema on first use: an operation never called compiles nothing. */
  get validators(): SchemaValidators {
    return validatorsFor(this.checked.root, this.checked.dialect)
  }

  /** A generated value: the same seed, schema and key give the same value on every run. */
  generate(schema: unknown, key: string, overrides?: Record<string, unknown>): unknown {
    return generate(schema, {
      root: this.checked.root,
      dialect: this.checked.dialect,
      seed: this.seed,
      key,
      ...(overrides === undefined || Object.keys(overrides).length === 0 ? {} : { overrides }),
    })
  }
}
