import type { Logger } from './options.js';

const LEVELS = ['debug', 'info', 'warn', 'error'] as const;
type Level = (typeof LEVELS)[number];

/**
 * The console logger `GATEWAYKIT_LOG` asks for, or `undefined` when it is unset, `off` or unknown: `debug` logs
 * every request and response line (method, redacted URL, status, time), `warn` only retries, and so on up. Read
 * from `process.env` only where one exists, so browsers and edge runtimes get `undefined` without a `process`.
 *
 * @example
 * // GATEWAYKIT_LOG=debug node app.js
 * const logger = envLogger(); // logs `[gatewaykit] ← 200 GET https://gw.example/api/user/self in 12 ms`
 */
export function envLogger(level: string | undefined = readEnv('GATEWAYKIT_LOG')): Logger | undefined {
  const from = LEVELS.indexOf(level?.trim().toLowerCase() as Level);
  if (from === -1) return undefined;
  const at = (name: Level) =>
    LEVELS.indexOf(name) < from ? () => {} : (message: string, meta?: Record<string, unknown>) => console[name](`[gatewaykit] ${message}`, ...(meta ? [meta] : []));
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

function readEnv(name: string): string | undefined {
  try {
    return (globalThis as { process?: { env?: Record<string, string | undefined> } }).process?.env?.[name];
  } catch {
    // Deno without --allow-env throws on the read: no permission is no setting.
    return undefined;
  }
}
