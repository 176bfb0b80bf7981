import { expect, test } from 'vitest';
import { signEpayParams, type EpayParams } from '../../src/newapi/epay.js';
import type { EpayForm } from '../../src/newapi/index.js';
import { commonUser, formInit, totalQuota } from '../support/billing.js';
import { useNewApi } from '../support/harness.js';

/**
 * `GET|POST /api/user/epay/notify`, driven the way a provider drives it: the test signs the notify with the
 * merchant key from the settings, then sends it as the query or as a form.
 */
const api = useNewApi();

/** A pending order of the first common user, made through the SDK. */
async function pendingOrder(amount = 2, method = 'alipay') {
  const user = commonUser(api);
  const { fields } = await (await api.loginAs(user.username)).payments.create({ amount, payment_method: method });
  return { user, fields, row: api.server.state.top_ups.find((o) => o.trade_no === fields.out_trade_no)! };
}

function notifyFor(fields: EpayForm, extra: EpayParams = {}, key = api.server.state.settings.EpayKey): EpayParams {
  const { pid, out_trade_no, type, name, money } = fields;
  return signEpayParams({ pid, trade_no: '2026070112000012345', out_trade_no, type, name, money, trade_status: 'TRADE_SUCCESS', ...extra }, key);
}

async function notifyGet(params: EpayParams | string): Promise<Response> {
  return api.raw(`/api/user/epay/notify?${typeof params === 'string' ? params : new URLSearchParams(params)}`);
}

test('epay notify: a signed TRADE_SUCCESS answers plain-text success and credits amount × 500000 once', async () => {
  const { user, fields, row } = await pendingOrder(2);
  const before = user.row.quota;
  const response = await notifyGet(notifyFor(fields));
  expect(response.status).toBe(200);
  expect(response.headers.get('content-type')).toBe('text/plain; charset=utf-8');
  expect(await response.text()).toBe('success');
  expect(user.row.quota).toBe(before + 1_000_000);
  expect(row.status).toBe('success');
  for (let i = 0; i < 3; i++) expect(await (await notifyGet(notifyFor(fields, { trade_no: `again${i}` }))).text()).toBe('success');
  expect(user.row.quota).toBe(before + 1_000_000);
});

test('epay notify: the same notify as a form POST is accepted too (FEB26+)', async () => {
  const { user, fields, row } = await pendingOrder(1);
  const before = user.row.quota;
  expect(await (await api.raw('/api/user/epay/notify', formInit(notifyFor(fields)))).text()).toBe('success');
  expect(user.row.quota).toBe(before + 500_000);
  expect(row.status).toBe('success');
});

test.each<[string, (fields: EpayForm) => EpayParams | string]>([
  ['signed with another key', (f) => notifyFor(f, {}, 'not-the-merchant-key')],
  ['a tampered amount', (f) => ({ ...notifyFor(f), money: '0.01' })],
  ['a tampered product name', (f) => ({ ...notifyFor(f), name: 'TUC999' })],
  ['no sign at all', (f) => { const { sign: _s, ...rest } = notifyFor(f); return rest; }],
  ['an empty sign', (f) => ({ ...notifyFor(f), sign: '' })],
  ['an upper-case sign', (f) => { const n = notifyFor(f); return { ...n, sign: n.sign!.toUpperCase() }; }],
  ['no parameters', () => ''],
])('epay notify: %s → fail, and nothing is credited', async (_, forge) => {
  const { user, fields, row } = await pendingOrder();
  const [before, own] = [totalQuota(api), user.row.quota];
  const response = await notifyGet(forge(fields));
  expect(response.status).toBe(200);
  expect(await response.text()).toBe('fail');
  expect(totalQuota(api)).toBe(before);
  expect(user.row.quota).toBe(own);
  expect(row.status).toBe('pending');
});

test('epay notify: a POST whose body is not a form, or a malformed form, is fail', async () => {
  const { fields, row } = await pendingOrder();
  const signed = notifyFor(fields);
  const asJson = await api.raw('/api/user/epay/notify', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signed) });
  expect(await asJson.text()).toBe('fail');
  const badEscape = `${new URLSearchParams(signed)}&x=%zz`;
  expect(await (await api.raw('/api/user/epay/notify', { ...formInit({}), body: badEscape })).text()).toBe('fail');
  const semicolon = `${new URLSearchParams(signed)}&a=1;b=2`;
  expect(await (await api.raw('/api/user/epay/notify', { ...formInit({}), body: semicolon })).text()).toBe('fail');
  // Query parameters are not read for a POST.
  expect(await (await api.raw(`/api/user/epay/notify?${new URLSearchParams(signed)}`, formInit({}))).text()).toBe('fail');
  expect(row.status).toBe('pending');
});

test('epay notify: in a GET query, a malformed pair is dropped silently, as url.Values does', async () => {
  const { user, fields } = await pendingOrder(1);
  const before = user.row.quota;
  expect(await (await notifyGet(`${new URLSearchParams(notifyFor(fields))}&junk=%zz`)).text()).toBe('success');
  expect(user.row.quota).toBe(before + 500_000);
});

test('epay notify: another trade_status, or an unknown order, answers success and credits nothing', async () => {
  const { fields, row } = await pendingOrder();
  const before = totalQuota(api);
  expect(await (await notifyGet(notifyFor(fields, { trade_status: 'WAIT_BUYER_PAY' }))).text()).toBe('success');
  expect(await (await notifyGet(notifyFor(fields, { out_trade_no: 'USR1NOzzzzzz1700000000' }))).text()).toBe('success');
  expect(row.status).toBe('pending');
  expect(totalQuota(api)).toBe(before);
});

test('epay notify: the notified `type` replaces the order\'s payment method', async () => {
  const { fields, row } = await pendingOrder(1, 'alipay');
  await notifyGet(notifyFor(fields, { type: 'wxpay' }));
  expect(row).toMatchObject({ status: 'success', payment_method: 'wxpay' });
});

test('epay notify: refused (fail) while compliance is unconfirmed or Epay is not configured, even when signed', async () => {
  const { fields, row } = await pendingOrder();
  const signed = notifyFor(fields);
  api.server.state.settings.PaymentComplianceConfirmed = false;
  expect(await (await notifyGet(signed)).text()).toBe('fail');
  Object.assign(api.server.state.settings, { PaymentComplianceConfirmed: true, PayMethods: [] });
  expect(await (await notifyGet(signed)).text()).toBe('fail');
  expect(row.status).toBe('pending');
});

test('epay notify: a deleted account\'s order is completed and credits nobody (a scoped UPDATE), as upstream', async () => {
  const { user, fields, row } = await pendingOrder(1);
  await (await api.loginAs(user.username)).self.delete();
  const before = totalQuota(api);
  expect(await (await notifyGet(notifyFor(fields))).text()).toBe('success');
  expect(row.status).toBe('success');
  expect(totalQuota(api)).toBe(before);
});

test('epay notify: a credit past 2^53 − 1 is not written; the order stays pending for a later notify', async () => {
  const { user, fields, row } = await pendingOrder(2);
  user.row.quota = Number.MAX_SAFE_INTEGER - 10;
  expect(await (await notifyGet(notifyFor(fields))).text()).toBe('success');
  expect(user.row.quota).toBe(Number.MAX_SAFE_INTEGER - 10);
  expect(row.status).toBe('pending');
  user.row.quota = 0;
  expect(await (await notifyGet(notifyFor(fields))).text()).toBe('success');
  expect(user.row.quota).toBe(1_000_000);
  expect(row.status).toBe('success');
});
