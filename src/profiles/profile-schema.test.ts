/** @module The zod schema and the Profile type agree (checked by tsc), and every built-in profile passes the schema. */
import { describe, expect, expectTypeOf, it } from 'vitest'
import type { z } from 'zod'
import { PROFILES } from './index.js'
import type { Profile } from './profile.js'
import { ProfileSchema } from './profile-schema.js'

describe('ProfileSchema', () => {
  it('describes exactly the Profile type, as written and as parsed (a type check: tsc --noEmit fails otherwise)', () => {
    expectTypeOf<z.input<typeof ProfileSchema>>().branded.toEqualTypeOf<Profile>()
  })

  it.each(PROFILES.map((p) => [p.id, p] as const))('accepts built-in profile %s unchanged', (_id, profile) => {
    const result = ProfileSchema.safeParse(profile)
    expect(result.error?.issues).toBeUndefined()
    expect(result.data).toEqual(profile)
  })
})
