/**
 * @module The generator's own Faker, loaded on first need (synchronously: require(esm), Node >= 20.19) so that
 * start-up never pays for it, and drawing from the generator's seeded stream rather than faker's global one.
 * Only the English locale is loaded (a fifth of the time of faker's index, which pulls in every locale).
 */
import type { Faker, LocaleDefinition, Randomizer } from '@faker-js/faker'
import { createRequire } from 'node:module'

let instance: Faker | undefined
let source: () => number = () => 0

/** The shared instance, drawing from `next` until the next call. */
export function fakerFrom(next: () => number): Faker {
  source = next
  if (instance === undefined) {
    const { faker: english } = createRequire(import.meta.url)('@faker-js/faker/locale/en') as { faker: Faker }
    // The locale module exports an instance, not the class; its constructor is the class.
    const FakerClass = english.constructor as new (options: { locale: LocaleDefinition; randomizer: Randomizer }) => Faker
    const randomizer: Randomizer = { next: () => source(), seed: () => undefined }
    instance = new FakerClass({ locale: english.rawDefinitions, randomizer })
  }
  return instance
}
