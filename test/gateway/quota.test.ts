import { expect, test } from 'vitest';
import { Money, UnsupportedOperationError } from '../../src/index.js';
import { useReferenceServer } from '../support/lifecycle.js';
import { aetherGateway, newApiAccount, newApiGateway, openCatGateway, platformGateway } from './support.js';

const newapi = useReferenceServer('newapi');
const platform = useReferenceServer('platform');
const aether = useReferenceServer('aether');
const opencat = useReferenceServer('opencat');

const commonUserId = () => String(newapi.server.state.users.find((u) => u.username === newApiAccount(newapi.server, 1).username)!.id);
const memberId = () => platform.server.state.users.find((u) => u.email === platform.server.accounts.find((a) => a.role === 'enterprise member')!.email)!.user_id;

test('quota.retrieve (newapi): the user’s quota as a balance in quota units, used_quota as used; raw is the user', async () => {
  const gateway = await newApiGateway(newapi);
  const id = commonUserId();
  const quota = await gateway.quota.retrieve(id);
  const native = await gateway.native.users.retrieve(Number(id));
  expect(quota).toMatchObject({ userId: id, kind: 'balance', period: 'lifetime', raw: native });
  expect(quota.amount!.equals(Money.of('quota', native.quota))).toBe(true);
  expect(quota.used!.toNumber()).toBe(native.used_quota);
  expect(quota.remaining).toBe(quota.amount);
});

test('quota.set / add (newapi): USD converts at the client’s 500,000 per USD; a negative add subtracts', async () => {
  const gateway = await newApiGateway(newapi);
  const id = commonUserId();
  expect((await gateway.quota.set(id, Money.of('usd', '2.5'))).amount!.toNumber()).toBe(1_250_000);
  expect((await gateway.quota.add(id, Money.of('quota', 500_000))).amount!.toNumber()).toBe(1_750_000);
  expect((await gateway.quota.add(id, Money.of('usd', -1))).amount!.toNumber()).toBe(1_250_000);
  expect((await gateway.native.users.retrieve(Number(id))).quota).toBe(1_250_000);
});

test('quota.set (newapi): no cap, a fraction of a quota or a token count is refused before any request', async () => {
  const gateway = await newApiGateway(newapi);
  const id = commonUserId();
  const before = newapi.server.requests.length;
  await expect(gateway.quota.set(id, null)).rejects.toThrow('Failed to call quota.set: new-api has no uncapped user quota.');
  await expect(gateway.quota.set(id, Money.of('usd', '0.000001'))).rejects.toThrow(RangeError);
  await expect(gateway.quota.add(id, Money.of('tokens', 5))).rejects.toThrow("Failed to call quota.add: new-api's quota is money. Please pass a Money in quota or usd.");
  expect(newapi.server.requests.length).toBe(before);
});

test('quota.reset: unsupported on newapi and platform, each naming quota.set', async () => {
  for (const gateway of [await newApiGateway(newapi), await platformGateway(platform)]) {
    const error = await gateway.quota.reset('1').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UnsupportedOperationError);
    expect(error).toMatchObject({ dialect: gateway.dialect, operation: 'quota.reset', alternative: expect.stringMatching(/^quota\.set /) });
  }
});

test('quota.retrieve (platform): the member’s daily token cap as a limit, today’s tokens as used; raw is the quota', async () => {
  const gateway = await platformGateway(platform);
  const id = memberId();
  const quota = await gateway.quota.retrieve(id);
  const native = await gateway.native.members.retrieveQuota(id);
  expect(quota).toMatchObject({ userId: id, kind: 'limit', period: 'day', raw: native });
  expect(quota.amount === null ? null : quota.amount.toNumber()).toBe(native.tokens_per_day);
  expect(quota.used!.toNumber()).toBe(native.tokens_used_today);
});

test('quota.set (platform): replaces the token cap and keeps requests_per_day; null is no cap', async () => {
  const gateway = await platformGateway(platform);
  const id = memberId();
  await gateway.native.members.setQuota(id, { tokens_per_day: 10, requests_per_day: 77 });
  const set = await gateway.quota.set(id, Money.of('tokens', 1_000_000));
  expect(set.raw).toMatchObject({ tokens_per_day: 1_000_000, requests_per_day: 77 });
  expect(set.remaining!.toNumber()).toBe(1_000_000 - set.raw.tokens_used_today);
  const uncapped = await gateway.quota.set(id, null);
  expect(uncapped).toMatchObject({ amount: null, remaining: null, raw: { tokens_per_day: null, requests_per_day: 77 } });
});

test('quota.add (platform): adds to the cap; with no cap it is a TypeError and the cap stays unset', async () => {
  const gateway = await platformGateway(platform);
  const id = memberId();
  await gateway.quota.set(id, Money.of('tokens', 1_000));
  expect((await gateway.quota.add(id, Money.of('tokens', 500))).amount!.toNumber()).toBe(1_500);
  expect((await gateway.quota.add(id, Money.of('tokens', -200))).amount!.toNumber()).toBe(1_300);
  await gateway.quota.set(id, null);
  await expect(gateway.quota.add(id, Money.of('tokens', 5))).rejects.toThrow('Failed to call quota.add: the member has no daily cap to add to.');
  expect((await gateway.native.members.retrieveQuota(id)).tokens_per_day).toBeNull();
});

test('quota.set (platform): money or a fraction of a token is refused before any request', async () => {
  const gateway = await platformGateway(platform);
  const before = platform.server.requests.length;
  await expect(gateway.quota.set(memberId(), Money.of('usd', 5))).rejects.toThrow("the platform's quota counts tokens per day");
  await expect(gateway.quota.set(memberId(), Money.of('tokens', '1.5'))).rejects.toThrow('1.5 is not a whole number of tokens');
  expect(platform.server.requests.length).toBe(before);
});

const spendOnAether = (userId: string, total_cost_usd: number) =>
  aether.raw('/__mock/usages', { method: 'POST', body: JSON.stringify({ user_id: userId, model: 'gpt-4o', total_cost_usd }) });

test('quota (aether): a USD limit beside what was used; set and add are exact in decimals, reset zeroes used and keeps the limit', async () => {
  const gateway = await aetherGateway(aether);
  const mei = await gateway.users.create({ name: 'mei_chen', email: 'mei@example.com', password: 'Blue-lotus-42' });
  expect((await gateway.quota.set(mei.id, Money.of('usd', '0.1'))).amount!.toString()).toBe('0.1');
  const added = await gateway.quota.add(mei.id, Money.of('usd', '0.2'));
  expect(added.amount!.toString()).toBe('0.3'); // a float sum would write 0.30000000000000004
  expect(added.raw.quota_usd).toBe(0.3);
  await spendOnAether(mei.id, 0.05);
  const quota = await gateway.quota.retrieve(mei.id);
  expect([quota.kind, quota.period, quota.used!.toString(), quota.remaining!.toString()]).toEqual(['limit', 'lifetime', '0.05', '0.25']);
  expect(quota.raw).toEqual(await gateway.native.users.retrieve(mei.id));
  const reset = await gateway.quota.reset(mei.id);
  expect([reset.amount!.toString(), reset.used!.toString()]).toEqual(['0.3', '0']);
  expect(reset.raw).toMatchObject({ message: '配额已重置', total_usd: 0.05 });
});

test('quota (aether): null is unlimited; add to an unlimited quota is a RangeError and the quota stays unlimited', async () => {
  const gateway = await aetherGateway(aether);
  const mei = await gateway.users.create({ name: 'mei_chen', email: 'mei@example.com', password: 'Blue-lotus-42' });
  expect(await gateway.quota.set(mei.id, null)).toMatchObject({ amount: null, remaining: null });
  await expect(gateway.quota.add(mei.id, Money.of('usd', 1))).rejects.toBeInstanceOf(RangeError);
  expect((await gateway.quota.retrieve(mei.id)).amount).toBeNull();
});

test('quota.set / add (aether): new-api quota units or token counts are refused before any request', async () => {
  const gateway = await aetherGateway(aether);
  const mei = await gateway.users.create({ name: 'mei_chen', email: 'mei@example.com', password: 'Blue-lotus-42' });
  const before = aether.server.requests.length;
  await expect(gateway.quota.set(mei.id, Money.of('quota', 500_000))).rejects.toThrow('aether keeps quotas in USD');
  await expect(gateway.quota.add(mei.id, Money.of('tokens', 10))).rejects.toBeInstanceOf(TypeError);
  expect(aether.server.requests.length).toBe(before);
});

test('quota (opencat): every quota call is unsupported, naming usage.summary, and nothing is sent', async () => {
  const gateway = await openCatGateway(opencat);
  const before = opencat.server.requests.length;
  for (const call of [() => gateway.quota.retrieve('2'), () => gateway.quota.set('2', null), () => gateway.quota.add('2', Money.of('usd', 1)), () => gateway.quota.reset('2')]) {
    await expect(call()).rejects.toMatchObject({ name: 'UnsupportedOperationError', dialect: 'opencat', alternative: expect.stringContaining('usage.summary') });
  }
  expect(opencat.server.requests.length).toBe(before);
});
