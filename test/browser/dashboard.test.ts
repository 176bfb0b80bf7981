import { mkdirSync } from 'node:fs';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, Locator, Page } from 'playwright-core';
import { createServer } from 'vite';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { dashboardConfig } from '../../examples/dashboard/config.js';
import { createReferenceServer } from '../../mocks/index.js';
import { serve } from '../../mocks/node/index.js';
import { launchChromium } from './browser.js';

const SCREENSHOTS = '.tmp/screenshots';
// Longer than playwright's 30 s wait for a locator, so a page that never gets there fails naming the locator it
// waited for, not with the test's own timeout. Only a guard against a hang: nothing here is timed.
const TIMEOUT = 90_000;
let browser: Browser;
const stops: Array<() => Promise<void>> = [];

beforeAll(async () => {
  mkdirSync(SCREENSHOTS, { recursive: true });
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  for (const stop of stops.reverse()) await stop();
});

/**
 * examples/dashboard's Vite dev server in `mode`, on a free port: Vite in middleware mode under our own node:http
 * server, since Vite's `listen()` takes port 0 for "the default, 5173". Its HMR socket shares that server and port.
 */
async function startDashboard(mode: string, sandboxUrl?: string): Promise<string> {
  const config = dashboardConfig({ mode, sandboxUrl });
  let middlewares: (request: IncomingMessage, response: ServerResponse) => void = () => {};
  const http = createHttpServer((request, response) => middlewares(request, response));
  const vite = await createServer({ ...config, configFile: false, logLevel: 'error', server: { ...config.server, middlewareMode: true, hmr: { server: http } } });
  middlewares = vite.middlewares;
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  stops.push(async () => {
    await new Promise((resolve) => http.close(resolve));
    http.closeAllConnections();
    await vite.close();
  });
  return `http://127.0.0.1:${(http.address() as AddressInfo).port}/`;
}

/** A page that records its uncaught errors, so a test can require there were none. */
async function openPage(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  return { page, errors };
}

/** Logs in with the prefilled root login; the dashboard names its backend and shows root's account. */
async function logIn(page: Page, url: string, backend: string) {
  await page.goto(url);
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('heading', { name: 'API keys' }).waitFor();
  await page.getByText(`Backend: ${backend}`).waitFor();
  expect(await page.getByRole('region', { name: 'Account' }).textContent()).toMatch(/Usernameroot.*Roleroot/);
}

/**
 * Creates a key through the form: its full key is shown once, in the notice, and its row lists it masked as the
 * server answers it. Answers the row.
 */
async function createKey(page: Page, name: string): Promise<Locator> {
  await page.getByLabel('New key name').fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  const key = (await page.getByTestId('new-key').textContent())!;
  expect(key).toMatch(/^sk-[A-Za-z0-9]{48}$/);
  const row = page.getByRole('row', { name: new RegExp(name) });
  await row.waitFor();
  expect(await row.textContent()).toContain(`sk-${key.slice(3, 7)}**********${key.slice(-4)}`);
  expect(await row.textContent()).not.toContain(key);
  return row;
}

/** Revokes the key of `row` by its button and waits for the row to go. */
async function revokeKey(page: Page, name: string, row: Locator) {
  await page.getByRole('button', { name: `Revoke ${name}` }).click();
  await row.waitFor({ state: 'detached' });
}

test('dashboard (Vite proxy to the HTTP sandbox): log in, see the user, create a key shown once, keep the session over a reload, revoke it', async () => {
  const reference = createReferenceServer({ dialect: 'newapi', seed: 1 });
  const sandbox = await serve(reference);
  stops.push(() => sandbox.close());
  const url = await startDashboard('development', sandbox.url);
  const { page, errors } = await openPage();
  const hasKey = () => reference.state.tokens.some((token) => token.name === 'dashboard-proxy');

  await logIn(page, url, 'HTTP sandbox via the Vite proxy');
  // One origin through the proxy: the browser keeps new-api's HttpOnly session cookie for the dev server.
  const cookies = await page.context().cookies(url);
  expect(cookies.find((cookie) => cookie.name === 'session')).toMatchObject({ httpOnly: true, domain: '127.0.0.1' });

  const row = await createKey(page, 'dashboard-proxy');
  expect(hasKey()).toBe(true);
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard-proxy.png`, fullPage: true });

  // After a reload the session goes on (the browser's cookie, the tab's user id), and the full key is gone for good.
  await page.reload();
  await row.waitFor();
  expect(await page.getByTestId('new-key').count()).toBe(0);
  await revokeKey(page, 'dashboard-proxy', row);
  expect(hasKey()).toBe(false);
  expect(errors).toEqual([]);
  await page.close();
}, TIMEOUT);

test('dashboard (msw in the page): a wrong password is refused, log in, see the user, create a key shown once, revoke it; a reload starts from the seed', async () => {
  const url = await startDashboard('msw');
  const { page, errors } = await openPage();

  // A wrong password gets the server's own message, answered by the reference server inside the page.
  await page.goto(url);
  await page.getByLabel('Password').fill('wrong-password');
  await page.getByRole('button', { name: 'Log in' }).click();
  await page.getByRole('alert').getByText('Username or password is incorrect, or user has been banned').waitFor();

  await logIn(page, url, 'reference server in the page (msw)');
  const row = await createKey(page, 'dashboard-msw');
  await page.screenshot({ path: `${SCREENSHOTS}/dashboard-msw.png`, fullPage: true });
  await revokeKey(page, 'dashboard-msw', row);

  // A reload rebuilds the in-page server from its seed: its sessions are gone, so the form comes back.
  await page.reload();
  await page.getByRole('button', { name: 'Log in' }).waitFor();
  expect(errors).toEqual([]);
  await page.close();
}, TIMEOUT);
