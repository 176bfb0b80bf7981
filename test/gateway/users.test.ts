import { expect, test } from 'vitest';
import { NotFoundError, PermissionDeniedError, UnsupportedOperationError } from '../../src/index.js';
import { useReferenceServer } from '../support/lifecycle.js';
import { newApiAccount, newApiGateway, platformGateway } from './support.js';

const newapi = useReferenceServer('newapi');
const platform = useReferenceServer('platform');

test('users.list (newapi): ids as strings, roots as owner, admins as admin, common users as user; raw is the admin route’s user', async () => {
  const gateway = await newApiGateway(newapi);
  const page = await gateway.users.list({ pageSize: 100 });
  const native = await gateway.native.users.list({ pageSize: 100 });
  expect(page.items.map((u) => u.raw)).toEqual(native.items);
  for (const user of page.items) {
    expect(user.id).toBe(String(user.raw.id));
    expect(user.role).toBe({ 100: 'owner', 10: 'admin', 1: 'user' }[user.raw.role as 100 | 10 | 1]);
    expect(user.status).toBe(user.raw.status === 1 ? 'active' : 'disabled');
    expect(user.quota?.amount?.toNumber()).toBe((user.raw as { quota: number }).quota);
  }
  expect(new Set(page.items.map((u) => u.role))).toEqual(new Set(['owner', 'admin', 'user']));
});

test('users.create (newapi): creates with a password and answers the user found by its username; retrieve answers the same', async () => {
  const gateway = await newApiGateway(newapi);
  const created = await gateway.users.create({ name: 'gw_bob', password: 'pa55word!' });
  expect(created).toMatchObject({ name: 'gw_bob', role: 'user', status: 'active' });
  expect(created.createdAt).toBe(new Date(newapi.server.clock.now()).toISOString().replace(/\.\d{3}Z$/, '.000Z'));
  expect((await gateway.users.retrieve(created.id)).raw).toEqual(await gateway.native.users.retrieve(Number(created.id)));
});

test('users.create (newapi): no password is a TypeError and nothing is sent', async () => {
  const gateway = await newApiGateway(newapi);
  const before = newapi.server.requests.length;
  await expect(gateway.users.create({ name: 'gw_bob' })).rejects.toThrow('Failed to call users.create: new-api needs a password for a new user. Please pass `password`.');
  expect(newapi.server.requests.length).toBe(before);
});

test('users.disable / enable / delete (newapi): the status follows, and a deleted user is not found', async () => {
  const gateway = await newApiGateway(newapi);
  const { id } = await gateway.users.create({ name: 'gw_carol', password: 'pa55word!' });
  await gateway.users.disable(id);
  expect((await gateway.users.retrieve(id)).status).toBe('disabled');
  await gateway.users.enable(id);
  expect((await gateway.users.retrieve(id)).status).toBe('active');
  await gateway.users.delete(id);
  await expect(gateway.users.retrieve(id)).rejects.toBeInstanceOf(NotFoundError);
});

test('users.retrieve (newapi): an id that is not new-api’s integer is a TypeError before any request', async () => {
  const gateway = await newApiGateway(newapi);
  const before = newapi.server.requests.length;
  await expect(gateway.users.retrieve('u_42')).rejects.toThrow('Failed to call users.retrieve: "u_42" is not a new-api id.');
  expect(newapi.server.requests.length).toBe(before);
});

test('users.disable (newapi): an admin acting on root gets new-api’s own refusal, as the native client does', async () => {
  const root = newApiAccount(newapi.server, 100);
  const rootId = String(newapi.server.state.users.find((u) => u.username === root.username)!.id);
  const admin = await newApiGateway(newapi, 10);
  await expect(admin.users.disable(rootId)).rejects.toMatchObject({ dialect: 'newapi', message: 'No permission to update users of same or higher permission level' });
});

test('users.list (platform): the enterprise’s members, owner included, with their daily caps; raw is the member', async () => {
  const gateway = await platformGateway(platform);
  const page = await gateway.users.list();
  expect(page.items.map((u) => u.raw)).toEqual((await gateway.native.members.list()).items);
  expect(page.items.map((u) => u.role).sort()).toEqual(['admin', 'member', 'owner']);
  for (const user of page.items) {
    expect(user).toMatchObject({ id: user.raw.member_id, email: user.raw.email, name: user.raw.nickname, createdAt: user.raw.joined_at });
    expect(user.quota).toMatchObject({ kind: 'limit', period: 'day' });
  }
});

test('users.retrieve (platform): walks the member list to the id; an id that is no member is a NotFoundError', async () => {
  const gateway = await platformGateway(platform);
  const member = (await gateway.users.list()).items.find((u) => u.role === 'member')!;
  expect(await gateway.users.retrieve(member.id)).toEqual(member);
  await expect(gateway.users.retrieve('u_01HX3Z8K9Q2M7N4P5R6S7T8V9W')).rejects.toBeInstanceOf(NotFoundError);
});

test('users.create (platform): unsupported, naming the invitation as the nearest alternative', async () => {
  const gateway = await platformGateway(platform);
  await expect(gateway.users.create({ name: 'dev', email: 'dev@company.com' })).rejects.toThrow(
    new UnsupportedOperationError({ dialect: 'platform', operation: 'users.create', alternative: gateway.capabilities['users.create'].alternative! }).message,
  );
  expect(gateway.capabilities['users.create'].alternative).toContain('native.members.invite');
});

test('users.disable / enable (platform): a platform admin freezes and unfreezes; the owner’s list shows it', async () => {
  const owner = await platformGateway(platform);
  const member = (await owner.users.list()).items.find((u) => u.role === 'member')!;
  const admin = await platformGateway(platform, 'platform admin');
  await admin.users.disable(member.id);
  expect((await owner.users.retrieve(member.id)).status).toBe('disabled');
  await admin.users.enable(member.id);
  expect((await owner.users.retrieve(member.id)).status).toBe('active');
});

test('users.disable (platform): an enterprise owner is refused by the admin route, as the native client is', async () => {
  const owner = await platformGateway(platform);
  const member = (await owner.users.list()).items.find((u) => u.role === 'member')!;
  await expect(owner.users.disable(member.id)).rejects.toBeInstanceOf(PermissionDeniedError);
});

test('users.delete (platform): the member leaves the enterprise', async () => {
  const owner = await platformGateway(platform);
  const member = (await owner.users.list()).items.find((u) => u.role === 'member')!;
  await owner.users.delete(member.id);
  expect((await owner.users.list()).items.map((u) => u.id)).not.toContain(member.id);
});

test('me: the newapi root and the platform owner, normalized', async () => {
  const root = newApiAccount(newapi.server, 100);
  expect(await (await newApiGateway(newapi)).me()).toMatchObject({ name: root.username, role: 'owner', status: 'active' });
  const owner = platform.server.accounts.find((a) => a.role === 'enterprise owner')!;
  expect(await (await platformGateway(platform)).me()).toMatchObject({ email: owner.email, role: 'owner', status: 'active' });
});
