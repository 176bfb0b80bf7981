import { expect, test } from 'vitest';
import { isNotFoundError } from '../../src/core/errors/not-found-error.js';
import { isUnsupportedOperationError } from '../../src/gateway/errors.js';
import { Money } from '../../src/gateway/money.js';
import type { Dialect, Gateway, GatewayKeyListParams } from '../../src/gateway/types.js';
import { aetherScenario, newApiScenario, openCatScenario, platformScenario, SCENARIO_NOW, type ScenarioFixture } from '../support/gateway-scenario.js';

// One scenario, written once against Gateway, over every dialect's reference server (in-process and over HTTP, as
// the two vitest projects run this file). What differs per dialect is only in the fixtures: how to log in, what a
// new user needs, and the dialect's own answers that each `raw` must equal.
const fixtures: ScenarioFixture[] = [newApiScenario(), platformScenario(), aetherScenario(), openCatScenario()] as ScenarioFixture[];

const DAY = 24 * 60 * 60_000;
const dayOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The user's keys as the gateway lists them: the user's own where the dialect lets an admin act for them. */
const keysOf = async (gateway: Gateway, params: GatewayKeyListParams) => (await gateway.keys.list(params)).items;

/** An unsupported call rejects, before any request, with an error naming the dialect and the capability's alternative. */
async function expectUnsupported(gateway: Gateway, operation: keyof Gateway['capabilities'], call: () => Promise<unknown>) {
  const error = await call().catch((e: unknown) => e);
  expect(isUnsupportedOperationError(error), `${operation} rejects with UnsupportedOperationError`).toBe(true);
  expect(error).toMatchObject({ dialect: gateway.dialect, operation, alternative: gateway.capabilities[operation].alternative });
}

test.each(fixtures)('scenario ($dialect): log in, create a user, issue a key, list it masked, revoke it, change and reset a quota, read usage, delete the user', async (fixture) => {
  fixture.life.server.clock.set(SCENARIO_NOW);
  const gateway = (await fixture.connect()) as Gateway<Dialect>;
  const { capabilities } = gateway;
  expect(gateway.dialect).toBe(fixture.dialect);

  // Authenticate: the gateway answers for the admin, and `raw` is what the dialect's own client says.
  const me = await gateway.me();
  expect(me.role).toBe(fixture.adminRole);
  expect(me.status).toBe('active');
  expect(me.raw).toEqual(await fixture.nativeMe(gateway));

  // Create a user; reading it back answers the same user, its raw the dialect's own record.
  let user;
  if (capabilities['users.create'].supported) {
    user = await gateway.users.create(fixture.newUser);
    expect(user).toMatchObject({ name: fixture.newUser.name, role: fixture.newUserRole, status: 'active' });
  } else {
    await expectUnsupported(gateway, 'users.create', () => gateway.users.create(fixture.newUser));
    user = await fixture.existingUser!(gateway);
    expect(user).toMatchObject({ role: fixture.newUserRole, status: 'active' });
  }
  expect(typeof user.id).toBe('string');
  const read = await gateway.users.retrieve(user.id);
  expect(read).toMatchObject({ id: user.id, name: user.name, role: user.role, status: 'active' });
  expect(read.raw).toEqual(await fixture.nativeUser(gateway, user.id));
  expect((await gateway.users.list()).items.map((listed) => listed.id)).toContain(user.id);

  // Issue a key for the user (for the caller where an admin cannot act for a user): the secret this once.
  const forUser = capabilities['keys.forUser'].supported ? { userId: user.id } : {};
  const key = await gateway.keys.create({ name: 'scenario', ...forUser });
  expect(key.secret.length).toBeGreaterThan(8);
  expect(key.status).toBe('active');
  expect(key.masked).not.toContain(key.secret);

  // List it masked: no secret, the mask hides it, and raw is the dialect's own list entry.
  const listed = (await keysOf(gateway, forUser)).find((candidate) => candidate.id === key.id);
  expect(listed, 'the new key is listed').toBeDefined();
  expect(listed!.secret).toBeUndefined();
  expect(listed!.masked).toBe(key.masked);
  expect(JSON.stringify(listed!.masked)).not.toContain(key.secret);
  expect(await fixture.nativeKeys(gateway, forUser.userId)).toContainEqual(listed!.raw);

  // Revoke it: it is gone from the list.
  await gateway.keys.revoke(key.id, forUser);
  expect((await keysOf(gateway, forUser)).map((candidate) => candidate.id)).not.toContain(key.id);

  // Change the quota, in the dialect's own unit, exactly; or be told what to use instead.
  if (capabilities['quota.set'].supported) {
    const set = await gateway.quota.set(user.id, fixture.quota!.set);
    expect(set.amount?.equals(fixture.quota!.set)).toBe(true);
    const added = await gateway.quota.add(user.id, fixture.quota!.add);
    expect(added.amount?.equals(fixture.quota!.set.add(fixture.quota!.add))).toBe(true);
    const quota = await gateway.quota.retrieve(user.id);
    expect(quota.amount?.equals(added.amount!)).toBe(true);
    expect(quota.raw).toEqual(await (fixture.nativeQuota ?? fixture.nativeUser)(gateway, user.id));
  } else {
    await expectUnsupported(gateway, 'quota.set', () => gateway.quota.set(user.id, null));
    await expectUnsupported(gateway, 'quota.add', () => gateway.quota.add(user.id, Money.of('usd', 1)));
  }

  // Read usage over today (the server's day): what the user spends shows in the summary, to the digit.
  const spend = async () => (await fixture.spend?.(user.id)) ?? undefined;
  let spent: Money | undefined;
  if (capabilities['usage.summary'].supported) {
    const range = { from: dayOf(SCENARIO_NOW), to: dayOf(SCENARIO_NOW + DAY) };
    const before = await gateway.usage.summary(range);
    expect(before).toMatchObject(range);
    spent = await spend();
    const after = await gateway.usage.summary(range);
    if (spent) expect(after.cost!.subtract(before.cost!).equals(spent)).toBe(true);
    expect(after.raw).toBeDefined();
  } else {
    await expectUnsupported(gateway, 'usage.summary', () => gateway.usage.summary({ from: dayOf(SCENARIO_NOW), to: dayOf(SCENARIO_NOW + DAY) }));
    spent = await spend();
  }

  // Reset the quota: what was spent is forgotten, the quota itself stays.
  if (capabilities['quota.reset'].supported) {
    const { amount, used } = await gateway.quota.retrieve(user.id);
    if (used && spent) expect(used.equals(spent)).toBe(true);
    const reset = await gateway.quota.reset(user.id);
    expect(reset.amount?.equals(amount!)).toBe(true);
    if (reset.used) expect(reset.used.compare(Money.of(reset.used.unit, 0))).toBe(0);
  } else {
    await expectUnsupported(gateway, 'quota.reset', () => gateway.quota.reset(user.id));
  }

  // Delete the user: reading them again is a NotFoundError.
  await gateway.users.delete(user.id);
  const gone = await gateway.users.retrieve(user.id).catch((e: unknown) => e);
  expect(isNotFoundError(gone), 'a deleted user is not found').toBe(true);
});
