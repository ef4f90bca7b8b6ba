import { describe, expect, it } from 'vitest'
import { findProfile, PROFILES } from '../profiles/index.js'
import { assertQuirks, QUIRKS, quirkApplies, type QuirkName } from './quirks.js'
import { createMock } from '../create-mock.js'

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

  it('accepts on vro-7.1 every quirk but those of rules only VBR, VSPC, VB365 or Veeam ONE have, and those on their profiles', () => {
    const all = Object.keys(QUIRKS) as QuirkName[]
    const vbrOnly: QuirkName[] = ['api-version-not-required', 'any-api-version-accepted', 'token-dates-inconsistent', 'dates-without-offset', 'authorization-code-reusable']
    const elsewhere: [QuirkName, string][] = [
      ['antiforgery-not-required', 'vb365-8'],
      ['logout-returns-204', 'vb365-7'],
      ['revoke-ignores-token-parameter', 'vone-12'],
      ['revoke-sid-ends-only-own-session', 'vone-13'],
      ['mfa-code-reusable', 'vspc-9'],
      ['api-key-survives-delete', 'vspc-9'],
      ['revoke-ends-only-own-session', 'vspc-9'],
    ]
    const notVro = [...vbrOnly, ...elsewhere.map(([q]) => q)]
    const vro = all.filter((q) => !notVro.includes(q))
    expect(assertQuirks(vro, vro71)).toEqual(vro)
    expect(assertQuirks(vbrOnly, findProfile('vbr-12')!)).toEqual(vbrOnly)
    for (const [q, id] of elsewhere) expect(assertQuirks([q], findProfile(id)!)).toEqual([q])
    for (const q of notVro) expect(() => assertQuirks([q], vro71)).toThrow(`Quirk "${q}" needs`)
  })

  it('refuses on vb365-6, which documents no logout, the logout quirks', () => {
    for (const q of ['logout-keeps-token', 'logout-returns-200', 'logout-returns-204'] as const) {
      expect(() => assertQuirks([q], findProfile('vb365-6')!)).toThrow('profile vb365-6 does not have')
    }
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
