import { expect, test } from 'vitest';
import { NotFoundError, PermissionDeniedError } from '../../src/index.js';
import { usePlatform } from '../support/platform.js';

const api = usePlatform();

test('list: every user, filterable by type, status and keyword', async () => {
  const admin = await api.loginAs('platform admin');
  const all = await admin.admin.users.list({ pageSize: 100 });
  expect(all.total).toBe(api.server.accounts.length);
  const enterprises = await admin.admin.users.list({ user_type: 'enterprise' });
  expect(enterprises.items.every((u) => u.user_type === 'enterprise')).toBe(true);
  const { email } = api.account('personal');
  const found = await admin.admin.users.list({ keyword: email.slice(0, 6).toUpperCase() });
  expect(found.items.map((u) => u.email)).toContain(email);
});

test('retrieve: one user, with status and last login; an unknown id is a NotFoundError 40401', async () => {
  const admin = await api.loginAs('platform admin');
  const user = await admin.admin.users.retrieve(api.account('personal').user_id);
  expect(user).toMatchObject({ status: 'active', frozen_at: null, email: api.account('personal').email });
  const err = await admin.admin.users.retrieve('u_01AAAAAAAAAAAAAAAAAAAAAAAA').catch((e) => e);
  expect(err).toBeInstanceOf(NotFoundError);
  expect(err.code).toBe(40401);
});

test("freeze: the user's client is refused at once (40302) and keeps its tokens; unfreeze lets them log in again", async () => {
  const admin = await api.loginAs('platform admin');
  const user = await api.loginAs('personal');
  const refreshes: string[] = [];
  const watched = api.client({ tokens: user.tokens!, onRequest: (r) => void (r.url.endsWith('/refresh') && refreshes.push(r.url)) });
  const frozen = await admin.admin.users.freeze(api.account('personal').user_id, { reason: 'abuse report #1' });
  expect(frozen).toMatchObject({ status: 'frozen', freeze_reason: 'abuse report #1' });
  const err = await watched.users.me.retrieve().catch((e) => e);
  expect(err).toBeInstanceOf(PermissionDeniedError);
  expect(err.code).toBe(40302);
  expect(refreshes).toEqual([]);
  expect(await admin.admin.users.unfreeze(api.account('personal').user_id)).toMatchObject({ status: 'active', frozen_at: null });
  await expect(api.loginAs('personal')).resolves.toBeDefined();
});

test('a platform admin cannot be frozen; a non-admin cannot reach /admin (40301)', async () => {
  const admin = await api.loginAs('platform admin');
  await expect(admin.admin.users.freeze(api.account('platform admin').user_id, { reason: 'x' })).rejects.toMatchObject({ code: 40301 });
  const user = await api.loginAs('personal');
  await expect(user.admin.users.list()).rejects.toSatisfy((e) => e instanceof PermissionDeniedError && (e as PermissionDeniedError).code === 40301);
});
