/**
 * How the CLI sandbox lists seeded logins unless a dialect lists its own (`Dialect.sandbox.accounts`).
 * @module
 */
import type { SeededAccount } from './types.js';

/**
 * A table of username, password and role, one account a line.
 *
 * @example
 * accountTable(server.accounts); // ['  accounts (username / password / role):', '    root  123456  100', ...]
 */
export function accountTable(accounts: readonly SeededAccount[]): string[] {
  const width = Math.max(20, ...accounts.map((a) => a.username.length));
  return ['  accounts (username / password / role):', ...accounts.map((a) => `    ${a.username.padEnd(width)} ${a.password.padEnd(14)} ${String(a.role)}`)];
}
