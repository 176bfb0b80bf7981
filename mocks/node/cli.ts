/**
 * `npm start`: the local sandbox. Serves every dialect built so far on its own port with realistic password
 * hashing, and prints how to log in.
 * @module
 */
import { realpathSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { accountTable } from '../core/accounts.js';
import { SANDBOX_PASSWORD_HASH_ITERATIONS } from '../core/password.js';
import type { SeededAccount } from '../core/types.js';
import { DIALECTS } from '../dialects.js';
import { createReferenceServer, DIALECT_NAMES, type DialectName } from '../index.js';
import { DEFAULT_CLIENT_LIMITS, type ClientLimits } from './limits.js';
import { serve, type RunningServer } from './serve.js';

const HELP = `Usage: npm start -- [options]

Serves gatewaykit's reference servers (${DIALECT_NAMES.join(', ')}).

Options:
  --dialect <name>  serve only this dialect (default: all)
  --port <n>        port (default: each dialect's sandbox port; 0 picks free ports)
  --host <host>     interface to listen on (default: 127.0.0.1). Beyond loopback (anything but localhost,
                    127.0.0.0/8, ::1) slow and idle clients are limited; the four flags below tune that
  --headers-timeout <ms>     time for a request's headers (default: ${DEFAULT_CLIENT_LIMITS.headersTimeout})
  --request-timeout <ms>     time for a whole request, body included (default: ${DEFAULT_CLIENT_LIMITS.requestTimeout})
  --keep-alive-timeout <ms>  time an idle keep-alive connection stays open (default: ${DEFAULT_CLIENT_LIMITS.keepAliveTimeout})
  --max-connections <n>      open connections at most (default: ${DEFAULT_CLIENT_LIMITS.maxConnections})
  --seed <seed>     reproducible data: same seed, same users and passwords
  --json            print one JSON line per dialect: {"dialect","url","accounts"}
  --no-rate-limits  turn off upstream's rate limits (on by default, as upstream ships them)
  --allow-notify-host <host:port>
                    let the sandbox payment provider notify this host over the network (repeatable);
                    without it, Pay notifies only the sandbox itself
  --help            show this help
`;

/**
 * Runs the CLI with `argv` (without node and the script).
 *
 * @example
 * await main(['--dialect', 'newapi', '--port', '0', '--json']);
 */
export async function main(argv: string[]): Promise<RunningServer[]> {
  const { values } = parseArgs({
    args: argv,
    options: {
      dialect: { type: 'string' },
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
      'no-rate-limits': { type: 'boolean', default: false },
      'allow-notify-host': { type: 'string', multiple: true, default: [] },
      ...Object.fromEntries(Object.keys(LIMIT_FLAGS).map((flag) => [flag, { type: 'string' }] as const)),
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return [];
  }
  const dialects = values.dialect === undefined ? DIALECT_NAMES : [values.dialect];
  for (const name of dialects) {
    if (!(DIALECT_NAMES as string[]).includes(name)) throw new Error(`Failed to start: unknown dialect "${name}". Please use one of ${DIALECT_NAMES.join(', ')}.`);
  }
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port >= 0 && port < 65536)) throw new Error(`Failed to start: --port must be 0–65535, not "${values.port}".`);
  const limits = readLimits(values);
  const seed = values.seed === undefined ? undefined : /^-?\d+$/.test(values.seed) ? Number(values.seed) : values.seed;

  const running: RunningServer[] = [];
  for (const [index, name] of (dialects as DialectName[]).entries()) {
    const server = createReferenceServer({
      dialect: name,
      passwordHashIterations: SANDBOX_PASSWORD_HASH_ITERATIONS,
      // A sandbox behaves like the real server, throttling included; tests opt in instead.
      rateLimits: !values['no-rate-limits'],
      allowNotifyHosts: values['allow-notify-host'],
      ...(seed === undefined ? {} : { seed }),
    });
    await server.ready;
    // With an explicit --port and several dialects, they take consecutive ports.
    const listenPort = port === undefined ? DIALECTS[name].sandbox.port : port === 0 ? 0 : port + index;
    const http = await serve(server, { port: listenPort, host: values.host, limits });
    running.push(http);
    print(name, http.url, server.accounts, values.json);
  }
  return running;
}

/** The CLI flag of each limit of {@link ClientLimits}. */
const LIMIT_FLAGS: Record<string, keyof ClientLimits> = {
  'headers-timeout': 'headersTimeout',
  'request-timeout': 'requestTimeout',
  'keep-alive-timeout': 'keepAliveTimeout',
  'max-connections': 'maxConnections',
};

function readLimits(values: Record<string, unknown>): ClientLimits {
  const limits: ClientLimits = {};
  for (const [flag, name] of Object.entries(LIMIT_FLAGS)) {
    const value = values[flag];
    if (value === undefined) continue;
    if (typeof value !== 'string' || !/^[1-9]\d{0,9}$/.test(value)) throw new Error(`Failed to start: --${flag} must be a positive whole number, not "${String(value)}".`);
    limits[name] = Number(value);
  }
  return limits;
}

function print(dialect: DialectName, url: string, accounts: ReadonlyArray<SeededAccount>, json: boolean): void {
  if (json) {
    // An empty password is an account without one (opencat's users hold a token only): left out, not printed as "".
    const line = { dialect, url, accounts: accounts.map(({ username, email, password, token, role }) => ({ username, email, password: password || undefined, token, role })) };
    process.stdout.write(`${JSON.stringify(line)}\n`);
    return;
  }
  // Each dialect's `accounts` takes its own account type; the registry's union cannot name it, hence the cast.
  const { sandbox } = DIALECTS[dialect] as { sandbox: { example(url: string): string; accounts?(accounts: readonly SeededAccount[]): string[] } };
  const lines = [`${dialect}  ${url}`, ...(sandbox.accounts ?? accountTable)(accounts), `  try: ${sandbox.example(url)}`, ''];
  process.stdout.write(`${lines.join('\n')}\n`);
}

// Only when run as a script (tsx mocks/node/cli.ts), not when imported by a test.
if (process.argv[1] && import.meta.url === pathToFileURL(realpathSync(process.argv[1])).href) {
  main(process.argv.slice(2)).then(
    (running) => {
      if (running.length === 0) return;
      const stop = () => {
        Promise.all(running.map((r) => r.close())).then(() => process.exit(0), () => process.exit(1));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
    (error: unknown) => {
      process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    },
  );
}
