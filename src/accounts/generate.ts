/** @module Realistic extra accounts made with faker, the same for the same seed. */
import type { Profile } from '../profiles/profile.js'
import type { AccountFixture } from './fixtures.js'

/** What README and --help promise for every generated account: one password a newcomer can type. */
export const GENERATED_PASSWORD = 'Password1'

/**
 * `count` accounts in the profile's default domain, with roles drawn from the profile's API roles.
 * Faker is imported here, on demand: loading it costs start-up time nobody else should pay.
 */
export async function generateAccounts(profile: Profile, count: number, seed: number): Promise<AccountFixture[]> {
  const { Faker, en } = await import('@faker-js/faker')
  const faker = new Faker({ locale: [en], seed })
  const taken = new Set<string>()
  const accounts: AccountFixture[] = []
  while (accounts.length < count) {
    const first = faker.person.firstName()
    const last = faker.person.lastName()
    const base = faker.internet.username({ firstName: first, lastName: last }).toLowerCase().replace(/[^a-z0-9._-]/g, '')
    let name = base
    for (let n = 2; taken.has(name); n++) name = `${base}${n}`
    taken.add(name)
    accounts.push({
      username: `${profile.usernames.defaultDomain}\\${name}`,
      password: GENERATED_PASSWORD,
      role: faker.helpers.arrayElement(profile.roles),
    })
  }
  return accounts
}
