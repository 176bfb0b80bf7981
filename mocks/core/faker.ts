/**
 * A seeded faker with a compact locale: the names and email domains seed data needs, without bundling faker's
 * full `en` locale (over a megabyte) into browser builds of the mocks.
 * @module
 */
import { base, Faker, type LocaleDefinition } from '@faker-js/faker';

const FIRST_NAMES = [
  'Ada', 'Alan', 'Alice', 'Amara', 'Arjun', 'Bea', 'Boris', 'Carmen', 'Chen', 'Dmitri', 'Elena', 'Emeka', 'Farah', 'Grace',
  'Hiro', 'Ines', 'Ivan', 'Jonas', 'Kaito', 'Lena', 'Linus', 'Maya', 'Mei', 'Nadia', 'Omar', 'Priya', 'Rosa', 'Sami', 'Tariq',
  'Uma', 'Victor', 'Wei', 'Yara', 'Zoe',
];
const LAST_NAMES = [
  'Abbott', 'Alvarez', 'Berg', 'Brooks', 'Castro', 'Dubois', 'Eriksen', 'Fischer', 'Garcia', 'Haddad', 'Ito', 'Jensen',
  'Kowalski', 'Li', 'Moreau', 'Nakamura', 'Novak', 'Okafor', 'Patel', 'Quinn', 'Rossi', 'Sato', 'Schmidt', 'Silva', 'Tanaka',
  'Van Dijk', 'Wang', 'Weber', 'Yilmaz', 'Zhang',
];

const COMPACT_LOCALE: LocaleDefinition = {
  person: { first_name: { generic: FIRST_NAMES }, last_name: { generic: LAST_NAMES } },
  internet: { free_email: ['gmail.com', 'outlook.com', 'proton.me', 'example.com'] },
};

/**
 * A faker instance seeded with `seed` (a 31-bit integer), independent of faker's global instance.
 *
 * @example
 * const faker = createFaker(random.int(0x7fffffff));
 * faker.person.firstName();
 */
export function createFaker(seed: number): Faker {
  const faker = new Faker({ locale: [COMPACT_LOCALE, base] });
  faker.seed(seed);
  return faker;
}

/**
 * A faker username made safe for seed data: lower-cased to `[a-z0-9_]`, cut to `maxLength`, then numbered
 * until it is not in `taken` (which it joins).
 *
 * @example
 * uniqueUsername('Ada.Lovelace', new Set(['ada_lovelace']), 16); // 'ada_lovelace2'
 */
export function uniqueUsername(raw: string, taken: Set<string>, maxLength: number): string {
  const base = raw.toLowerCase().replace(/[^a-z0-9_]/g, '_').slice(0, maxLength) || 'user';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base}${n}`;
  taken.add(name);
  return name;
}
