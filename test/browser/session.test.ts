import { mkdir, readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, onTestFinished, test } from 'vitest';
import { bundle, launchChromium, serveFiles } from './browser.js';
import type { SessionPage, Wiring } from './session-page.js';

const SCREENSHOTS = '.tmp/screenshots';

let browser: Browser;
let site: Awaited<ReturnType<typeof serveFiles>>;

beforeAll(async () => {
  browser = await launchChromium();
  await mkdir(SCREENSHOTS, { recursive: true });
  site = await serveFiles({
    // msw's own worker file, served at the scope root as its docs ask; never a committed copy.
    '/mockServiceWorker.js': { type: 'text/javascript', body: await readFile('node_modules/msw/lib/mockServiceWorker.js', 'utf8') },
    '/app/page.js': { type: 'text/javascript', body: await bundle('test/browser/session-page.ts') },
    '/app/': { type: 'text/html', body: '<!doctype html><title>session</title><pre></pre><script type="module" src="/app/page.js"></script>' },
  });
});
afterAll(async () => {
  await browser?.close();
  await site?.close();
});

/**
 * The console page wired `wiring` in a browser context of its own (fresh cookies and storage), once its in-page
 * server (and worker) is up; `reload()` loads it again the same way.
 */
async function openConsole(wiring: Wiring) {
  const context = await browser.newContext();
  onTestFinished(() => context.close());
  const page = await context.newPage();
  const ready = async () => {
    await page.waitForFunction(() => 'session' in window);
    await page.evaluate(() => (window as unknown as { session: Promise<SessionPage> }).session);
  };
  await page.goto(`${site.url}/app/?wiring=${wiring}`);
  await ready();
  return { page, reload: () => page.reload().then(ready) };
}

/** Runs one of the page's {@link SessionPage} methods inside it. */
function call<K extends keyof SessionPage>(page: Page, method: K) {
  return page.evaluate(async (name) => {
    const session = await (window as unknown as { session: Promise<SessionPage> }).session;
    return (session[name] as () => unknown)();
  }, method) as Promise<Awaited<ReturnType<SessionPage[K]>>>;
}

test('session: under setupWorker, login → self → tokens works with the cookie out of document.cookie, survives a reload with the state carried over, and logout ends it', async () => {
  const { page, reload } = await openConsole('worker');
  expect(await call(page, 'loginSelfTokens')).toEqual({ username: 'root', tokens: ['from-worker', 'playground', 'default'], cookieVisibleToScript: false });
  await page.screenshot({ path: `${SCREENSHOTS}/session-worker.png` });

  // msw keeps the cookie in localStorage, so it outlives the page; the in-page server only does if its state is carried over.
  await call(page, 'saveState');
  await reload();
  expect(await call(page, 'selfTokens')).toEqual({ username: 'root', tokens: ['from-worker', 'playground', 'default'] });
  await call(page, 'logout');
  expect(await call(page, 'selfTokens')).toMatchObject({ status: 401 });
});

test('session: under setupWorker, a reload without the saved state rebuilds the server from its seed, and the session is gone', async () => {
  const { page, reload } = await openConsole('worker');
  await call(page, 'loginSelfTokens');
  await reload();
  expect(await call(page, 'selfTokens')).toMatchObject({ status: 401 });
});

test('session: with fetch: server.fetch, login → self → tokens works with the cookie out of document.cookie, and a reload drops it', async () => {
  const { page, reload } = await openConsole('fetch');
  expect(await call(page, 'loginSelfTokens')).toEqual({ username: 'root', tokens: ['from-fetch', 'playground', 'default'], cookieVisibleToScript: false });
  await page.screenshot({ path: `${SCREENSHOTS}/session-fetch.png` });

  // server.fetch holds the cookie in the page's memory, as the browser's jar holds a real server's: a reload drops it.
  await call(page, 'saveState');
  await reload();
  expect(await call(page, 'selfTokens')).toMatchObject({ status: 401 });
});

test('session: credentials omit neither sends the session cookie nor keeps one a login sets, under setupWorker and with fetch: server.fetch', async () => {
  for (const wiring of ['worker', 'fetch'] as const) {
    const { page } = await openConsole(wiring);
    expect(await call(page, 'omitCredentials')).toEqual({ selfOnSession: false, loginLeavesSession: false });
  }
});

test('session: server.fetch by path alone (the page fetch default, credentials same-origin) keeps the session, as a page fetching its own origin does', async () => {
  const { page } = await openConsole('fetch');
  expect(await call(page, 'selfByPath')).toBe(true);
});

test('session: a login to a gateway on another site keeps no session, as a browser refuses the SameSite=Strict cookie of a cross-site answer, under setupWorker and with fetch: server.fetch', async () => {
  for (const wiring of ['worker', 'fetch'] as const) {
    const { page } = await openConsole(wiring);
    expect(await call(page, 'crossSite')).toMatchObject({ loggedIn: true, self: { status: 401 } });
  }
});
