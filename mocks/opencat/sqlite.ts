/**
 * What the pure-Go SQLite driver (glebarez/go-sqlite v1.22.0, extended result codes on) says when an insert or
 * update breaks a constraint, as gorm passes it through untranslated: `<errstr>: <errmsg> (<code>)`.
 * @module
 */

/**
 * The text of `SQLITE_CONSTRAINT_UNIQUE` (2067) on `table.column`.
 *
 * @example
 * uniqueFailed('users', 'name'); // 'constraint failed: UNIQUE constraint failed: users.name (2067)'
 */
export function uniqueFailed(table: string, column: string): string {
  return `constraint failed: UNIQUE constraint failed: ${table}.${column} (2067)`;
}

/**
 * The text of `SQLITE_CONSTRAINT_PRIMARYKEY` (1555), for an explicit id that a (soft-deleted) row still holds.
 *
 * @example
 * primaryKeyFailed('users'); // 'constraint failed: UNIQUE constraint failed: users.id (1555)'
 */
export function primaryKeyFailed(table: string): string {
  return `constraint failed: UNIQUE constraint failed: ${table}.id (1555)`;
}

/**
 * Whether SQLite's NUMERIC affinity turns a bound text into a number (a well-formed integer or real literal,
 * surrounding spaces allowed, no hexadecimal): such a bound compares below every text value.
 *
 * @example
 * looksNumeric(' 12.5e1 '); // true
 * looksNumeric('2024-07-01'); // false
 */
export function looksNumeric(text: string): boolean {
  return /^[ \t\n\f\v\r]*[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[ \t\n\f\v\r]*$/.test(text);
}
