import { describe, expect, it } from 'vitest'
import { findProfile, PROFILES } from '../profiles/index.js'
import { assertQuirks, QUIRKS, quirkApplies, type QuirkName } from './quirks.js'
import { createMock } from './create-mock.js'

const vac2 = findProfile('vac-2')!
const vro71 = findProfile('vro-7.1')!

describe('assertQuirks', () => {
  it.each(['constructor', '__proto__', 'toString', 'hasOwnProperty'])('refuses the inherited name %s as unknown', (name) => {
    expect(() => assertQuirks([name])).toThrow(`Unknown quirk "${name}"`)
  })

  it('refuses a client quirk on vac-2, which has no Clients resource, naming the quirks it has', () => {
    expect(() => assertQuirks(['clients-can-create-clients'], vac2)).toThrow(
      /^Quirk "clients-can-create-clients" needs a Clients resource, which profile vac-2 does not have; its quirks: .*logout-keeps-token/,
    )
    expect(() => createMock({ profile: 'vac-2', quirks: ['wrong-secret-accepted'] })).toThrow('needs the client_credentials grant')
    expect(() => createMock({ profile: 'vac-2', quirks: ['logout-returns-200'] })).toThrow('logout answered with another status than 200')
  })

  it('accepts every quirk on vro-7.1, which has every rule they break', () => {
    const all = Object.keys(QUIRKS) as QuirkName[]
    expect(assertQuirks(all, vro71)).toEqual(all)
  })

  it('accepts on each profile exactly the quirks quirkApplies lists for it', () => {
    for (const profile of PROFILES) {
      for (const name of Object.keys(QUIRKS) as QuirkName[]) {
        if (quirkApplies(name, profile)) expect(() => assertQuirks([name], profile)).not.toThrow()
        else expect(() => assertQuirks([name], profile)).toThrow(`profile ${profile.id} does not have`)
      }
    }
  })
})
