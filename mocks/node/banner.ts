/**
 * What the sandbox prints when a dialect is up: a short banner for people, or one JSON object for scripts.
 * @module
 */
import { accountSummary, accountTable } from '../core/accounts.js';
import type { DialectSandbox, SeededAccount } from '../core/types.js';
import type { SandboxConfig } from './cli-args.js';
import { GENERATED_USER_PASSWORD } from '../core/generated-users.js';

/** One served dialect, as the banner and `--json` describe it. */
export interface ServedDialect {
  dialect: string;
  url: string;
  accounts: readonly SeededAccount[];
  sandbox: DialectSandbox;
  rateLimits: boolean;
  /** How the control API is reachable (see `SandboxConfig.control`). */
  control: SandboxConfig['control'];
  /** The state came from `--state` rather than the seed: the seeded passwords may have changed since. */
  stateFile?: { path: string; loaded: boolean };
  /** `--users N`: how many faker users were generated beyond the accounts listed. */
  generatedUsers?: number;
}

/**
 * The `--json` object of one dialect: `{dialect, url, accounts: [{username?, email?, password?, token?, role,
 * role_name}]}`, each account with the fields its dialect has.
 *
 * @example
 * JSON.stringify(jsonSummary(served)); // '{"dialect":"newapi","url":"http://127.0.0.1:4010","accounts":[...]}'
 */
export function jsonSummary(served: ServedDialect): object {
  const accounts = served.accounts.map((account) => accountSummary(account, served.sandbox.roleName));
  // A script driving a guarded sandbox needs the token it printed; an open one has none to give.
  const control = served.control.mode === 'token' ? { control_token: served.control.token } : {};
  return { dialect: served.dialect, url: served.url, accounts, ...control };
}

/**
 * The banner lines of one dialect: its URL, whether upstream's rate limits are on, the control API and its
 * inspector page, the accounts table under its column headings, and a first command to try.
 *
 * @example
 * process.stdout.write(`${bannerLines(served).join('\n')}\n`);
 */
export function bannerLines(served: ServedDialect): string[] {
  const { sandbox } = served;
  const limits = served.rateLimits ? "rate limits: on, as upstream ships them (start with --no-rate-limits to turn them off)" : 'rate limits: off (--no-rate-limits)';
  const state = served.stateFile && [`  state: ${served.stateFile.path} (${served.stateFile.loaded ? 'loaded; passwords changed since are not shown' : 'new; saved on every change'})`];
  const accounts = sandbox.accounts ? sandbox.accounts(served.accounts) : accountTable(served.accounts, sandbox.roleName);
  const generated = served.generatedUsers ? [`  ${generatedLine(served.dialect, served.generatedUsers)}`] : [];
  return [`${served.dialect}  ${served.url}`, `  ${limits}`, `  ${controlLine(served.control, served.url)}`, ...(state ?? []), ...accounts, ...generated, `  try: ${sandbox.example(served.url)}`, ''];
}

function generatedLine(dialect: string, count: number): string {
  const users = `plus ${count.toLocaleString('en')} generated user${count === 1 ? '' : 's'} (--users)`;
  // Opencat's users have no password: they call with their token, which GET /1/users lists to the root token.
  if (dialect === 'opencat') return `${users}, each with its own token (no password; GET /1/users lists them to root)`;
  return `${users}, all sharing the password "${GENERATED_USER_PASSWORD}" (hashed once for all), one key each`;
}

function controlLine(control: SandboxConfig['control'], url: string): string {
  if (control.mode === 'off') return 'control API: off (--no-control)';
  if (control.mode === 'open') return `control API: /__mock/ open on loopback; inspector page ${url}/__mock/`;
  // The token rides in the fragment, which the browser keeps to itself: the page moves it into the tab's storage.
  const page = `inspector page ${url}/__mock/#token=${encodeURIComponent(control.token)}`;
  return `control API: /__mock/ needs "Authorization: Bearer ${control.token}"${control.generated ? ' (a fresh token: the sandbox listens beyond loopback)' : ''}; ${page}`;
}
