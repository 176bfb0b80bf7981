import { afterEach, expect, test, vi } from 'vitest';
import { main } from '../../mocks/node/cli.js';
import type { RunningServer } from '../../mocks/node/index.js';

const running: RunningServer[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(running.splice(0).map((r) => r.close()));
});

async function start(...flags: string[]): Promise<{ url: string }> {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
  running.push(...(await main(['--dialect', 'newapi', '--port', '0', '--seed', '1', '--json', ...flags])));
  vi.restoreAllMocks();
  return JSON.parse(lines.join('')) as { url: string };
}

test('cli: the sandbox throttles like upstream by default; --no-rate-limits turns it off', async () => {
  const sandbox = await start();
  expect(await (await fetch(`${sandbox.url}/__mock/settings`)).json()).toMatchObject({ RateLimitEnabled: true });
  const quiet = await start('--no-rate-limits');
  expect(await (await fetch(`${quiet.url}/__mock/settings`)).json()).toMatchObject({ RateLimitEnabled: false });
}, 60_000);

test('cli: beyond loopback the limit flags reach the server; a bad value is refused naming the flag', async () => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const flags = ['--dialect', 'newapi', '--port', '0', '--json', '--host', '0.0.0.0', '--max-connections', '7', '--headers-timeout', '2000'];
  running.push(...(await main(flags)));
  expect(running[0]!.limits).toMatchObject({ maxConnections: 7, headersTimeout: 2_000, requestTimeout: 30_000 });
  expect(running[0]!.http.maxConnections).toBe(7);
  await expect(main(['--dialect', 'newapi', '--max-connections', 'lots'])).rejects.toThrow('--max-connections must be a positive whole number, not "lots".');
}, 60_000);
