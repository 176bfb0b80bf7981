/**
 * How the CLI sandbox lists seeded logins unless a dialect lists its own (`Dialect.sandbox.accounts`).
 * @module
 */
import type { components } from '../control/generated/schema.js';
import type { SeededAccount } from './types.js';

/** The columns a table may show, in order; a column appears only when some account has a value for it. */
const COLUMNS = ['username', 'email', 'password', 'token', 'role'] as const;
type Column = (typeof COLUMNS)[number];

/**
 * A table of the seeded logins under a heading row naming its columns: username, then email, password and
 * token where the dialect's accounts have them, then the role as upstream names it (`root (100)`).
 *
 * @example
 * accountTable(server.accounts, (role) => ({ 100: 'root' })[role] ?? String(role));
 * // ['  accounts:', '    username  password  role', '    root      123456    root (100)', ...]
 */
export function accountTable(accounts: readonly SeededAccount[], roleName: (role: SeededAccount['role']) => string = String): string[] {
  const cell = (account: SeededAccount, column: Column): string => {
    if (column !== 'role') return account[column] ?? '';
    const name = roleName(account.role);
    return name === String(account.role) ? name : `${name} (${String(account.role)})`;
  };
  // An email column that only repeats the username (platform logs in by email) says nothing new.
  const shown = COLUMNS.filter((column) => accounts.some((a) => cell(a, column) !== '' && !(column === 'email' && a.email === a.username)));
  const rows = [shown.map(String), ...accounts.map((a) => shown.map((column) => cell(a, column)))];
  const widths = shown.map((_, i) => Math.max(...rows.map((row) => row[i]!.length)));
  return ['  accounts:', ...rows.map((row) => `    ${row.map((value, i) => (i === row.length - 1 ? value : value.padEnd(widths[i]!))).join('  ')}`)];
}

/** A seeded login as `--json` and `GET /__mock/accounts` show it (the control contract's `Account`). */
export type AccountSummary = components['schemas']['Account'];

/**
 * A seeded login with the fields its dialect has and its role as upstream names it.
 *
 * @example
 * accountSummary(root, () => 'root'); // { username: 'root', password: '123456', role: 100, role_name: 'root' }
 */
export function accountSummary({ username, email, password, token, role }: SeededAccount, roleName: (role: SeededAccount['role']) => string = String): AccountSummary {
  // An empty password is an account without one (opencat's users hold a token only): left out, not shown as "".
  return { username, email, password: password || undefined, token, role, role_name: roleName(role) };
}
