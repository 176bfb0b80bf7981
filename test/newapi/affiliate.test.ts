import { expect, test } from 'vitest';
import { ApiError } from '../../src/index.js';
import { useNewApi } from '../support/harness.js';
import { jsonInit, sessionHeaders } from '../support/sessions.js';

const api = useNewApi();

/** The n-th seeded common user that can log in, and its database row. */
function seeded(nth = 0) {
  const account = api.server.accounts.filter((a) => a.role === 1)[nth]!;
  return { ...account, row: api.server.state.users.find((u) => u.username === account.username)! };
}

test('affiliate.retrieve: the caller\'s own 4-character code', async () => {
  const user = seeded();
  const code = await (await api.loginAs(user.username)).affiliate.retrieve();
  expect(code).toMatch(/^[0-9A-Za-z]{4}$/);
  expect(code).toBe(user.row.aff_code);
});

test('affiliate.retrieve: an account without a code (root) gets one, saved, the same on every call', async () => {
  const root = api.server.state.users.find((u) => u.username === 'root')!;
  expect(root.aff_code).toBe('');
  const client = await api.loginAs('root');
  const code = await client.affiliate.retrieve();
  expect(code).toMatch(/^[0-9A-Za-z]{4}$/);
  expect(root.aff_code).toBe(code);
  expect(await client.affiliate.retrieve()).toBe(code);
  expect(api.server.state.users.filter((u) => u.aff_code === code)).toHaveLength(1);
});

test('affiliate.transfer: moves aff_quota into quota in one step; the answer is "Transfer successful" with data null', async () => {
  const user = seeded();
  user.row.aff_quota = 1_500_000;
  const quota = user.row.quota;
  const headers = await sessionHeaders(api, user.username);
  const response = await api.raw('/api/user/aff_transfer', jsonInit('POST', { quota: 1_000_000 }, headers));
  expect(await response.json()).toEqual({ success: true, message: 'Transfer successful', data: null });
  const me = await (await api.loginAs(user.username)).self.retrieve();
  expect(me).toMatchObject({ quota: quota + 1_000_000, aff_quota: 500_000 });
});

test('affiliate.transfer: below one unit (500000) is refused with the model\'s Chinese reason and its full-width ＄', async () => {
  const user = seeded();
  user.row.aff_quota = 10_000_000;
  const client = await api.loginAs(user.username);
  const err = await client.affiliate.transfer({ quota: 499_999 }).catch((e) => e);
  expect(err).toBeInstanceOf(ApiError);
  expect(err.message).toBe('Transfer failed 转移额度最小为＄1.000000 额度！');
  const zh = await client.affiliate.transfer({ quota: 499_999 }, { headers: { 'Accept-Language': 'zh-CN' } }).catch((e) => e);
  expect(zh.message).toBe('划转失败 转移额度最小为＄1.000000 额度！');
  expect(user.row.aff_quota).toBe(10_000_000);
});

test('affiliate.transfer: more than aff_quota is refused and nothing moves', async () => {
  const user = seeded();
  user.row.aff_quota = 600_000;
  const quota = user.row.quota;
  const client = await api.loginAs(user.username);
  const err = await client.affiliate.transfer({ quota: 700_000 }).catch((e) => e);
  expect(err.message).toBe('Transfer failed 邀请额度不足！');
  expect(user.row).toMatchObject({ aff_quota: 600_000, quota });
});

test('affiliate.transfer: a negative quota gets the minimum message; 0 or none gets the validator\'s required text', async () => {
  const user = seeded();
  user.row.aff_quota = 10_000_000;
  const headers = await sessionHeaders(api, user.username);
  const send = async (body: unknown) => ((await (await api.raw('/api/user/aff_transfer', jsonInit('POST', body, headers))).json()) as { message: string }).message;
  expect(await send({ quota: -500_000 })).toBe('Transfer failed 转移额度最小为＄1.000000 额度！');
  const required = "Key: 'TransferAffQuotaRequest.Quota' Error:Field validation for 'Quota' failed on the 'required' tag";
  expect(await send({ quota: 0 })).toBe(required);
  expect(await send({})).toBe(required);
  expect(await send({ quota: 1.5 })).toBe('json: cannot unmarshal number 1.5 into Go struct field TransferAffQuotaRequest.quota of type int');
  expect(user.row.aff_quota).toBe(10_000_000);
});

test('affiliate.transfer: the SDK refuses a quota that is not a positive integer before sending', async () => {
  const client = await api.loginAs(seeded().username);
  await expect(client.affiliate.transfer({ quota: 0 })).rejects.toThrow(TypeError);
  await expect(client.affiliate.transfer({ quota: -1 })).rejects.toThrow('`quota` must be a positive integer');
});

test('affiliate.transfer: refused until the admin confirms payment compliance', async () => {
  const user = seeded();
  user.row.aff_quota = 1_000_000;
  api.server.state.settings.PaymentComplianceConfirmed = false;
  const err = await (await api.loginAs(user.username)).affiliate.transfer({ quota: 500_000 }).catch((e) => e);
  expect(err.message).toBe(
    'Payment, redemption, subscription, and invitation reward features are disabled. The administrator must confirm compliance terms before enabling them.',
  );
  expect(user.row.aff_quota).toBe(1_000_000);
});

test('register with aff_code: the invitee gets QuotaForInvitee; the inviter aff_count + 1 and QuotaForInviter in aff_quota and aff_history', async () => {
  Object.assign(api.server.state.settings, { QuotaForNewUser: 100, QuotaForInvitee: 7_000, QuotaForInviter: 900_000 });
  const inviter = seeded();
  const before = { ...inviter.row };
  const code = await (await api.loginAs(inviter.username)).affiliate.retrieve();
  await api.client().auth.register({ username: 'invitee_one', password: 'password123', aff_code: code });
  const invitee = api.client();
  await invitee.auth.login({ username: 'invitee_one', password: 'password123' });
  expect(await invitee.self.retrieve()).toMatchObject({ quota: 7_100, inviter_id: inviter.row.id });
  const me = await (await api.loginAs(inviter.username)).self.retrieve();
  expect(me).toMatchObject({
    aff_count: before.aff_count + 1,
    aff_quota: before.aff_quota + 900_000,
    aff_history_quota: before.aff_history_quota + 900_000,
    quota: before.quota,
  });
});

test('register with aff_code: a reward that would pass 2^53 − 1 is not paid; the registration still succeeds', async () => {
  Object.assign(api.server.state.settings, { QuotaForNewUser: 100, QuotaForInvitee: Number.MAX_SAFE_INTEGER, QuotaForInviter: 900_000 });
  const inviter = seeded();
  inviter.row.aff_quota = Number.MAX_SAFE_INTEGER - 10;
  const before = { ...inviter.row };
  const code = await (await api.loginAs(inviter.username)).affiliate.retrieve();
  await api.client().auth.register({ username: 'invitee_big', password: 'password123', aff_code: code });
  const invitee = api.client();
  await invitee.auth.login({ username: 'invitee_big', password: 'password123' });
  expect(await invitee.self.retrieve()).toMatchObject({ quota: 100, inviter_id: inviter.row.id });
  expect(inviter.row).toMatchObject({ aff_count: before.aff_count, aff_quota: before.aff_quota, aff_history_quota: before.aff_history_quota });
});

test('register with aff_code, then transfer: the inviter spends the reward', async () => {
  Object.assign(api.server.state.settings, { QuotaForInviter: 500_000 });
  const inviter = seeded();
  const client = await api.loginAs(inviter.username);
  const code = await client.affiliate.retrieve();
  await api.client().auth.register({ username: 'invitee_two', password: 'password123', aff_code: code });
  const { aff_quota, quota } = await client.self.retrieve();
  await client.affiliate.transfer({ quota: aff_quota });
  expect(await client.self.retrieve()).toMatchObject({ aff_quota: 0, quota: quota + aff_quota });
});

test('register with aff_code: no reward while compliance is unconfirmed (JUL26); an unknown code is ignored', async () => {
  Object.assign(api.server.state.settings, { QuotaForInvitee: 7_000, QuotaForInviter: 900_000, PaymentComplianceConfirmed: false });
  const inviter = seeded();
  const before = { ...inviter.row };
  await api.client().auth.register({ username: 'invitee_three', password: 'password123', aff_code: inviter.row.aff_code });
  await api.client().auth.register({ username: 'invitee_four', password: 'password123', aff_code: 'zz!!' });
  expect(inviter.row).toMatchObject({ aff_count: before.aff_count, aff_quota: before.aff_quota });
  const three = api.server.state.users.find((u) => u.username === 'invitee_three')!;
  const four = api.server.state.users.find((u) => u.username === 'invitee_four')!;
  expect({ quota: three.quota, inviter: three.inviter_id }).toEqual({ quota: 0, inviter: inviter.row.id });
  expect({ quota: four.quota, inviter: four.inviter_id }).toEqual({ quota: 0, inviter: 0 });
});

test('affiliate.transfer: a quota past 2^53 − 1 is refused with the range message and nothing moves', async () => {
  const user = seeded();
  user.row.aff_quota = 1_000_000;
  user.row.quota = Number.MAX_SAFE_INTEGER - 10;
  const client = await api.loginAs(user.username);
  await expect(client.affiliate.transfer({ quota: 1_000_000 })).rejects.toThrow(/the result would pass ±9007199254740991/);
  expect(user.row).toMatchObject({ aff_quota: 1_000_000, quota: Number.MAX_SAFE_INTEGER - 10 });
});
