/**
 * SQL `LOWER()` as SQLite (upstream new-api's default database) evaluates it without the ICU extension: only the
 * ASCII letters `A`–`Z` are folded, so `LOWER('É')` is still `É`. new-api compares `LOWER(email) = ?` against a
 * Go-lower-cased address (model/user.go), so an address whose stored form holds an upper-case non-ASCII letter is
 * never matched; JS `toLowerCase()` would match it.
 * @module
 */

/**
 * One code point folded as SQLite folds it: `A`–`Z` to `a`–`z`, every other code point unchanged.
 *
 * @example
 * sqliteFold(0x41); // 0x61 ('A' to 'a')
 * sqliteFold(0xc9); // 0xc9 ('É' stays)
 */
export function sqliteFold(code: number): number {
  return code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
}

/**
 * `LOWER(text)` in SQLite: ASCII letters lower-cased, everything else as it was.
 *
 * @example
 * sqliteLower('Élise@Example.COM'); // 'Élise@example.com'
 */
export function sqliteLower(text: string): string {
  // An ASCII letter is one UTF-16 unit and never half of a surrogate pair, so a per-unit replace is safe.
  return text.replace(/[A-Z]/g, (letter) => String.fromCharCode(sqliteFold(letter.charCodeAt(0))));
}
