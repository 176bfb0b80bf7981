import { expect, test } from 'vitest';
import { NotFoundError, PermissionDeniedError, UnsupportedOperationError } from '../../src/index.js';
import { useReferenceServer } from '../support/lifecycle.js';
import { aetherGateway, newApiAccount, newApiGateway, openCatGateway, platformGateway } from './support.js';

const newapi = useReferenceServer('newapi');
const platform = useReferenceServer('platform');
const aether = useReferenceServer('aether');
const opencat = useReferenceServer('opencat');

test('users.list (newapi): ids as strings, roots as owner, admins as admin, common users as user; raw is the admin route’s user', async () => {
  const gateway = await newApiGateway(newapi);
  const page = await gateway.users.list({ pageSize: 100 });
  const native = await gateway.native.users.list({ pageSize: 100 });
  expect(page.items.map((u) => u.raw)).toEqual(native.items);
  for (const user of page.items) {
    expect(user.id).toBe(String(user.raw.id));
    expect(user.role).toBe({ 100: 'owner', 10: 'admin', 1: 'user' }[user.raw.role as 100 | 10 | 1]);
    expect(user.status).toBe(user.raw.status === 1 && user.raw.DeletedAt === null ? 'active' : 'disabled');
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

test('users.list (newapi): a soft-deleted user, which the admin list still shows, reads as disabled', async () => {
  const gateway = await newApiGateway(newapi);
  const { id } = await gateway.users.create({ name: 'gw_dave', password: 'pa55word!' });
  await gateway.native.users.softDelete(Number(id)).catch((err: unknown) => {
    if (!(err instanceof NotFoundError)) throw err;
  });
  const listed = (await gateway.users.list({ pageSize: 100 })).items.find((u) => u.id === id)!;
  expect(listed.raw.DeletedAt).not.toBeNull();
  expect(listed.status).toBe('disabled');
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

test('users.list / retrieve (aether): UUID ids, admins as admin, the inactive user as disabled; raw is the admin route’s user', async () => {
  const gateway = await aetherGateway(aether);
  const users = (await gateway.users.list()).items;
  const inactive = aether.server.accounts.find((a) => a.role === 'inactive user')!;
  expect(users.find((u) => u.id === inactive.user_id)).toMatchObject({ name: inactive.username, email: inactive.email, role: 'user', status: 'disabled' });
  const admin = await gateway.users.retrieve(aether.server.accounts.find((a) => a.role === 'admin')!.user_id);
  expect(admin).toMatchObject({ role: 'admin', status: 'active', quota: { kind: 'limit', period: 'lifetime' } });
  expect(admin.raw).toEqual(await gateway.native.users.retrieve(admin.id));
});

test('users.create (aether): needs email and password, takes no member role; refused before any request', async () => {
  const gateway = await aetherGateway(aether);
  const before = aether.server.requests.length;
  await expect(gateway.users.create({ name: 'mei_chen', email: 'mei@example.com' })).rejects.toThrow('Aether logs in by email, so a user needs `email` and `password`');
  await expect(gateway.users.create({ name: 'mei_chen', email: 'mei@example.com', password: 'Blue-lotus-42', role: 'member' })).rejects.toBeInstanceOf(TypeError);
  expect(aether.server.requests.length).toBe(before);
});

test('users.create / disable / enable / delete (aether): $10 to start, the status follows, a deleted user is not found', async () => {
  const gateway = await aetherGateway(aether);
  const mei = await gateway.users.create({ name: 'mei_chen', email: 'mei@example.com', password: 'Blue-lotus-42', role: 'admin' });
  expect(mei).toMatchObject({ name: 'mei_chen', email: 'mei@example.com', role: 'admin', status: 'active' });
  expect(mei.quota!.amount!.toString()).toBe('10');
  await gateway.users.disable(mei.id);
  expect((await gateway.users.retrieve(mei.id)).status).toBe('disabled');
  await gateway.users.enable(mei.id);
  expect((await gateway.users.retrieve(mei.id)).status).toBe('active');
  await gateway.users.delete(mei.id);
  await expect(gateway.users.retrieve(mei.id)).rejects.toBeInstanceOf(NotFoundError);
});

test('users.list (opencat): root as owner, the rest as members, all active; raw is the store row with its token', async () => {
  const gateway = await openCatGateway(opencat);
  const users = (await gateway.users.list()).items;
  expect(users.map((u) => u.role)).toEqual(users.map((u) => (u.id === '1' ? 'owner' : 'member')));
  expect(users.every((u) => u.status === 'active')).toBe(true);
  expect(users.map((u) => u.raw)).toEqual((await gateway.native.users.list()).items);
});

test('users.create (opencat): a member by name; an email, a password or the admin role is refused before any request', async () => {
  const gateway = await openCatGateway(opencat);
  const before = opencat.server.requests.length;
  await expect(gateway.users.create({ name: 'alice', email: 'alice@example.com' })).rejects.toThrow('OpenCat keeps neither email nor password');
  await expect(gateway.users.create({ name: 'alice', role: 'admin' })).rejects.toBeInstanceOf(TypeError);
  expect(opencat.server.requests.length).toBe(before);
  expect(await gateway.users.create({ name: 'alice' })).toMatchObject({ name: 'alice', role: 'member', status: 'active' });
});

test('users.retrieve (opencat): read from the list; an unknown or deleted id is a NotFoundError with opencatd’s own text', async () => {
  const gateway = await openCatGateway(opencat);
  const alice = await gateway.users.create({ name: 'alice' });
  expect((await gateway.users.retrieve(alice.id)).raw).toEqual(alice.raw);
  await gateway.users.delete(alice.id);
  const gone = await gateway.users.retrieve(alice.id).catch((e: unknown) => e);
  expect(gone).toBeInstanceOf(NotFoundError);
  expect(gone).toMatchObject({ message: 'record not found', dialect: 'opencat' });
});

test('users.disable / enable (opencat): unsupported, naming keys.revoke and keys.create, and nothing is sent', async () => {
  const gateway = await openCatGateway(opencat);
  const before = opencat.server.requests.length;
  await expect(gateway.users.disable('2')).rejects.toMatchObject({ name: 'UnsupportedOperationError', dialect: 'opencat', alternative: expect.stringContaining('keys.revoke') });
  await expect(gateway.users.enable('2')).rejects.toBeInstanceOf(UnsupportedOperationError);
  expect(opencat.server.requests.length).toBe(before);
});

test('me (aether, opencat): the bootstrap admin and root, normalized; raw is the dialect’s own profile', async () => {
  const viaAether = await aetherGateway(aether);
  expect(await viaAether.me()).toMatchObject({ name: 'admin', email: 'admin@localhost', role: 'admin', status: 'active' });
  const member = opencat.server.accounts.find((a) => a.role === 'user')!;
  const asMember = await openCatGateway(opencat, member.token);
  expect(await asMember.me()).toMatchObject({ name: member.username, role: 'member' });
  expect((await asMember.me()).raw).toEqual(await asMember.native.users.me());
});

test('users.list().withResponse() (newapi): the mapped first page and the answer of the dialect list it came from, as a dialect client\'s list gives', async () => {
  const gateway = await newApiGateway(newapi);
  const { data: page, response } = await gateway.users.list({ pageSize: 100 }).withResponse();
  expect(page.items.map((u) => u.name)).toEqual((await gateway.users.list({ pageSize: 100 })).items.map((u) => u.name));
  expect(typeof page.items[0]!.id).toBe('string');
  expect([response.status, new URL(response.url).pathname]).toEqual([200, '/api/user/']);
  expect((await response.json()).data.items.length).toBe(page.items.length);
});
