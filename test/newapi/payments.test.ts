import { expect, test } from 'vitest';
import { ApiError, AuthenticationError } from '../../src/index.js';
import { verifyEpayNotify } from '../../src/newapi/epay.js';
import { commonUser, formInit, pathOf, readForm, totalQuota } from '../support/billing.js';
import { useNewApi } from '../support/harness.js';

const api = useNewApi();
const order = (tradeNo: string) => api.server.state.top_ups.find((o) => o.trade_no === tradeNo)!;

test('payments: the whole flow through the sandbox provider, as a browser goes: order, checkout page, Pay, quota up', async () => {
  const client = await api.loginAs(commonUser(api).username);
  const before = (await client.self.retrieve()).quota;
  const { url, fields } = await client.payments.create({ amount: 10, payment_method: 'alipay' });
  expect(url).toBe(`${api.baseURL}/__mock/epay/submit.php`);

  // The browser posts the form to the provider, which shows the order.
  const checkout = await api.raw(pathOf(url), formInit(fields));
  expect(checkout.status).toBe(200);
  expect(checkout.headers.get('content-type')).toBe('text/html; charset=utf-8');
  const html = await checkout.text();
  for (const shown of [fields.out_trade_no, fields.name, '73.00', 'Pay', 'Cancel']) expect(html).toContain(shown);

  // Pay: the provider notifies the merchant, then sends the buyer back with the signed result.
  const form = readForm(html);
  const paid = await api.raw(pathOf(new URL(form.action, url).toString()), formInit(form.fields, { redirect: 'manual' }));
  expect(paid.status).toBe(302);
  const back = new URL(paid.headers.get('location')!);
  expect(back.origin + back.pathname).toBe(fields.return_url);
  expect(Object.fromEntries(back.searchParams)).toMatchObject({
    pid: '1001', out_trade_no: fields.out_trade_no, type: 'alipay', name: 'TUC10', money: '73.00', trade_status: 'TRADE_SUCCESS', sign_type: 'MD5',
  });
  expect(verifyEpayNotify(back.searchParams, api.server.state.settings.EpayKey)).toBe(true);
  expect((await client.self.retrieve()).quota).toBe(before + 10 * 500_000);
  expect(order(fields.out_trade_no).status).toBe('success');

  // The same notify again (providers repeat them): `success`, and nothing more is credited.
  const again = await api.raw(`/api/user/epay/notify?${back.searchParams}`);
  expect(await again.text()).toBe('success');
  // A forged one: another amount under the old signature.
  const forged = new URLSearchParams(back.searchParams);
  forged.set('money', '730.00');
  forged.set('trade_no', 'forged');
  expect(await (await api.raw(`/api/user/epay/notify?${forged}`)).text()).toBe('fail');
  expect((await client.self.retrieve()).quota).toBe(before + 10 * 500_000);
});

test('payments: GET submit.php with the fields in the query shows the same checkout page', async () => {
  const client = await api.loginAs(commonUser(api).username);
  const { url, fields } = await client.payments.create({ amount: 2, payment_method: 'wxpay' });
  const page = await api.raw(`${pathOf(url)}?${new URLSearchParams(fields)}`);
  const html = await page.text();
  expect(page.status).toBe(200);
  expect(readForm(html).fields).toEqual({ ...fields, gatewaykit_pay_token: expect.stringMatching(/^[\w-]{32}$/) });
  expect(html).toContain('14.60');
});

test('payments.create: a signed form, an out_trade_no of upstream\'s shape, and a pending order', async () => {
  const user = commonUser(api);
  const client = await api.loginAs(user.username);
  const { fields } = await client.payments.create({ amount: 13, payment_method: 'wxpay' });
  const seconds = Math.floor(api.server.clock.now() / 1000);
  expect(fields).toMatchObject({
    device: 'pc', money: '94.90', name: 'TUC13', pid: '1001', sign_type: 'MD5', type: 'wxpay',
    notify_url: `${api.baseURL}/api/user/epay/notify`, return_url: `${api.baseURL}/console/log`,
  });
  expect(fields.out_trade_no).toMatch(new RegExp(`^USR${user.row.id}NO[0-9A-Za-z]{6}(${seconds}|${seconds - 1})$`));
  expect(verifyEpayNotify(fields, api.server.state.settings.EpayKey)).toBe(true);
  // Decimal arithmetic, as upstream: 13 × 7.3 is 94.9 (floats say 94.89999999999999).
  expect(order(fields.out_trade_no)).toMatchObject({
    user_id: user.row.id, amount: 13, money: 94.9, payment_method: 'wxpay', payment_provider: 'epay', status: 'pending', complete_time: 0,
  });
});

test('payments.create: ServerAddress, CustomCallbackAddress and an absolute PayAddress shape the form', async () => {
  Object.assign(api.server.state.settings, {
    ServerAddress: 'https://console.example.com/', CustomCallbackAddress: 'https://hooks.example.com', PayAddress: 'https://pay.example.com/epay/',
  });
  const client = await api.loginAs(commonUser(api).username);
  const { url, fields } = await client.payments.create({ amount: 1, payment_method: 'alipay' });
  expect(url).toBe('https://pay.example.com/epay/submit.php');
  expect(fields.notify_url).toBe('https://hooks.example.com/api/user/epay/notify');
  expect(fields.return_url).toBe('https://console.example.com/console/log');
});

test.each([
  ['1 unit at 7.3', {}, 1, '7.30'],
  ['3 units', {}, 3, '21.90'],
  ['10 units with a 0.9 discount for 10', { AmountDiscount: { '10': 0.9 } }, 10, '65.70'],
  ['a discount of 0 counts as none', { AmountDiscount: { '10': 0 } }, 10, '73.00'],
  ['the caller\'s group ratio', { TopupGroupRatio: { default: 0.5 } }, 10, '36.50'],
  ['a group ratio of 0 counts as 1', { TopupGroupRatio: { default: 0 } }, 10, '73.00'],
  ['an exact tie rounds half to even, as Go (0.125 → 0.12)', { Price: 0.125 }, 1, '0.12'],
])('payments.preview: %s', async (_, settings, amount, price) => {
  Object.assign(api.server.state.settings, settings);
  const client = await api.loginAs(commonUser(api).username);
  expect(await client.payments.preview({ amount })).toBe(price);
});

test('payments.preview and create: below MinTopUp, the reason comes from `data` of the payment envelope', async () => {
  api.server.state.settings.MinTopUp = 5;
  const client = await api.loginAs(commonUser(api).username);
  const err = await client.payments.preview({ amount: 4 }).catch((e) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect({ status: err.status, message: err.message, body: err.body }).toEqual({
    status: 200, message: '充值数量不能小于 5', body: { data: '充值数量不能小于 5', message: 'error' },
  });
  await expect(client.payments.create({ amount: 4, payment_method: 'alipay' })).rejects.toThrow('充值数量不能小于 5');
  expect(api.server.state.top_ups).toEqual([]);
});

test('payments: a price of exactly 0.01 is too low for the preview (<= 0.01) but not for the order (< 0.01), as upstream', async () => {
  api.server.state.settings.Price = 0.01;
  const client = await api.loginAs(commonUser(api).username);
  await expect(client.payments.preview({ amount: 1 })).rejects.toThrow('充值金额过低');
  expect((await client.payments.create({ amount: 1, payment_method: 'alipay' })).fields.money).toBe('0.01');
  api.server.state.settings.Price = 0.001;
  await expect(client.payments.create({ amount: 1, payment_method: 'alipay' })).rejects.toThrow('充值金额过低');
});

test('payments.create: an unknown pay method, or Epay not configured, makes no order', async () => {
  const client = await api.loginAs(commonUser(api).username);
  await expect(client.payments.create({ amount: 1, payment_method: 'paypal' })).rejects.toThrow('支付方式不存在');
  api.server.state.settings.EpayKey = '';
  await expect(client.payments.create({ amount: 1, payment_method: 'alipay' })).rejects.toThrow('当前管理员未配置支付信息');
  expect(api.server.state.top_ups).toEqual([]);
});

test('payments.preview and create: an invalid access token is the auth middleware\'s `success:false` envelope, without data', async () => {
  const client = api.client({ accessToken: 'not-a-token', userId: commonUser(api).row.id });
  for (const [path, call] of [
    ['/api/user/amount', () => client.payments.preview({ amount: 1 })],
    ['/api/user/pay', () => client.payments.create({ amount: 1, payment_method: 'alipay' })],
  ] as const) {
    const response = await api.raw(path, { method: 'POST', headers: { authorization: 'not-a-token', 'New-Api-User': '1' }, body: '{"amount":1}' });
    expect({ status: response.status, body: await response.json() }).toEqual({
      status: 200, body: { success: false, message: 'Unauthorized, invalid access token' },
    });
    await expect(call()).rejects.toBeInstanceOf(AuthenticationError);
  }
  expect(api.server.state.top_ups).toEqual([]);
});

test('payments.create: the SDK checks the amount and method before sending', async () => {
  const client = await api.loginAs(commonUser(api).username);
  await expect(client.payments.create({ amount: 0, payment_method: 'alipay' })).rejects.toThrow('`amount` must be a positive integer');
  await expect(client.payments.create({ amount: 1, payment_method: '' })).rejects.toThrow('`payment_method` must be a non-empty string');
  await expect(client.payments.preview({ amount: 1.5 })).rejects.toThrow(TypeError);
});

test('payments.info: the sandbox is ready out of the box; without compliance the pay methods go', async () => {
  const client = await api.loginAs(commonUser(api).username);
  const info = await client.payments.info();
  expect(info).toMatchObject({
    enable_online_topup: true, enable_redemption: true, payment_compliance_confirmed: true, min_topup: 1,
    amount_options: [10, 20, 50, 100, 200, 500], discount: {}, enable_stripe_topup: false, waffo_pay_methods: null,
  });
  expect(info.pay_methods.map((m) => m.type)).toEqual(['alipay', 'wxpay', 'custom1']);
  api.server.state.settings.PaymentComplianceConfirmed = false;
  expect(await client.payments.info()).toMatchObject({ enable_online_topup: false, enable_redemption: false, pay_methods: [] });
});

test('payments: an order paid by a second client in parallel with a redemption credits both, once each', async () => {
  const user = commonUser(api);
  const client = await api.loginAs(user.username);
  const [key] = await (await api.loginAs('root')).redemptions.create({ name: 'mix', count: 1, quota: 123 });
  const { fields } = await client.payments.create({ amount: 1, payment_method: 'alipay' });
  const before = totalQuota(api);
  await Promise.all([client.topup.redeem(key!), api.raw(`/__mock/epay/orders/${fields.out_trade_no}/pay`, { method: 'POST' })]);
  expect(totalQuota(api)).toBe(before + 123 + 500_000);
});
