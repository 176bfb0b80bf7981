/**
 * The sandbox CLI (`npx gatewaykit-sandbox`, `npm start` in this repository): serves every dialect on its own
 * port with realistic password hashing, prints how to log in, and keeps the state in a file when asked.
 * `bin.ts` runs it as a process; tests call {@link main} directly.
 * @module
 */
import { DEFAULT_PASSWORD_HASH_ITERATIONS, SANDBOX_PASSWORD_HASH_ITERATIONS } from '../core/password.js';
import type { DialectSandbox } from '../core/types.js';
import { DIALECTS } from '../dialects.js';
import { createReferenceServer, DIALECT_NAMES, type ReferenceServer } from '../index.js';
import { bannerLines, jsonSummary, type ServedDialect } from './banner.js';
import { helpText, parseSandboxArgs, UsageError, type SandboxConfig } from './cli-args.js';
import { formatRequestLine, observeRequests } from './request-log.js';
import { serve, type RunningServer } from './serve.js';
import { StateFile } from './state-file.js';
import { packageVersion } from './version.js';

/** Where the CLI writes: stdout for the banner and `--json`, stderr for `--log` lines and errors. */
export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

/** A running sandbox. */
export interface Sandbox {
  /** One HTTP server per dialect, in the order they were started. */
  servers: RunningServer[];
  /** The `--state` file, when one was given. */
  stateFile: StateFile | undefined;
  /**
   * Saves the state (with `--state`), closes every server once the requests in flight are answered, and saves what
   * they wrote; later calls return the first call's promise.
   */
  stop(): Promise<void>;
}

const PROCESS_OUTPUT: CliOutput = {
  out: (text) => void process.stdout.write(text),
  err: (text) => void process.stderr.write(text),
};

/**
 * Runs the CLI with `argv` (without node and the script). Resolves to the running sandbox, or `undefined` after
 * `--help` and `--version`; rejects with a {@link UsageError} (or a state file error) whose message says what to
 * do, having left nothing running.
 *
 * @example
 * const sandbox = await main(['--dialect', 'newapi', '--port', '0', '--json']);
 * await sandbox?.stop();
 */
export async function main(argv: string[], output: CliOutput = PROCESS_OUTPUT, command = 'gatewaykit-sandbox'): Promise<Sandbox | undefined> {
  const config = parseSandboxArgs(argv, DIALECT_NAMES);
  if (config.action === 'help') return void output.out(helpText(DIALECT_NAMES, command));
  if (config.action === 'version') return void output.out(`${packageVersion()}\n`);

  // Every dialect seeds at once: seeding is mostly password hashing, which runs on the thread pool.
  // Every write, whatever its method, schedules a save, but only once the file has loaded: the load's own imports
  // must not schedule one, or a file refused halfway would be overwritten after the start had failed.
  let saving: StateFile | undefined;
  const servers = new Map(config.dialects.map((name) => [name, createServer(name, config, () => saving?.changed())] as const));
  await Promise.all([...servers.values()].map((server) => server.ready));
  const controlHeaders: Record<string, string> = config.control.mode === 'token' ? { authorization: `Bearer ${config.control.token}` } : {};
  // A failed debounced save is printed, not fatal: the sandbox keeps serving and the next change saves again.
  const saveFailed = (error: unknown) => output.err(`gatewaykit-sandbox: ${error instanceof Error ? error.message : String(error)} The next change tries again.\n`);
  const stateFile = config.stateFile === undefined ? undefined : new StateFile(config.stateFile, servers, undefined, controlHeaders, saveFailed);
  const loaded = (await stateFile?.load()) ?? false;
  saving = stateFile;

  const running: RunningServer[] = [];
  let stopped: Promise<void> | undefined;
  // Once: Ctrl-C and a test's cleanup may both ask. Saved before closing (a client that never lets go cannot
  // cost the state) and again after: requests still being answered at stop may have written.
  const stop = () =>
    (stopped ??= (async () => {
      try {
        await stateFile?.flush();
      } finally {
        await Promise.all(running.map((r) => r.close()));
      }
      await stateFile?.flush();
    })());
  try {
    for (const [index, [name, server]] of [...servers].entries()) {
      const handler = config.log ? observeRequests(server, (record) => output.err(`${name} ${formatRequestLine(record)}\n`)) : server;
      running.push(await listen(name, handler, config, index));
      const served: ServedDialect = {
        dialect: name,
        url: running.at(-1)!.url,
        accounts: server.accounts,
        // Each dialect's sandbox takes its own account type; the registry's union cannot name it, hence the cast.
        sandbox: DIALECTS[name].sandbox as DialectSandbox,
        rateLimits: config.rateLimits,
        control: config.control,
        ...(stateFile ? { stateFile: { path: stateFile.path, loaded } } : {}),
        ...(config.users > 0 && DIALECTS[name].generatesUsers ? { generatedUsers: config.users } : {}),
      };
      if (config.json) output.out(`${JSON.stringify(jsonSummary(served))}\n`);
      else if (!config.quiet) output.out(`${bannerLines(served).join('\n')}\n`);
    }
  } catch (error) {
    await Promise.all(running.map((r) => r.close()));
    throw error;
  }
  return { servers: running, stateFile, stop };
}

function createServer(name: SandboxConfig['dialects'][number], config: SandboxConfig, onWrite: () => void): ReferenceServer {
  return createReferenceServer({
    dialect: name,
    passwordHashIterations: SANDBOX_PASSWORD_HASH_ITERATIONS,
    // The seeded passwords are printed on the banner; hashing them at full cost only delays the start by seconds.
    seedPasswordHashIterations: DEFAULT_PASSWORD_HASH_ITERATIONS,
    // A sandbox behaves like the real server, throttling included; tests opt in instead.
    rateLimits: config.rateLimits,
    allowNotifyHosts: config.allowNotifyHosts,
    onWrite,
    // Only where the dialect generates them: `--users` over every dialect still starts the others as seeded.
    users: DIALECTS[name].generatesUsers ? config.users : 0,
    control: config.control.mode === 'open' ? undefined : config.control.mode === 'off' ? false : { token: config.control.token },
    ...(config.seed === undefined ? {} : { seed: config.seed }),
  }) as ReferenceServer;
}

async function listen(name: string, handler: Parameters<typeof serve>[0], config: SandboxConfig, index: number): Promise<RunningServer> {
  // With an explicit --port and several dialects, they take consecutive ports.
  const port = config.port === undefined ? DIALECTS[name as keyof typeof DIALECTS].sandbox.port : config.port === 0 ? 0 : config.port + index;
  try {
    return await serve(handler, { port, host: config.host, limits: config.limits, allowedHosts: config.allowedHosts });
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EADDRINUSE') throw new UsageError(`Failed to start ${name}: port ${port} on ${config.host} is in use (another sandbox?). Pick another with --port <n>, or --port 0 for free ports.`);
    if (code === 'EACCES') throw new UsageError(`Failed to start ${name}: no permission to listen on port ${port}. Pick a port above 1023 with --port <n>, or --port 0.`);
    if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') throw new UsageError(`Failed to start ${name}: cannot listen on host "${config.host}" (${code}). Check --host.`);
    throw error;
  }
}
