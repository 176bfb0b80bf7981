import { mkdir, readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { DIALECTS } from '../../mocks/dialects.js';
import { createReferenceServer, DIALECT_NAMES, type DialectName, type ReferenceServer } from '../../mocks/index.js';
import { serve, type RunningServer } from '../../mocks/node/index.js';
import { PlatformClient } from '../../src/platform/index.js';
import { launchChromium } from './browser.js';

const START = Date.UTC(2026, 0, 1);
const SCREENSHOTS = '.tmp/screenshots';
let browser: Browser;
const closing: RunningServer[] = [];

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
});
afterAll(async () => {
  await browser?.close();
  await Promise.all(closing.map((running) => running.close()));
});

/** A sandbox of `dialect` over HTTP on a free port, its clock frozen so the page's time moves only by its buttons. */
async function sandbox(dialect: DialectName, control?: { token: string }) {
  const server: ReferenceServer = createReferenceServer({ dialect, seed: 1, clock: { frozen: true, now: START }, ...(control ? { control } : {}) });
  await server.ready;
  const running = await serve(server, { port: 0 });
  closing.push(running);
  return { server, url: running.url };
}

const problems = new WeakMap<Page, string[]>();

/** Opens the inspector and waits for its first load, noting every page error and console error (a CSP refusal). */
async function open(url: string): Promise<Page> {
  const page = await browser.newPage({ acceptDownloads: true });
  const seen: string[] = [];
  problems.set(page, seen);
  page.on('pageerror', (error) => seen.push(error.message));
  page.on('console', (message) => void (message.type() === 'error' && seen.push(message.text())));
  await page.goto(url);
  await page.locator('#status', { hasText: 'Loaded.' }).waitFor();
  return page;
}

/** Closes a page {@link open} opened, failing if it logged an error or the CSP refused anything. */
async function done(page: Page) {
  expect(problems.get(page)).toEqual([]);
  await page.close();
}

/** Clicks `selector` and waits for the status line the action ends with. */
async function act(page: Page, selector: string, done: string) {
  await page.locator('#status').evaluate((node) => (node.textContent = ''));
  await page.click(selector);
  await page.locator('#status', { hasText: done }).waitFor();
}

/** Clicks the page's state download and reads what the browser saved. */
async function downloadState(page: Page) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#download')]);
  return { name: download.suggestedFilename(), state: JSON.parse(await readFile((await download.path())!, 'utf8')) as unknown };
}

// What makes each dialect send mail, done as a client would; aether and opencat send none (no mail route upstream).
const MAIL: Partial<Record<DialectName, (url: string, server: ReferenceServer) => Promise<void>>> = {
  async newapi(url, server) {
    const email = (server.state as { users: Array<{ email: string }> }).users.find((u) => u.email)!.email;
    await fetch(`${url}/api/reset_password?email=${encodeURIComponent(email)}`);
  },
  async platform(url, server) {
    const client = new PlatformClient({ baseURL: url, maxRetries: 0 });
    const { captcha_id } = await client.auth.captcha.create();
    const { answer } = (await (await fetch(`${url}/__mock/captchas/${captcha_id}`)).json()) as { answer: string };
    const { captcha_token } = await client.auth.captcha.verify({ captcha_id, answer });
    await client.users.me.sendEmailCode({ email: server.accounts[0]!.email!, purpose: 'reset_password', captcha_token });
  },
};

for (const dialect of DIALECT_NAMES) {
  test(`inspector (${dialect}): accounts, clock buttons, outbox codes, a fault toggled, reset, and a screenshot`, async () => {
    const { server, url } = await sandbox(dialect);
    const page = await open(`${url}/__mock/`);

    expect(await page.locator('h1').textContent()).toBe(`gatewaykit sandbox ${dialect}`);
    const shown = await page.locator('#accounts tr').allTextContents();
    expect(shown).toHaveLength(server.accounts.length);
    server.accounts.forEach((account, i) => expect(shown[i]).toContain(account.username));

    // The clock moves by the server's clock, never the browser's.
    expect(await page.locator('#clock').textContent()).toBe('2026-01-01 00:00:00 UTC');
    await act(page, 'button[data-advance="3600000"]', 'Moved the clock +1 h.');
    await act(page, 'button[data-advance="86400000"]', 'Moved the clock +1 day.');
    await act(page, 'button[data-advance="60000"]', 'Moved the clock +1 min.');
    expect(await page.locator('#clock').textContent()).toBe('2026-01-02 01:01:00 UTC');
    expect(server.clock.now()).toBe(START + 86_400_000 + 3_600_000 + 60_000);

    const mail = MAIL[dialect];
    if (mail) {
      await mail(url, server);
      await act(page, '#refresh', 'Refreshed.');
      const sent = server.state.outbox.at(-1)!;
      expect(await page.locator('#outbox .code').allTextContents()).toEqual([sent.code]);
      expect(await page.locator('#outbox article').first().textContent()).toContain(sent.to);
    } else {
      expect(await page.locator('#outbox-empty').isVisible()).toBe(true);
    }
    // The request journal, newest first, as the page lists it.
    await fetch(`${url}/no/such/path`);
    await act(page, '#refresh', 'Refreshed.');
    expect(await page.locator('#requests tr').first().textContent()).toContain('/no/such/path');

    // Faults hit routes only: a route any caller may GET, the first the dialect lists.
    const route = DIALECTS[dialect].routes.find((r) => r.method === 'GET' && !r.path.includes(':') && !r.path.startsWith('/__mock/'))!.path;
    const healthy = (await fetch(`${url}${route}`)).status;
    expect(healthy).not.toBe(500);
    await act(page, '#fault-errors', 'Every dialect request now fails with a 500.');
    expect(await page.locator('#faults-state').textContent()).toBe('on');
    expect((await fetch(`${url}${route}`)).status).toBe(500);
    await page.screenshot({ path: `${SCREENSHOTS}/inspector-${dialect}.png`, fullPage: true });
    await act(page, '#fault-errors', 'Requests no longer fail at random.');
    expect(await page.locator('#faults-state').textContent()).toBe('off');
    expect((await fetch(`${url}${route}`)).status).toBe(healthy);

    await act(page, '#reset', 'Back to the seeded state.');
    expect(await page.locator('#clock').textContent()).toBe('2026-01-01 00:00:00 UTC');
    expect(await page.locator('#outbox-empty').isVisible()).toBe(true);
    expect(await page.locator('#requests tr').count()).toBe(0);
    await page.close();
  });
}

test('inspector: what callers wrote shows as text: a subject and a request body with HTML in them run nothing', async () => {
  const { server, url } = await sandbox('newapi');
  const attack = '<img src=x onerror="window.pwned=1">';
  await fetch(`${url}/__mock/settings`, { method: 'PATCH', body: JSON.stringify({ SystemName: attack }) });
  await fetch(`${url}/api/reset_password?email=${encodeURIComponent((server.state as { users: Array<{ email: string }> }).users.find((u) => u.email)!.email)}`);
  await fetch(`${url}/api/user/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: `{"username":"${attack.replace(/"/g, '\\"')}"}` });
  const page = await open(`${url}/__mock/`);
  expect(await page.locator('#outbox summary').first().textContent()).toBe(`${attack}密码重置`);
  await page.locator('#requests summary').first().click();
  expect(await page.locator('#requests pre').first().textContent()).toContain('<img src=x onerror=\\"window.pwned=1\\">');
  expect(await page.evaluate(() => ({ images: document.querySelectorAll('img').length, pwned: 'pwned' in window }))).toEqual({ images: 0, pwned: false });
  // The reset link in the mail body is a link; its host is the sandbox's, not a header's.
  expect(await page.locator('#outbox a').first().getAttribute('href')).toMatch(new RegExp(`^${url}/user/reset\\?email=`));
  await done(page);
});

test('inspector: a setting changed in the page is patched on the server; a refused value shows the server\'s reason', async () => {
  const { server, url } = await sandbox('newapi');
  const page = await open(`${url}/__mock/`);
  await act(page, 'input[name="RegisterEnabled"]', 'Saved RegisterEnabled.');
  expect((server.state.settings as { RegisterEnabled: boolean }).RegisterEnabled).toBe(false);
  await page.fill('input[name="MaxUserTokens"]', '-1');
  await page.locator('input[name="MaxUserTokens"]').dispatchEvent('change');
  await page.locator('#status.failed', { hasText: 'Failed to update the settings: ' }).waitFor();
  expect((server.state.settings as { MaxUserTokens: number }).MaxUserTokens).toBe(1000);
  // The field shows what the server holds again, not the value it refused.
  expect(await page.inputValue('input[name="MaxUserTokens"]')).toBe('1000');
  // Not done(page): the refused PATCH logs its 400 to the console, as a browser does.
  await page.close();
});

test('inspector: a fault toggle the server refused goes back to what the server holds', async () => {
  const { url } = await sandbox('opencat');
  const page = await open(`${url}/__mock/`);
  // A refusal the page cannot provoke itself: the PUT is answered 400 before it reaches the sandbox.
  await page.route('**/__mock/faults', (route) =>
    route.request().method() === 'PUT' ? route.fulfill({ status: 400, json: { error: 'Failed to set the faults: refused.' } }) : route.continue(),
  );
  await page.click('#fault-errors');
  await page.locator('#status.failed', { hasText: 'Failed to set the faults: refused.' }).waitFor();
  expect(await page.isChecked('#fault-errors')).toBe(false);
  expect(await page.locator('#faults-state').textContent()).toBe('off');
  await page.close();
});

test('inspector: the state downloads under the dialect\'s name through the plain link on loopback', async () => {
  const { url } = await sandbox('opencat');
  const page = await open(`${url}/__mock/`);
  expect(await downloadState(page)).toMatchObject({ name: 'gatewaykit-opencat-state.json', state: { users: expect.any(Array) } });
  await done(page);
});

/** Opens a sandbox guarded by `token` as `/__mock/#token=<token>`: the fragment leaves the address bar and the data loads. */
async function openWithToken(dialect: DialectName, token: string): Promise<Page> {
  const { url } = await sandbox(dialect, { token });
  const page = await open(`${url}/__mock/#token=${token}`);
  expect(page.url()).toBe(`${url}/__mock/`);
  expect(await page.locator('#accounts tr').count()).toBeGreaterThan(0);
  return page;
}

test('inspector: a guarded sandbox takes the token once from #token=, forgets it in the address bar, and sends it on every call', async () => {
  const token = 'inspector-browser-token-0123456789';
  const page = await openWithToken('aether', token);
  expect(await page.content()).not.toContain(token);
  expect(await downloadState(page)).toMatchObject({ name: 'gatewaykit-aether-state.json', state: { users: expect.any(Array) } });
  await done(page);
});

test('inspector: a token typed into the fragment as it is, a stray % included, is taken as it is', async () => {
  await done(await openWithToken('opencat', 'inspector-token-with-%zz-01234567'));
});

test('inspector: a guarded sandbox opened without the token asks for it, then loads', async () => {
  const token = 'inspector-browser-token-9876543210';
  const { url } = await sandbox('platform', { token });
  const page = await browser.newPage();
  await page.goto(`${url}/__mock/`);
  await page.locator('#token-form').waitFor();
  expect(await page.locator('#status').textContent()).toBe('This sandbox listens beyond loopback: enter the control token it printed at start.');
  await page.fill('#token-input', token);
  await page.click('#token-form button');
  await page.locator('#status', { hasText: 'Token kept for this tab.' }).waitFor();
  expect(await page.locator('#accounts tr').count()).toBeGreaterThan(0);
  expect(await page.locator('#token-form').isHidden()).toBe(true);
  await page.close();
});

test("inspector: a page of another site cannot drive the sandbox: the write its browser sends without a preflight is refused", async () => {
  const { server, url } = await sandbox('newapi');
  const elsewhere = await serve({ fetch: () => Promise.resolve(new Response('<!doctype html><title>elsewhere</title>', { headers: { 'content-type': 'text/html' } })) });
  closing.push(elsewhere);
  const page = await browser.newPage();
  // localhost and 127.0.0.1 are two sites to the browser.
  await page.goto(elsewhere.url.replace('127.0.0.1', 'localhost'));
  await page.evaluate((target) => fetch(`${target}/__mock/clock`, { method: 'POST', mode: 'no-cors', body: '{"advance_ms":60000}' }).then(() => undefined), url);
  expect(server.clock.now()).toBe(START);
  await page.close();
});

test('inspector: a page on a name rebound to 127.0.0.1 is refused 403 and reads neither the page nor the accounts', async () => {
  const { url } = await sandbox('newapi');
  // What an attacker's DNS does after the first answer: the name now points at the sandbox, same-origin to the page.
  const rebound = await launchChromium(['--host-resolver-rules=MAP rebind.test 127.0.0.1']);
  try {
    const page = await rebound.newPage();
    const origin = url.replace('127.0.0.1', 'rebind.test');
    const navigation = await page.goto(`${origin}/__mock/`);
    expect(navigation!.status()).toBe(403);
    expect(await page.locator('body').textContent()).toContain('--allowed-hosts rebind.test');
    const read = await page.evaluate(() => fetch('/__mock/accounts').then(async (r) => ({ status: r.status, text: await r.text() })));
    expect(read.status).toBe(403);
    expect(read.text).not.toContain('123456');
  } finally {
    await rebound.close();
  }
});
