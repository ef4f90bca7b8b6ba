import { describe, expect, expectTypeOf, it } from 'vitest'
import type { StartMockOptions } from '../start-mock.js'
import { PROFILE_IDS, PROFILES, type ProfileId } from './index.js'
import type { ProfileFilePath } from './profile-file.js'

describe('the profile registry', () => {
  it('keys every profile by its own id, in the order of PROFILES', () => {
    expect(PROFILES.map((p) => p.id)).toEqual(PROFILE_IDS)
  })

  it('types startMock({ profile }) as the union of the ids (or a profile object, or a profile file path)', () => {
    expectTypeOf<'vro-7.1'>().toMatchTypeOf<ProfileId>()
    expectTypeOf<'vro-9'>().not.toMatchTypeOf<ProfileId>()
    expectTypeOf<string>().not.toMatchTypeOf<ProfileId>()
    expectTypeOf<NonNullable<StartMockOptions['profile']>>().toMatchTypeOf<ProfileId | (typeof PROFILES)[number] | ProfileFilePath>()
    expectTypeOf<'./vro-7.3.json'>().toMatchTypeOf<NonNullable<StartMockOptions['profile']>>()
    // @ts-expect-error -- a typo in a profile id no longer compiles
    const typo: StartMockOptions = { profile: 'vro-71' }
    expect(typo.profile).toBe('vro-71')
  })
})
