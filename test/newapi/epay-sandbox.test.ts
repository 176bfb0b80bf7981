import { expect, test } from 'vitest';
import { signEpayParams } from '../../src/newapi/index.js';
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
    const paid = await api.raw('/__mock/epay/pay', formInit(tampered, { redirect: 'manual' }));
    expect(paid.status).toBe(400);
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
  const html = await (await api.raw(pathOf(url), formInit(hostile))).text();
  expect(html).not.toMatch(/<script|href="javascript/i);
  expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
  expect(html).not.toContain('Cancel</a>');
  expect(readForm(html).fields).toEqual(hostile);
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

test('control API: a notify_url on another origin is reached with fetch; a dead one is reported, not thrown', async () => {
  api.server.state.settings.CustomCallbackAddress = 'http://127.0.0.1:9';
  const { fields, row } = await newOrder();
  const body = (await (await api.raw(`/__mock/epay/orders/${fields.out_trade_no}/pay`, { method: 'POST' })).json()) as { answer: string; status: number };
  expect(body.status).toBe(0);
  expect(body.answer).toMatch(/^Failed to reach the notify_url/);
  expect(row.status).toBe('pending');
});
