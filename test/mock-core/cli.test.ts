import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, expect, test, vi } from 'vitest';
import { createReferenceServer, DIALECT_NAMES } from '../../mocks/index.js';
import { UsageError } from '../../mocks/node/cli-args.js';
import { main, type Sandbox } from '../../mocks/node/cli.js';
import { PLATFORM_ADMIN_LOGIN } from '../../mocks/platform/seed.js';
import { signEpayParams } from '../../src/newapi/epay.js';
import { sendRaw } from './support.js';

const running: Sandbox[] = [];
afterEach(async () => {
  vi.restoreAllMocks();
  await Promise.all(running.splice(0).map((r) => r.stop()));
});

/** Runs the CLI with its output captured: `out` is stdout, `err` stderr. */
async function run(...argv: string[]): Promise<{ sandbox: Sandbox | undefined; out: string[]; err: string[] }> {
  const out: string[] = [];
  const err: string[] = [];
  const sandbox = await main(argv, { out: (text) => out.push(text), err: (text) => err.push(text) });
  if (sandbox) running.push(sandbox);
  return { sandbox, out, err };
}

async function start(...flags: string[]): Promise<{ url: string }> {
  const { out } = await run('--dialect', 'newapi', '--port', '0', '--seed', '1', '--json', ...flags);
  return JSON.parse(out.join('')) as { url: string };
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
  const { sandbox } = await run('--dialect', 'newapi', '--port', '0', '--json', '--host', '0.0.0.0', '--max-connections', '7', '--headers-timeout', '2000');
  expect(sandbox!.servers[0]!.limits).toMatchObject({ maxConnections: 7, headersTimeout: 2_000, requestTimeout: 30_000 });
  expect(sandbox!.servers[0]!.http.maxConnections).toBe(7);
  await expect(main(['--dialect', 'newapi', '--max-connections', 'lots'])).rejects.toThrow('--max-connections must be a positive whole number, not "lots".');
}, 60_000);

test('cli: --help and -h print the usage with every flag; --version prints the package version', async () => {
  const help = (await run('--help')).out.join('');
  expect(help).toMatch(/^Usage: gatewaykit-sandbox \[options\]/);
  for (const flag of ['--dialect', '--port', '--seed', '--state', '--json', '--quiet', '--log', '--no-rate-limits', '--allowed-hosts', '-h, --help', '--version']) expect(help).toContain(flag);
  expect((await run('-h')).out.join('')).toBe(help);
  const { version } = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  expect((await run('--version')).out).toEqual([`${version}\n`]);
});

test('cli: an unknown flag or a missing value is refused, pointing at --help', async () => {
  await expect(main(['--prot', '4010'])).rejects.toThrow(new UsageError('Failed to start: unknown option --prot. See --help for the options.'));
  await expect(main(['--port'])).rejects.toThrow(/^Failed to start: option '--port <value>' argument missing\. See --help for the options\.$/);
  await expect(main(['newapi'])).rejects.toThrow('Failed to start: unexpected argument "newapi". See --help for the options.');
});

test('cli: an explicit --port whose consecutive ports run past 65535 is refused before anything starts', async () => {
  await expect(main(['--port', '65534'])).rejects.toThrow(
    new UsageError(`Failed to start: --port 65534 leaves no room for ${DIALECT_NAMES.length} dialects on consecutive ports (the last would be ${65534 + DIALECT_NAMES.length - 1}). Please pick a port up to ${65536 - DIALECT_NAMES.length}, or --port 0.`),
  );
  await expect(main(['--dialect', 'newapi', '--port', '65536'])).rejects.toThrow('--port must be 0–65535, not "65536".');
});

test('cli: a port in use names the port and how to pick another; nothing is left listening', async () => {
  // A free port whose next port can be taken: the first dialect starts on `free`, the second finds `taken` in use.
  const { free, taken, blocker } = await blockedPair();
  try {
    await expect(main(['--port', String(free), '--json'], { out: () => undefined, err: () => undefined })).rejects.toThrow(
      new UsageError(`Failed to start ${DIALECT_NAMES[1]}: port ${taken} on 127.0.0.1 is in use (another sandbox?). Pick another with --port <n>, or --port 0 for free ports.`),
    );
    // The dialect that had started is closed again.
    await expect(fetch(`http://127.0.0.1:${free}/`)).rejects.toThrow();
  } finally {
    await new Promise<void>((resolve) => blocker.close(() => resolve()));
  }
});

async function blockedPair(): Promise<{ free: number; taken: number; blocker: Server }> {
  for (;;) {
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const free = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    const blocker = createServer();
    const listening = await new Promise<boolean>((resolve) => {
      blocker.once('error', () => resolve(false));
      blocker.listen(free + 1, '127.0.0.1', () => resolve(true));
    });
    if (listening) return { free, taken: free + 1, blocker };
  }
}

test('cli: without --seed every start prints the same accounts; --seed random gives fresh ones', async () => {
  const first = JSON.parse((await run('--dialect', 'newapi', '--port', '0', '--json')).out.join('')) as { accounts: unknown[] };
  const second = JSON.parse((await run('--dialect', 'newapi', '--port', '0', '--json')).out.join('')) as { accounts: unknown[] };
  expect(second.accounts).toEqual(first.accounts);
  const fresh = JSON.parse((await run('--dialect', 'newapi', '--port', '0', '--json', '--seed', 'random')).out.join('')) as { accounts: unknown[] };
  expect(fresh.accounts).not.toEqual(first.accounts);
});

test('cli: --json prints exactly one JSON object per dialect on stdout, accounts with role_name', async () => {
  const { out, err } = await run('--port', '0', '--json', '--log');
  const lines = out.join('').trimEnd().split('\n');
  expect(lines).toHaveLength(DIALECT_NAMES.length);
  const objects = lines.map((line) => JSON.parse(line) as { dialect: string; url: string; accounts: Array<Record<string, unknown>> });
  expect(objects.map((o) => o.dialect)).toEqual(DIALECT_NAMES);
  const newapi = objects.find((o) => o.dialect === 'newapi')!;
  expect(newapi.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  expect(newapi.accounts[0]).toEqual({ username: 'root', password: '123456', role: 100, role_name: 'root' });
  expect(new Set(newapi.accounts.map((a) => a.role_name))).toEqual(new Set(['root', 'admin', 'user']));
  const platform = objects.find((o) => o.dialect === 'platform')!;
  expect(platform.accounts).toContainEqual({ username: PLATFORM_ADMIN_LOGIN.email, email: PLATFORM_ADMIN_LOGIN.email, password: PLATFORM_ADMIN_LOGIN.password, role: 'platform admin', role_name: 'admin' });
  for (const { accounts } of objects) for (const account of accounts) expect(typeof account.role_name).toBe('string');
  expect(err).toEqual([]);
});

test('cli: the banner says rate limits are on and how to turn them off, and heads the accounts with their columns', async () => {
  const banner = (await run('--dialect', 'newapi', '--port', '0')).out.join('');
  expect(banner).toContain('rate limits: on, as upstream ships them (start with --no-rate-limits to turn them off)');
  const lines = banner.split('\n');
  const heading = lines.findIndex((line) => /^ {4}username +password +role$/.test(line));
  expect(heading).toBeGreaterThan(0);
  expect(lines[heading + 1]).toMatch(/^ {4}root +123456 +root \(100\)$/);
  expect(banner).toMatch(/ {4}\S+ +\S+ +admin \(10\)\n/);
  expect((await run('--dialect', 'newapi', '--port', '0', '--no-rate-limits')).out.join('')).toContain('rate limits: off');
});

test('cli: --quiet prints nothing; --log prints one line per request on stderr with secrets masked', async () => {
  const { sandbox, out, err } = await run('--dialect', 'newapi', '--port', '0', '--quiet', '--log');
  expect(out).toEqual([]);
  const url = sandbox!.servers[0]!.url;
  await (await fetch(`${url}/api/user/groups`)).text();
  await (await fetch(`${url}/api/reset_password?email=a@example.com&token=s3cret-token`)).text();
  await (await fetch(`${url}/api/user/login`, { method: 'POST', body: '{"username":"root","password":"123456"}' })).text();
  expect(err).toHaveLength(3);
  expect(err[0]).toMatch(/^newapi GET \/api\/user\/groups 200 \d+ms\n$/);
  expect(err[1]).toMatch(/^newapi GET \/api\/reset_password\?email=a@example\.com&token=\[redacted\] \d{3} \d+ms\n$/);
  expect(err[2]).toMatch(/^newapi POST \/api\/user\/login 200 \d+ms\n$/);
  expect(err.join('')).not.toContain('s3cret-token');
  expect(err.join('')).not.toContain('123456');
});

test('cli: beyond loopback the control API needs a fresh token printed at start; --control-token and --no-control choose', async () => {
  const { out } = await run('--dialect', 'newapi', '--port', '0', '--json', '--host', '0.0.0.0');
  const guarded = JSON.parse(out.join('')) as { url: string; control_token: string };
  expect(guarded.control_token).toMatch(/^[\w-]{32}$/);
  const base = guarded.url.replace('0.0.0.0', '127.0.0.1');
  expect((await fetch(`${base}/__mock/state`)).status).toBe(401);
  expect((await fetch(`${base}/__mock/state`, { headers: { authorization: `Bearer ${guarded.control_token}` } })).status).toBe(200);

  const banner = (await run('--dialect', 'newapi', '--port', '0', '--control-token', 'my-own-token-1234567')).out.join('');
  expect(banner).toContain('control API: /__mock/ needs "Authorization: Bearer my-own-token-1234567"');
  expect((await run('--dialect', 'newapi', '--port', '0')).out.join('')).toContain('control API: /__mock/ open on loopback');
  const off = (await run('--dialect', 'newapi', '--port', '0', '--no-control', '--json')).sandbox!;
  expect((await fetch(`${off.servers[0]!.url}/__mock/state`)).status).toBe(404);
  await expect(main(['--no-control', '--control-token', 'my-own-token-1234567'])).rejects.toThrow('--no-control and --control-token contradict each other');
  await expect(main(['--control-token', 'short'])).rejects.toThrow('--control-token must be 16–256 printable ASCII characters without spaces.');
});

test('cli: the control line names the inspector page, beyond loopback with the token in its fragment', async () => {
  const open = await run('--dialect', 'opencat', '--port', '0');
  expect(open.out.join('')).toContain(`control API: /__mock/ open on loopback; inspector page ${open.sandbox!.servers[0]!.url}/__mock/\n`);
  const guarded = await run('--dialect', 'opencat', '--port', '0', '--host', '0.0.0.0', '--control-token', 'my-own-token-1234567');
  expect(guarded.out.join('')).toContain(`; inspector page ${guarded.sandbox!.servers[0]!.url}/__mock/#token=my-own-token-1234567\n`);
  expect((await run('--dialect', 'opencat', '--port', '0', '--no-control')).out.join('')).not.toContain('inspector page');
});

test('cli: --state works where the control API is guarded', async () => {
  const path = join(mkdtempSync(join(tmpdir(), 'gatewaykit-cli-')), 'state.json');
  const { sandbox } = await run('--dialect', 'newapi', '--port', '0', '--quiet', '--host', '0.0.0.0', '--state', path);
  await sandbox!.stop();
  expect((JSON.parse(readFileSync(path, 'utf8')) as { dialects: { newapi: { users: unknown[] } } }).dialects.newapi.users.length).toBeGreaterThan(0);
});

test('cli: aether serves on its own port range and --json prints each account\'s email beside its password', async () => {
  const { out } = await run('--dialect', 'aether', '--port', '0', '--seed', '1', '--json');
  const printed = JSON.parse(out.join('')) as { dialect: string; url: string; accounts: Array<{ email: string; password: string; role: string }> };
  expect(printed.dialect).toBe('aether');
  const [admin] = printed.accounts;
  expect(admin).toMatchObject({ email: 'admin@localhost', role: 'admin' });
  const login = await fetch(`${printed.url}/api/auth/login`, { method: 'POST', body: JSON.stringify({ email: admin!.email, password: admin!.password }) });
  const { access_token } = (await login.json()) as { access_token: string };
  const users = await fetch(`${printed.url}/api/admin/users`, { headers: { authorization: `Bearer ${access_token}` } });
  expect(users.status).toBe(200);
  expect(((await users.json()) as unknown[]).length).toBe(printed.accounts.length);
}, 60_000);

test('cli: opencat prints each account with its bearer token and no password, and the root token lists users and keys', async () => {
  const { out } = await run('--dialect', 'opencat', '--port', '0', '--seed', '1', '--json');
  const { url, accounts } = JSON.parse(out.join('')) as { url: string; accounts: { username: string; password?: string; token: string; role: string }[] };
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
  const { out, sandbox } = await run('--dialect', 'opencat', '--port', '0', '--seed', '1');
  const banner = out.join('');
  const server = sandbox!.servers[0]!;
  // No passwords: the table heads a token column instead.
  expect(banner).toMatch(/\n {4}username +token +role\n {4}root +[0-9a-f-]{36} +root\n/);
  expect(banner).toContain(`${server.url}/1/users`);
}, 60_000);

test('cli: on loopback only loopback Host names are answered; --allowed-hosts a,b adds names and all turns the guard off', async () => {
  const { sandbox } = await run('--dialect', 'newapi', '--port', '0', '--json');
  const url = sandbox!.servers[0]!.url;
  expect((await sendRaw(`${url}/__mock/accounts`, { headers: { host: 'evil.example' } })).status).toBe(403);
  expect((await sendRaw(`${url}/__mock/accounts`, { headers: { host: 'localhost:4010' } })).status).toBe(200);

  const listed = (await run('--dialect', 'newapi', '--port', '0', '--json', '--allowed-hosts', 'sandbox.test,.dev.test', '--allowed-hosts', 'box.lan')).sandbox!.servers[0]!;
  expect(listed.allowedHosts).toEqual(['sandbox.test', '.dev.test', 'box.lan', '127.0.0.1']);
  for (const host of ['sandbox.test', 'app.dev.test:5173', 'box.lan']) expect((await sendRaw(`${listed.url}/api/user/groups`, { headers: { host } })).status, host).toBe(200);
  expect((await sendRaw(`${listed.url}/api/user/groups`, { headers: { host: 'evil.example' } })).status).toBe(403);

  const open = (await run('--dialect', 'newapi', '--port', '0', '--json', '--allowed-hosts', 'all')).sandbox!.servers[0]!;
  expect(open.allowedHosts).toBe('all');
  expect((await sendRaw(`${open.url}/api/user/groups`, { headers: { host: 'evil.example' } })).status).toBe(200);
}, 60_000);

test('cli: beyond loopback any Host is answered unless --allowed-hosts is given', async () => {
  const exposed = (await run('--dialect', 'newapi', '--port', '0', '--json', '--host', '0.0.0.0')).sandbox!.servers[0]!;
  expect(exposed.allowedHosts).toBe('all');
  expect((await sendRaw(`${exposed.url.replace('0.0.0.0', '127.0.0.1')}/api/user/groups`, { headers: { host: 'sandbox.lan' } })).status).toBe(200);
  const guarded = (await run('--dialect', 'newapi', '--port', '0', '--json', '--host', '0.0.0.0', '--allowed-hosts', 'sandbox.lan')).sandbox!.servers[0]!;
  expect(guarded.allowedHosts).toEqual(['sandbox.lan']);
  expect((await sendRaw(`${guarded.url.replace('0.0.0.0', '127.0.0.1')}/api/user/groups`, { headers: { host: 'other.lan' } })).status).toBe(403);
}, 60_000);

test('cli: an --allowed-hosts entry with a port, an empty one, or all beside names is refused before anything starts', async () => {
  await expect(main(['--allowed-hosts', 'sandbox.test:4010'])).rejects.toThrow(
    new UsageError('Failed to start: --allowed-hosts "sandbox.test:4010" is not a host name or IP address (no port, no scheme).'),
  );
  await expect(main(['--allowed-hosts', 'a.test,,b.test'])).rejects.toThrow('Failed to start: --allowed-hosts "" is not a host name');
  await expect(main(['--allowed-hosts', 'all,a.test'])).rejects.toThrow(
    new UsageError('Failed to start: --allowed-hosts all allows every host already. Please pass it alone, or list the names.'),
  );
});

test('cli: --users N generates N users who log in with the password the banner prints; a bad count is refused', async () => {
  const { out, sandbox } = await run('--dialect', 'newapi', '--port', '0', '--users', '25');
  expect(out.join('')).toContain('plus 25 generated users (--users), all sharing the password "Sandbox123456"');
  const { url } = sandbox!.servers[0]!;
  const state = (await (await fetch(`${url}/__mock/state`)).json()) as { users: Array<{ username: string }> };
  const login = await fetch(`${url}/api/user/login`, { method: 'POST', body: JSON.stringify({ username: state.users.at(-1)!.username, password: 'Sandbox123456' }) });
  expect(((await login.json()) as { success: boolean }).success).toBe(true);
  for (const bad of ['1.5', '1e3', '1000001', 'many']) {
    await expect(main(['--dialect', 'newapi', '--users', bad])).rejects.toThrow(new UsageError(`Failed to start: --users must be a whole number from 0 to 1,000,000, not "${bad}".`));
  }
});

test('cli: --users N reaches every dialect; the banner gives the shared password, or for opencat says the users call with tokens', async () => {
  const { out, sandbox } = await run('--port', '0', '--seed', '1', '--users', '3');
  const banner = out.join('');
  expect(banner.match(/plus 3 generated users \(--users\), all sharing the password "Sandbox123456"/g)).toHaveLength(DIALECT_NAMES.length - 1);
  expect(banner).toContain('plus 3 generated users (--users), each with its own token (no password; GET /1/users lists them to root)');
  const counts = await Promise.all(sandbox!.servers.map(async ({ url }) => ((await (await fetch(`${url}/__mock/state`)).json()) as { users: unknown[] }).users.length));
  const seeded = await Promise.all(DIALECT_NAMES.map(async (dialect) => {
    const server = createReferenceServer({ dialect, seed: 1 });
    await server.ready;
    return server.state.users.length;
  }));
  expect(counts).toEqual(seeded.map((n) => n + 3));
});
