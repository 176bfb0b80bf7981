import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test, vi } from 'vitest';
import { main } from '../../mocks/node/cli.js';
import type { RunningServer } from '../../mocks/node/index.js';
import { signEpayParams } from '../../src/newapi/epay.js';

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

test('cli: --allow-notify-host lets Pay notify that host over the network; any other host stays refused', async () => {
  let hits = 0;
  const merchant = createServer((_req, res) => {
    hits += 1;
    res.end('success');
  });
  await new Promise<void>((resolve) => merchant.listen(0, '127.0.0.1', resolve));
  const host = `127.0.0.1:${(merchant.address() as AddressInfo).port}`;
  try {
    const sandbox = await start('--allow-notify-host', host);
    const { EpayId, EpayKey } = (await (await fetch(`${sandbox.url}/__mock/settings`)).json()) as { EpayId: string; EpayKey: string };
    const order = { pid: EpayId, type: 'alipay', out_trade_no: 'SHOP1', name: 'TUC1', money: '7.30' };
    const allowed = signEpayParams({ ...order, notify_url: `http://${host}/notify` }, EpayKey);
    const checkout = await fetch(`${sandbox.url}/__mock/epay/submit.php?${new URLSearchParams(allowed)}`);
    expect(checkout.status).toBe(200);
    const token = /name="gatewaykit_pay_token" value="([^"]+)"/.exec(await checkout.text())![1]!;
    const paid = await fetch(`${sandbox.url}/__mock/epay/pay`, { method: 'POST', body: new URLSearchParams({ ...allowed, gatewaykit_pay_token: token }) });
    expect(paid.status).toBe(200);
    expect(await paid.text()).toContain('is paid');
    expect(hits).toBe(1);
    const other = signEpayParams({ ...order, notify_url: 'http://127.0.0.1:9/notify' }, EpayKey);
    expect((await fetch(`${sandbox.url}/__mock/epay/submit.php?${new URLSearchParams(other)}`)).status).toBe(400);
  } finally {
    await new Promise<void>((resolve) => merchant.close(() => resolve()));
  }
}, 60_000);

test('cli: beyond loopback the limit flags reach the server; a bad value is refused naming the flag', async () => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
  const flags = ['--dialect', 'newapi', '--port', '0', '--json', '--host', '0.0.0.0', '--max-connections', '7', '--headers-timeout', '2000'];
  running.push(...(await main(flags)));
  expect(running[0]!.limits).toMatchObject({ maxConnections: 7, headersTimeout: 2_000, requestTimeout: 30_000 });
  expect(running[0]!.http.maxConnections).toBe(7);
  await expect(main(['--dialect', 'newapi', '--max-connections', 'lots'])).rejects.toThrow('--max-connections must be a positive whole number, not "lots".');
}, 60_000);

test('cli: opencat prints each account with its bearer token and no password, and the root token lists users and keys', async () => {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
  running.push(...(await main(['--dialect', 'opencat', '--port', '0', '--seed', '1', '--json'])));
  vi.restoreAllMocks();
  const { url, accounts } = JSON.parse(lines.join('')) as { url: string; accounts: { username: string; password?: string; token: string; role: string }[] };
  expect(accounts[0]).toMatchObject({ username: 'root', role: 'root' });
  for (const account of accounts) {
    expect(account.token).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(account).not.toHaveProperty('password');
  }
  const authorization = `Bearer ${accounts[0]!.token}`;
  const users = (await (await fetch(`${url}/1/users`, { headers: { authorization } })).json()) as { name: string; token: string }[];
  expect(users.map((u) => [u.name, u.token])).toEqual(accounts.map((a) => [a.username, a.token]));
  const keys = (await (await fetch(`${url}/1/keys`, { headers: { authorization } })).json()) as { ApiType: string }[];
  expect(keys.map((k) => k.ApiType)).toEqual(['openai', 'azure', 'claude', 'google']);
}, 60_000);

test('cli: the opencat banner lists every account with its bearer token and a curl to try', async () => {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
  running.push(...(await main(['--dialect', 'opencat', '--port', '0', '--seed', '1'])));
  vi.restoreAllMocks();
  const banner = lines.join('');
  const server = running.at(-1)!;
  expect(banner).toContain('accounts (name / role / bearer token):');
  expect(banner).toMatch(/root\s+root\s+[0-9a-f-]{36}/);
  expect(banner).toContain(`${server.url}/1/users`);
}, 60_000);
