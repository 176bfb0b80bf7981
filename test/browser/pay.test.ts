import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { NewApiClient } from '../../src/newapi/index.js';
import { launchChromium, serveWithApp } from './browser.js';

let browser: Browser;
let app: Awaited<ReturnType<typeof serveWithApp>>;

beforeAll(async () => {
  browser = await launchChromium();
  app = await serveWithApp({});
});
afterAll(async () => {
  await browser?.close();
  await app?.close();
});

test('browser: a person opens the pay URL, presses Pay, and the quota rises on /api/user/self', async () => {
  const account = app.reference.accounts.find((a) => a.role === 1)!;
  const client = new NewApiClient({ baseURL: app.url });
  await client.auth.login({ username: account.username, password: account.password });
  const before = (await client.self.retrieve()).quota;
  const { url, fields } = await client.payments.create({ amount: 10, payment_method: 'alipay' });

  // What a console does with the answer: post the fields as a form to the provider's page.
  const page = await browser.newPage();
  const inputs = Object.entries(fields)
    .map(([name, value]) => `<input type="hidden" name="${name}" value="${String(value).replace(/"/g, '&quot;')}">`)
    .join('');
  await page.setContent(`<form id="pay" method="POST" action="${url}">${inputs}</form>`);
  await Promise.all([page.waitForNavigation(), page.evaluate(() => (document.getElementById('pay') as HTMLFormElement).submit())]);
  expect(await page.content()).toContain(String(fields.out_trade_no));

  await Promise.all([page.waitForNavigation(), page.getByRole('button', { name: /pay/i }).click()]);
  // Back at return_url, with the signed result in the query as Epay gateways send it.
  const back = new URL(page.url());
  expect(back.origin + back.pathname).toBe(String(fields.return_url));
  expect(back.searchParams.get('trade_status')).toBe('TRADE_SUCCESS');
  await page.close();

  const after = (await client.self.retrieve()).quota;
  expect(after - before).toBe(client.usdToQuota(10));
});
