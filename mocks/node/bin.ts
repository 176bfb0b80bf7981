#!/usr/bin/env node
/**
 * The sandbox as a process: `npx gatewaykit-sandbox` (the built `dist/mock/sandbox.js`) and `npm start`. Ctrl-C
 * saves the state (with `--state`), prints one line and exits 0; a usage error prints its message and exits 2.
 * @module
 */
import { main, type Sandbox } from './cli.js';
import { UsageError } from './cli-args.js';

const command = process.env.npm_lifecycle_event === 'start' ? 'npm start --' : 'gatewaykit-sandbox';
const started = main(process.argv.slice(2), undefined, command);

// Listening from the first moment: a Ctrl-C while the servers start still stops them cleanly.
let stopping = false;
function stop(signal: string): void {
  // A second Ctrl-C while saving means "now".
  if (stopping) process.exit(130);
  stopping = true;
  started
    .then(async (sandbox: Sandbox | undefined) => {
      await sandbox?.stop();
      const saved = sandbox?.stateFile ? `, state saved to ${sandbox.stateFile.path}` : '';
      process.stderr.write(`gatewaykit-sandbox: stopped (${signal})${saved}\n`);
      process.exit(0);
    })
    .catch((error: unknown) => {
      process.stderr.write(`gatewaykit-sandbox: stopped (${signal}), but ${error instanceof Error ? error.message : String(error)}\n`);
      process.exit(1);
    });
}
process.on('SIGINT', () => stop('SIGINT'));
process.on('SIGTERM', () => stop('SIGTERM'));

// Signal listeners keep nothing alive: after --help and --version the process ends by itself.
started.catch((error: unknown) => {
  if (stopping) return;
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
