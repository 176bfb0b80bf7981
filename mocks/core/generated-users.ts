/**
 * What every dialect shares for `--users N` (the `users` option): the cap, the one documented password every
 * generated user logs in with, and the check that refuses a count out of range before anything is seeded.
 * @module
 */

/** The most users a server generates: a million newapi users already hold about 3 GB. */
export const MAX_GENERATED_USERS = 1_000_000;

/**
 * The password of every generated user. Hashing 100,000 passwords at 1,000 PBKDF2 iterations takes minutes, so
 * the seed hashes this one once and every generated user stores that same hash (salt included). It passes every
 * dialect's password rules (8–20 characters, letters and digits).
 */
export const GENERATED_USER_PASSWORD = 'Sandbox123456';

/**
 * `count`, checked: a whole number from 0 to {@link MAX_GENERATED_USERS}; `undefined` is 0.
 *
 * @example
 * const users = generatedUserCount(options.users); // throws a RangeError for 2_000_000
 */
export function generatedUserCount(count: number | undefined): number {
  if (count === undefined) return 0;
  if (!Number.isInteger(count) || count < 0 || count > MAX_GENERATED_USERS) {
    throw new RangeError(`Failed to start the reference server: users ${count} is out of range. Please use a whole number from 0 to ${MAX_GENERATED_USERS.toLocaleString('en')}.`);
  }
  return count;
}

/**
 * A username unique among `taken` (which it joins) without `uniqueUsername`'s numbered walk: the `n`th generated
 * user's number is appended after `_`, so a million names cost a million set lookups. Only a seeded name can
 * collide; a letter before the number then tells them apart.
 *
 * @example
 * generatedName('Ada.Lovelace', 7, 16, taken); // 'ada_lovelace_7'
 */
export function generatedName(base: string, n: number, maxLength: number, taken: Set<string>): string {
  const clean = base.toLowerCase().replace(/[^a-z0-9_]/g, '_');
  for (let k = 0; ; k++) {
    const suffix = `_${k === 0 ? '' : (k - 1).toString(36)}${n}`;
    const name = [clean.slice(0, Math.max(1, maxLength - suffix.length)), suffix].join('');
    if (!taken.has(name)) {
      taken.add(name);
      return name;
    }
  }
}
