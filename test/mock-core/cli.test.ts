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

test('cli: aether serves on its own port range and --json prints each account\'s email beside its password', async () => {
  const lines: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (lines.push(String(chunk)), true));
  running.push(...(await main(['--dialect', 'aether', '--port', '0', '--seed', '1', '--json'])));
  vi.restoreAllMocks();
  const printed = JSON.parse(lines.join('')) as { dialect: string; url: string; accounts: Array<{ email: string; password: string; role: string }> };
  expect(printed.dialect).toBe('aether');
  const [admin] = printed.accounts;
  expect(admin).toMatchObject({ email: 'admin@localhost', role: 'admin' });
  const login = await fetch(`${printed.url}/api/auth/login`, { method: 'POST', body: JSON.stringify({ email: admin!.email, password: admin!.password }) });
  const { access_token } = (await login.json()) as { access_token: string };
  const users = await fetch(`${printed.url}/api/admin/users`, { headers: { authorization: `Bearer ${access_token}` } });
  expect(users.status).toBe(200);
  expect(((await users.json()) as unknown[]).length).toBe(printed.accounts.length);
}, 60_000);
