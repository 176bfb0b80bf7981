import { expect, test } from 'vitest';
import { ApiError } from '../../src/index.js';
import { useNewApi } from '../support/harness.js';
import { jsonInit, sessionHeaders } from '../support/sessions.js';

const api = useNewApi();
const FAILED = 'Redemption failed, please try again later';

/** The n-th seeded common user that can log in, and its database row. */
function seeded(nth = 0) {
  const account = api.server.accounts.filter((a) => a.role === 1)[nth]!;
  return { ...account, row: api.server.state.users.find((u) => u.username === account.username)! };
}

/** Codes made through the admin API, as an admin would. */
async function makeCodes(params: { count?: number; quota?: number; expired_time?: number } = {}): Promise<string[]> {
  const root = await api.loginAs('root');
  return root.redemptions.create({ name: 'test', count: params.count ?? 1, quota: params.quota ?? 1_000_000, expired_time: params.expired_time ?? 0 });
}

const codeRow = (key: string) => api.server.state.redemptions.find((r) => r.key === key)!;

test('topup.redeem: credits the code\'s quota and spends the code (status 3, redeemed_time, used_user_id)', async () => {
  const [key] = await makeCodes({ quota: 2_500_000 });
  const user = seeded();
  const client = await api.loginAs(user.username);
  const before = (await client.self.retrieve()).quota;
  const started = Math.floor(api.server.clock.now() / 1000);
  expect(await client.topup.redeem(key!)).toBe(2_500_000);
  expect((await client.self.retrieve()).quota).toBe(before + 2_500_000);
  expect(codeRow(key!)).toMatchObject({ status: 3, used_user_id: user.row.id });
  expect(codeRow(key!).redeemed_time).toBeGreaterThanOrEqual(started);
  expect(codeRow(key!).redeemed_time).toBeLessThanOrEqual(Math.floor(api.server.clock.now() / 1000));
});

test('topup.redeem: a spent code fails with the one masked message, for its owner and for anyone else', async () => {
  const [key] = await makeCodes();
  const first = await api.loginAs(seeded(0).username);
  const second = await api.loginAs(seeded(1).username);
  await first.topup.redeem(key!);
  for (const client of [first, second]) {
    const err = await client.topup.redeem(key!).catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.message).toBe(FAILED);
  }
});

test('topup.redeem: unknown, disabled, expired and deleted codes all answer the same masked message (JUL26)', async () => {
  const keys = await makeCodes({ count: 3, expired_time: Math.floor(api.server.clock.now() / 1000) + 60 });
  const root = await api.loginAs('root');
  await root.redemptions.disable(codeRow(keys[0]!).id);
  await root.redemptions.delete(codeRow(keys[1]!).id);
  api.server.clock.advance(61_000);
  const client = await api.loginAs(seeded().username);
  const quota = seeded().row.quota;
  for (const key of ['ffffffffffffffffffffffffffffffff', ...keys]) {
    await expect(client.topup.redeem(key)).rejects.toThrow(FAILED);
  }
  expect(seeded().row.quota).toBe(quota);
  expect(codeRow(keys[2]!).status).toBe(1);
});

test('topup.redeem: a code is usable through the second of its expired_time and refused after, on the server clock', async () => {
  const expiry = Math.floor(api.server.clock.now() / 1000) + 10;
  const [first, second] = await makeCodes({ count: 2, expired_time: expiry });
  const client = await api.loginAs(seeded().username);
  api.server.clock.set(expiry * 1000);
  expect(await client.topup.redeem(first!)).toBe(1_000_000);
  api.server.clock.advance(1_000);
  await expect(client.topup.redeem(second!)).rejects.toThrow(FAILED);
});

test('topup.redeem: Chinese callers read 兑换失败，请稍后重试', async () => {
  const client = await api.loginAs(seeded().username);
  const err = await client.topup.redeem('ffffffffffffffffffffffffffffffff', { headers: { 'Accept-Language': 'zh-CN' } }).catch((e) => e);
  expect(err.message).toBe('兑换失败，请稍后重试');
});

test('topup.redeem: 100 concurrent redemptions of one code: exactly one succeeds and the quota is credited once', async () => {
  const [key] = await makeCodes({ quota: 3_000_000 });
  const clients = await Promise.all([0, 1, 2].map((nth) => api.loginAs(seeded(nth).username)));
  const totalBefore = api.server.state.users.reduce((sum, u) => sum + u.quota, 0);
  const results = await Promise.allSettled(Array.from({ length: 100 }, (_, i) => clients[i % 3]!.topup.redeem(key!)));
  const won = results.filter((r) => r.status === 'fulfilled');
  expect(won).toEqual([{ status: 'fulfilled', value: 3_000_000 }]);
  const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
  expect(new Set(lost.map((r) => (r.reason as Error).message))).toEqual(new Set([FAILED]));
  expect(api.server.state.users.reduce((sum, u) => sum + u.quota, 0)).toBe(totalBefore + 3_000_000);
  const winner = api.server.state.users.find((u) => u.id === codeRow(key!).used_user_id)!;
  expect(clients.map((c) => c.userId)).toContain(winner.id);
});

test('topup.redeem: an empty key is masked too (JUL26), and the SDK refuses it before sending', async () => {
  const user = seeded();
  const headers = await sessionHeaders(api, user.username);
  const response = await api.raw('/api/user/topup', jsonInit('POST', { key: '' }, headers));
  expect(await response.json()).toEqual({ success: false, message: FAILED });
  const client = await api.loginAs(user.username);
  await expect(client.topup.redeem('')).rejects.toThrow(TypeError);
});

test('topup.redeem: a body that does not decode gets the raw Go error', async () => {
  const headers = await sessionHeaders(api, seeded().username);
  const send = async (body: string) => ((await (await api.raw('/api/user/topup', jsonInit('POST', body, headers))).json()) as { message: string }).message;
  expect(await send('')).toBe('EOF');
  expect(await send('{"key": ')).toBe('unexpected EOF');
  expect(await send('{key: 1}')).toBe("invalid character 'k' looking for beginning of object key string");
  expect(await send('["a"]')).toBe('json: cannot unmarshal array into Go value of type controller.topUpRequest');
  expect(await send(`{"key":${'['.repeat(100_000)}`)).toBe("invalid character '[' exceeded max depth");
  expect(await send('{"KEY": true}')).toBe('json: cannot unmarshal bool into Go struct field topUpRequest.key of type string');
});

test('topup.redeem: refused until the admin confirms payment compliance', async () => {
  const [key] = await makeCodes();
  api.server.state.settings.PaymentComplianceConfirmed = false;
  const err = await (await api.loginAs(seeded().username)).topup.redeem(key!).catch((e) => e);
  expect(err.message).toMatch(/^Payment, redemption, subscription, and invitation reward features are disabled/);
  expect(codeRow(key!).status).toBe(1);
});

test('topup.redeem: a deleted account whose session still works spends the code and is credited nothing (upstream)', async () => {
  const [key] = await makeCodes();
  const user = seeded();
  const client = await api.loginAs(user.username);
  await client.self.delete();
  const totalBefore = api.server.state.users.reduce((sum, u) => sum + u.quota, 0);
  expect(await client.topup.redeem(key!)).toBe(1_000_000);
  expect(codeRow(key!).status).toBe(3);
  expect(api.server.state.users.reduce((sum, u) => sum + u.quota, 0)).toBe(totalBefore);
});

test('topup.redeem: a credit past 2^53 − 1 fails with the masked message; the code stays unspent and the quota exact', async () => {
  const [key] = await makeCodes({ quota: 1_000_000 });
  const user = seeded();
  user.row.quota = Number.MAX_SAFE_INTEGER - 10;
  const client = await api.loginAs(user.username);
  await expect(client.topup.redeem(key!)).rejects.toThrow(FAILED);
  expect(user.row.quota).toBe(Number.MAX_SAFE_INTEGER - 10);
  expect(codeRow(key!).status).toBe(1);
  user.row.quota = 0;
  expect(await client.topup.redeem(key!)).toBe(1_000_000);
});
