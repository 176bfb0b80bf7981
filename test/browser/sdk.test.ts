import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { bundleSdk, launchChromium, serveWithApp } from './browser.js';

let browser: Browser;
let app: Awaited<ReturnType<typeof serveWithApp>>;

beforeAll(async () => {
  browser = await launchChromium();
  app = await serveWithApp({
    '/app/sdk.js': { type: 'text/javascript', body: await bundleSdk() },
    '/app/': { type: 'text/html', body: '<!doctype html><title>console</title><script type="module">import * as sdk from "/app/sdk.js"; window.sdk = sdk;</script>' },
  });
});
/** The console page, once its module has loaded the SDK bundle onto `window.sdk`. */
async function openApp() {
  const page = await browser.newPage();
  await page.goto(`${app.url}/app/`);
  await page.waitForFunction(() => 'sdk' in window);
  return page;
}

afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test('browser: the bundled SDK logs in with the browser\'s own cookie (HttpOnly, credentials include) and reads self', async () => {
  const page = await openApp();
  const result = await page.evaluate(async () => {
    const { NewApiClient } = (window as unknown as { sdk: typeof import('../../src/newapi/index.js') }).sdk;
    const client = new NewApiClient({ baseURL: location.origin });
    await client.auth.login({ username: 'root', password: '123456' });
    const me = await client.self.retrieve();
    // The session cookie is HttpOnly: the page cannot read it, the browser sends it.
    return { username: me.username, cookieVisibleToScript: document.cookie.includes('session=') };
  });
  expect(result).toEqual({ username: 'root', cookieVisibleToScript: false });
  await page.close();
});

test('browser: errors keep their class and the server message inside the page', async () => {
  const page = await openApp();
  const result = await page.evaluate(async () => {
    const { NewApiClient } = (window as unknown as { sdk: typeof import('../../src/newapi/index.js') }).sdk;
    const client = new NewApiClient({ baseURL: location.origin });
    const err = await client.auth.login({ username: 'root', password: 'wrong-password' }).catch((e: Error) => e);
    return { name: (err as Error).name, message: (err as Error).message };
  });
  expect(result).toEqual({ name: 'AuthenticationError', message: 'Username or password is incorrect, or user has been banned' });
  await page.close();
});
