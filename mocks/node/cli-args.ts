/**
 * The sandbox's command line: its flags, its help text and the checks that turn a mistyped flag into a message
 * that says what to do, before anything starts.
 * @module
 */
import { randomBytes } from 'node:crypto';
import { parseArgs } from 'node:util';
import type { DialectName } from '../index.js';
import { allowedHostEntry, type AllowedHosts } from './allowed-hosts.js';
import { GENERATED_USER_PASSWORD, MAX_GENERATED_USERS } from '../core/generated-users.js';
import { DEFAULT_CLIENT_LIMITS, isLoopback, type ClientLimits } from './limits.js';

/**
 * The seed a sandbox starts with unless `--seed` says otherwise, so the printed logins are the same on every
 * start (and the same as the test suites' `seed: 1`).
 */
export const DEFAULT_SANDBOX_SEED = 1;

/** What the command line asks for, checked. */
export interface SandboxConfig {
  /** `help` and `version` print and exit; `serve` starts the sandbox. */
  action: 'help' | 'version' | 'serve';
  dialects: DialectName[];
  /** `undefined`: each dialect's own sandbox port. */
  port: number | undefined;
  host: string;
  /** `undefined` with `--seed random`: fresh data on every start. */
  seed: number | string | undefined;
  json: boolean;
  quiet: boolean;
  log: boolean;
  rateLimits: boolean;
  allowNotifyHosts: string[];
  /** `--allowed-hosts`; `undefined`: loopback names only on loopback, any name beyond it (see `ServeOptions`). */
  allowedHosts: AllowedHosts | undefined;
  limits: ClientLimits;
  /** `--users N`: faker users generated beyond the seeded accounts (0: none). */
  users: number;
  /** `--state FILE`: where the state is loaded from and saved to. */
  stateFile: string | undefined;
  /**
   * The control API: `open`, `off` (`--no-control`), or guarded by `token` (`--control-token`, or a fresh one
   * whenever `--host` is beyond loopback).
   */
  control: { mode: 'open' } | { mode: 'off' } | { mode: 'token'; token: string; generated: boolean };
}

/** A command line the sandbox cannot run; its message says what to do instead. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/**
 * The help text (`--help`).
 *
 * @example
 * process.stdout.write(helpText(['newapi', 'platform'], 'gatewaykit-sandbox'));
 */
export function helpText(dialects: readonly string[], command: string): string {
  return `Usage: ${command} [options]

Serves gatewaykit's reference servers (${dialects.join(', ')}), each on its own port, with seeded accounts.

Options:
  --dialect <name>  serve only this dialect (default: all)
  --port <n>        port (default: each dialect's sandbox port; 0 picks free ports)
  --host <host>     interface to listen on (default: 127.0.0.1). Beyond loopback (anything but localhost,
                    127.0.0.0/8, ::1) slow and idle clients are limited; the four flags below tune that
  --headers-timeout <ms>     time for a request's headers (default: ${DEFAULT_CLIENT_LIMITS.headersTimeout})
  --request-timeout <ms>     time for a whole request, body included (default: ${DEFAULT_CLIENT_LIMITS.requestTimeout})
  --keep-alive-timeout <ms>  time an idle keep-alive connection stays open (default: ${DEFAULT_CLIENT_LIMITS.keepAliveTimeout})
  --max-connections <n>      open connections at most (default: ${DEFAULT_CLIENT_LIMITS.maxConnections})
  --allowed-hosts <a,b>
                    also answer requests whose Host names one of these (".name": it and its subdomains;
                    "all": any Host). Without it, on loopback only localhost, *.localhost, 127.0.0.0/8 and
                    [::1] are answered, others get 403 (a guard against DNS rebinding); beyond loopback, any
  --seed <seed>     which seeded data: the same seed gives the same users and passwords
                    (default: ${DEFAULT_SANDBOX_SEED}; "random" gives fresh data on every start)
  --users <n>       also generate n faker users (up to ${MAX_GENERATED_USERS.toLocaleString('en')}) with a key each (opencat: a token), the
                    same for the same seed; they share the password ${GENERATED_USER_PASSWORD}, hashed once (default: 0)
  --state <file>    load the state from <file> at start (a missing file starts seeded) and save it there
                    after each change and at exit
  --control-token <token>
                    require this token on the control API (/__mock/) as "Authorization: Bearer <token>";
                    beyond loopback a fresh one is printed at start unless this is given
  --no-control      no control API at all (its paths answer 404; not with --state); the payment checkout pages stay
  --json            print one JSON object per dialect on stdout and nothing else there:
                    {"dialect","url","accounts":[{"username","email","password","token","role","role_name"}]}
  --quiet           print nothing but errors
  --log             print one line per request on stderr: method, path, status, ms (secrets redacted)
  --no-rate-limits  turn off upstream's rate limits (on by default, as upstream ships them)
  --allow-notify-host <host:port>
                    let the sandbox payment provider notify this host over the network (repeatable);
                    without it, Pay notifies only the sandbox itself
  -h, --help        show this help
  --version         print the version
`;
}

/** The CLI flag of each limit of {@link ClientLimits}. */
const LIMIT_FLAGS: Record<string, keyof ClientLimits> = {
  'headers-timeout': 'headersTimeout',
  'request-timeout': 'requestTimeout',
  'keep-alive-timeout': 'keepAliveTimeout',
  'max-connections': 'maxConnections',
};

/**
 * Reads `argv` (without node and the script). Throws a {@link UsageError} for an unknown flag, a missing value,
 * an unknown dialect or a value out of range.
 *
 * @example
 * parseSandboxArgs(['--dialect', 'newapi', '--port', '0'], ['newapi', 'platform']).port; // 0
 */
export function parseSandboxArgs(argv: readonly string[], known: readonly DialectName[]): SandboxConfig {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        dialect: { type: 'string' },
        port: { type: 'string' },
        host: { type: 'string', default: '127.0.0.1' },
        seed: { type: 'string' },
        users: { type: 'string' },
        state: { type: 'string' },
        'control-token': { type: 'string' },
        'no-control': { type: 'boolean', default: false },
        json: { type: 'boolean', default: false },
        quiet: { type: 'boolean', default: false },
        log: { type: 'boolean', default: false },
        'no-rate-limits': { type: 'boolean', default: false },
        'allow-notify-host': { type: 'string', multiple: true, default: [] },
        'allowed-hosts': { type: 'string', multiple: true },
        ...Object.fromEntries(Object.keys(LIMIT_FLAGS).map((flag) => [flag, { type: 'string' }] as const)),
        help: { type: 'boolean', short: 'h', default: false },
        version: { type: 'boolean', default: false },
      },
    }));
  } catch (error) {
    throw new UsageError(`${describeParseError(error)} See --help for the options.`);
  }
  const base = { json: values.json, quiet: values.quiet, log: values.log, host: values.host, rateLimits: !values['no-rate-limits'] };
  if (values.help || values.version) {
    return { ...base, action: values.help ? 'help' : 'version', dialects: [], port: undefined, seed: undefined, users: 0, allowNotifyHosts: [], allowedHosts: undefined, limits: {}, stateFile: undefined, control: { mode: 'open' } };
  }
  const dialects = values.dialect === undefined ? [...known] : [values.dialect];
  for (const name of dialects) {
    if (!(known as string[]).includes(name)) throw new UsageError(`Failed to start: unknown dialect "${name}". Please use one of ${known.join(', ')}.`);
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(/^\d+$/.test(values.port!) && port < 65536)) throw new UsageError(`Failed to start: --port must be 0–65535, not "${values.port}".`);
  // With an explicit port, dialects take consecutive ports: the last one must exist too.
  if (port !== undefined && port !== 0 && port + dialects.length - 1 > 65535) {
    throw new UsageError(`Failed to start: --port ${port} leaves no room for ${dialects.length} dialects on consecutive ports (the last would be ${port + dialects.length - 1}). Please pick a port up to ${65536 - dialects.length}, or --port 0.`);
  }
  if (values.state === '') throw new UsageError('Failed to start: --state needs a file name.');
  if (values.state !== undefined && values['no-control']) {
    throw new UsageError('Failed to start: --state saves through the control API, which --no-control removes. Please drop one, or guard the control API with --control-token instead.');
  }
  return {
    ...base,
    action: 'serve',
    dialects: dialects as DialectName[],
    port,
    seed: readSeed(values.seed),
    users: readUsers(values.users),
    allowNotifyHosts: values['allow-notify-host'],
    allowedHosts: readAllowedHosts(values['allowed-hosts']),
    limits: readLimits(values),
    stateFile: values.state,
    control: readControl(values['control-token'], values['no-control'], values.host),
  };
}

function readControl(token: string | undefined, off: boolean, host: string): SandboxConfig['control'] {
  if (off && token !== undefined) throw new UsageError('Failed to start: --no-control and --control-token contradict each other. Please pass one.');
  if (off) return { mode: 'off' };
  if (token !== undefined) {
    if (!/^[\x21-\x7e]{16,256}$/.test(token)) throw new UsageError('Failed to start: --control-token must be 16–256 printable ASCII characters without spaces.');
    return { mode: 'token', token, generated: false };
  }
  // Beyond loopback anyone on the network could reset or replace the state: a fresh token, printed at start.
  return isLoopback(host) ? { mode: 'open' } : { mode: 'token', token: randomBytes(24).toString('base64url'), generated: true };
}

function readAllowedHosts(values: string[] | undefined): AllowedHosts | undefined {
  if (values === undefined) return undefined;
  const entries = values.flatMap((value) => value.split(','));
  if (entries.includes('all')) {
    if (entries.length > 1) throw new UsageError('Failed to start: --allowed-hosts all allows every host already. Please pass it alone, or list the names.');
    return 'all';
  }
  try {
    return entries.map(allowedHostEntry);
  } catch (error) {
    throw new UsageError((error as Error).message.replace('Failed to serve: `allowedHosts` entry', 'Failed to start: --allowed-hosts'));
  }
}

function describeParseError(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  // Node's texts name the flag but suggest `--` for positionals, which the sandbox has none of.
  const flag = /'([^']+)'/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && flag) return `Failed to start: unknown option ${flag}.`;
  if (code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL' && flag) return `Failed to start: unexpected argument "${flag}".`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE') return `Failed to start: ${message.replace(/^Option /, 'option ').replace(/\.$/, '')}.`;
  return `Failed to start: ${message}`;
}

function readSeed(seed: string | undefined): number | string | undefined {
  if (seed === undefined) return DEFAULT_SANDBOX_SEED;
  if (seed === 'random') return undefined;
  return /^-?\d+$/.test(seed) ? Number(seed) : seed;
}

function readUsers(users: string | undefined): number {
  if (users === undefined) return 0;
  const count = Number(users);
  if (!/^\d{1,7}$/.test(users) || count > MAX_GENERATED_USERS) {
    throw new UsageError(`Failed to start: --users must be a whole number from 0 to ${MAX_GENERATED_USERS.toLocaleString('en')}, not "${users}".`);
  }
  return count;
}

function readLimits(values: Record<string, unknown>): ClientLimits {
  const limits: ClientLimits = {};
  for (const [flag, name] of Object.entries(LIMIT_FLAGS)) {
    const value = values[flag];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !/^[1-9]\d{0,9}$/.test(value)) throw new UsageError(`Failed to start: --${flag} must be a positive whole number, not "${String(value)}".`);
    limits[name] = Number(value);
  }
  return limits;
}
