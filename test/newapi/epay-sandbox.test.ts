import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, test } from 'vitest';
import { BODY_LIMIT_BYTES } from '../../mocks/core/body.js';
import { createReferenceServer } from '../../mocks/index.js';
import { signEpayParams } from '../../src/newapi/epay.js';
import { commonUser, formInit, pathOf, readForm, totalQuota } from '../support/billing.js';
import { useNewApi } from '../support/harness.js';

/** The sandbox payment provider under `/__mock/epay/`: its pages, and the control API that pays an order. */
const api = useNewApi();

async function newOrder(amount = 1) {
  const user = commonUser(api);
  const form = await (await api.loginAs(user.username)).payments.create({ amount, payment_method: 'alipay' });
  return { user, ...form, row: api.server.state.top_ups.find((o) => o.trade_no === form.fields.out_trade_no)! };
}

test('sandbox: a form whose signature does not check out is refused with an error page, and nothing is paid', async () => {
  const { url, fields, row } = await newOrder();
  for (const tampered of [{ ...fields, money: '0.01' }, { ...fields, pid: '9999' }, { ...fields, sign: '' }]) {
    const page = await api.raw(pathOf(url), formInit(tampered));
    expect(page.status).toBe(400);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toMatch(/Signature check failed|Unknown merchant|Missing parameter: sign/);
    // No page of the provider may be framed by another site (a framed Pay button would be same-origin).
    expect(page.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
    expect(page.headers.get('x-frame-options')).toBe('DENY');
    const paid = await api.raw('/__mock/epay/pay', formInit(tampered, { redirect: 'manual' }));
    expect(paid.status).toBe(400);
  }
  expect(row.status).toBe('pending');
});

test('sandbox: a form past the 1 MiB body limit is refused with an error page (413), not a JSON envelope, and nothing is paid', async () => {
  const { url, fields, row } = await newOrder();
  const huge = { ...fields, name: 'x'.repeat(BODY_LIMIT_BYTES) };
  for (const path of [pathOf(url), '/__mock/epay/pay']) {
    const page = await api.raw(path, formInit(huge, { redirect: 'manual' }));
    expect(page.status, path).toBe(413);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await page.text()).toContain('This form is too large for the sandbox provider.');
  }
  expect(row.status).toBe('pending');
});

test('sandbox: Cancel goes back to return_url without paying', async () => {
  const { url, fields, row } = await newOrder();
  const html = await (await api.raw(pathOf(url), formInit(fields))).text();
  expect(html).toContain(`<a class="cancel" href="${fields.return_url}">Cancel</a>`);
  expect(row.status).toBe('pending');
});

test('sandbox: the checkout page escapes what it shows, even in a correctly signed form', async () => {
  const { url, fields } = await newOrder();
  const { sign: _sign, sign_type: _type, ...unsigned } = fields;
  const hostile = signEpayParams({ ...unsigned, name: '<script>alert(1)</script>', return_url: 'javascript:alert(2)' }, api.server.state.settings.EpayKey);
  const checkout = await api.raw(pathOf(url), formInit(hostile));
  expect(checkout.headers.get('content-security-policy')).toBe("frame-ancestors 'none'");
  const html = await checkout.text();
  expect(html).not.toMatch(/<script|href="javascript/i);
  expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  expect(html).not.toContain('Cancel</a>');
  expect(readForm(html).fields).toEqual({ ...hostile, gatewaykit_pay_token: expect.stringMatching(/^[\w-]{32}$/) });
});

test('sandbox: Pay when the merchant answers fail shows the answer (502) instead of going back', async () => {
  const { url, fields, row } = await newOrder();
  const form = readForm(await (await api.raw(pathOf(url), formInit(fields))).text());
  api.server.state.settings.PaymentComplianceConfirmed = false;
  const paid = await api.raw('/__mock/epay/pay', formInit(form.fields, { redirect: 'manual' }));
  expect(paid.status).toBe(502);
  expect(await paid.text()).toContain('did not answer &#34;success&#34; (HTTP 200)');
  expect(row.status).toBe('pending');
});

test('sandbox: an order without an http(s) return_url ends on a "Paid" page', async () => {
  api.server.state.settings.ServerAddress = 'javascript:alert(1)//';
  api.server.state.settings.CustomCallbackAddress = api.baseURL;
  const { url, fields, user } = await newOrder(1);
  const before = user.row.quota;
  const form = readForm(await (await api.raw(pathOf(url), formInit(fields))).text());
  const paid = await api.raw('/__mock/epay/pay', formInit(form.fields, { redirect: 'manual' }));
  expect(paid.status).toBe(200);
  expect(await paid.text()).toContain('is paid');
  expect(user.row.quota).toBe(before + 500_000);
});

test('control API: POST /__mock/epay/orders/:out_trade_no/pay pays an order; a second time credits nothing', async () => {
  const { fields, row, user } = await newOrder(4);
  const before = user.row.quota;
  const first = await api.raw(`/__mock/epay/orders/${fields.out_trade_no}/pay`, { method: 'POST' });
  const body = (await first.json()) as { answer: string; status: number; notify_url: string; params: Record<string, string> };
  expect(body).toMatchObject({ answer: 'success', status: 200, notify_url: `${api.baseURL}/api/user/epay/notify` });
  expect(body.params).toMatchObject({ out_trade_no: fields.out_trade_no, money: '29.20', name: 'TUC4', trade_status: 'TRADE_SUCCESS' });
  expect(row.status).toBe('success');
  expect(user.row.quota).toBe(before + 2_000_000);
  const total = totalQuota(api);
  const second = (await (await api.raw(`/__mock/epay/orders/${fields.out_trade_no}/pay`, { method: 'POST' })).json()) as { answer: string };
  expect(second.answer).toBe('success');
  expect(totalQuota(api)).toBe(total);
});

test('control API: paying an unknown order is a 404 with the reason', async () => {
  const response = await api.raw('/__mock/epay/orders/USR1NOnothing1700000000/pay', { method: 'POST' });
  expect(response.status).toBe(404);
  expect(await response.json()).toEqual({ error: 'Failed to pay: there is no order USR1NOnothing1700000000. Please create one with POST /api/user/pay.' });
});

test('control API: a callback address that is no URL is refused (409) and nothing is fetched or paid', async () => {
  api.server.state.settings.CustomCallbackAddress = 'javascript:alert(1)//';
  const { fields, row } = await newOrder();
  const response = await api.raw(`/__mock/epay/orders/${fields.out_trade_no}/pay`, { method: 'POST' });
  expect(response.status).toBe(409);
  expect(await response.json()).toEqual({ error: 'Failed to pay: The notify_url is not an http(s) URL.' });
  expect(row.status).toBe('pending');
});

test('control API: paying an order from another site is refused (403)', async () => {
  const { fields, row } = await newOrder();
  const response = await api.raw(`/__mock/epay/orders/${fields.out_trade_no}/pay`, { method: 'POST', headers: { origin: 'https://evil.example' } });
  expect(response.status).toBe(403);
  expect(row.status).toBe('pending');
});

test('sandbox: a signed form whose notify_url is another local service is refused, and that service is never called', async () => {
  const other = await countingServer('internal secret answer');
  try {
    const { url, fields, row } = await newOrder();
    const hostile = resign({ ...fields, notify_url: `${other.url}/admin` });
    const checkout = await api.raw(pathOf(url), formInit(hostile));
    expect(checkout.status).toBe(400);
    expect(await checkout.text()).toContain(`The sandbox sends notifies only to itself, and ${new URL(other.url).host} is not this server.`);
    const paid = await api.raw('/__mock/epay/pay', formInit(hostile, { redirect: 'manual' }));
    expect(paid.status).toBe(400);
    expect(await paid.text()).not.toContain('internal secret answer');
    expect(other.hits).toBe(0);
    expect(row.status).toBe('pending');
  } finally {
    await other.close();
  }
});

test('sandbox: Pay needs the token of its own checkout page, once; without it nothing is paid (403)', async () => {
  const { url, fields, row } = await newOrder();
  const page = await api.raw('/__mock/epay/pay', formInit(fields, { redirect: 'manual' }));
  expect(page.status).toBe(403);
  expect(await page.text()).toContain('This checkout page has expired or was already used.');
  // A token is good for the order it was issued with only.
  const otherOrder = await newOrder();
  const foreign = readForm(await (await api.raw(pathOf(otherOrder.url), formInit(otherOrder.fields))).text()).fields;
  expect((await api.raw('/__mock/epay/pay', formInit({ ...fields, gatewaykit_pay_token: foreign.gatewaykit_pay_token! }, { redirect: 'manual' }))).status).toBe(403);
  expect(row.status).toBe('pending');

  const form = readForm(await (await api.raw(pathOf(url), formInit(fields))).text());
  expect((await api.raw('/__mock/epay/pay', formInit(form.fields, { redirect: 'manual' }))).status).toBe(302);
  expect(row.status).toBe('success');
  expect((await api.raw('/__mock/epay/pay', formInit(form.fields, { redirect: 'manual' }))).status).toBe(403);
});

test('sandbox: Pay posted from another site is refused (403), pays nothing and leaves the page usable', async () => {
  const { url, fields, row } = await newOrder();
  const form = readForm(await (await api.raw(pathOf(url), formInit(fields))).text());
  const foreign: Array<Record<string, string>> = [{ origin: 'https://evil.example' }, { origin: 'null' }, { 'sec-fetch-site': 'cross-site' }];
  for (const headers of foreign) {
    const init = formInit(form.fields, { redirect: 'manual' });
    const page = await api.raw('/__mock/epay/pay', { ...init, headers: { ...(init.headers as Record<string, string>), ...headers } });
    expect(page.status).toBe(403);
    expect(await page.text()).toContain('This payment was posted from another site.');
  }
  expect(row.status).toBe('pending');
  const sameOrigin = formInit(form.fields, { redirect: 'manual' });
  const paid = await api.raw('/__mock/epay/pay', { ...sameOrigin, headers: { ...(sameOrigin.headers as Record<string, string>), origin: new URL(api.baseURL).origin, 'sec-fetch-site': 'same-origin' } });
  expect(paid.status).toBe(302);
  expect(row.status).toBe('success');
});

test('sandbox: a host allowed with allowNotifyHosts gets the notify; the page shows its status, never its answer', async () => {
  const merchant = await countingServer('not the word you want', { status: 302, location: '/elsewhere' });
  try {
    const server = createReferenceServer({ dialect: 'newapi', seed: 1, allowNotifyHosts: [new URL(merchant.url).host] });
    await server.ready;
    const { sign: _sign, sign_type: _type, ...unsigned } = (await newOrder()).fields;
    const fields = signEpayParams({ ...unsigned, notify_url: `${merchant.url}/notify` }, server.state.settings.EpayKey);
    const form = readForm(await (await server.fetch('/__mock/epay/submit.php', formInit(fields))).text());
    const page = await server.fetch('/__mock/epay/pay', formInit(form.fields, { redirect: 'manual' }));
    expect(page.status).toBe(502);
    const html = await page.text();
    expect(html).toContain('did not answer &#34;success&#34; (HTTP 302)');
    expect(html).not.toContain('not the word you want');
    // One request: the redirect is not followed.
    expect(merchant.hits).toBe(1);
  } finally {
    await merchant.close();
  }
});

/** `fields` signed again with the sandbox's key after a change, as an attacker who read the key would. */
function resign(fields: Record<string, string>) {
  const { sign: _sign, sign_type: _type, ...unsigned } = fields;
  return signEpayParams(unsigned, api.server.state.settings.EpayKey);
}

/** Another HTTP service on loopback that counts its requests and answers `body`. */
async function countingServer(body: string, redirect?: { status: number; location: string }) {
  let hits = 0;
  const http = createServer((req, res) => {
    hits += 1;
    res.writeHead(redirect?.status ?? 200, redirect ? { location: redirect.location } : {}).end(body);
  });
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get hits() {
      return hits;
    },
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  };
}
