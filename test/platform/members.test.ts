import { expect, test } from 'vitest';
import { ConflictError, NotFoundError, PermissionDeniedError } from '../../src/index.js';
import { loseFirstAnswer, retryAtOnce } from '../support/lost-answer.js';
import { usePlatform } from '../support/platform.js';

const api = usePlatform();

test('list: the owner sees everyone, the owner included with role owner', async () => {
  const owner = await api.loginAs('enterprise owner');
  const page = await owner.members.list();
  expect(page.items.map((m) => m.role).sort()).toEqual(['admin', 'member', 'owner']);
  const admins = await owner.members.list({ role: 'admin' });
  expect(admins.items.map((m) => m.email)).toEqual([api.account('enterprise admin').email]);
});

test('list: a plain member may not (40301)', async () => {
  const member = await api.loginAs('enterprise member');
  await expect(member.members.list()).rejects.toSatisfy((e) => e instanceof PermissionDeniedError && (e as PermissionDeniedError).code === 40301);
});

test('invite and accept: a new email becomes a member account that can log in', async () => {
  const owner = await api.loginAs('enterprise owner');
  const invitation = await owner.members.invite({ email: 'dev@company.example.com', role: 'admin' });
  expect(invitation).toMatchObject({ email: 'dev@company.example.com', role: 'admin', invited_by: api.account('enterprise owner').user_id });
  const joined = await api.client().members.acceptInvitation({ token: api.lastCode('dev@company.example.com'), password: 'J0ined-pass', nickname: '开发同学' });
  expect(joined).toMatchObject({ email: 'dev@company.example.com', role: 'admin', nickname: '开发同学' });
  const client = api.client();
  const { user } = await client.auth.login({ email: 'dev@company.example.com', password: 'J0ined-pass', captcha_token: await api.captchaToken(client) });
  expect(user).toMatchObject({ user_type: 'member', email_verified: true, enterprise: { role: 'admin' } });
});

test('invite and accept: a logged-in personal account is linked without a password', async () => {
  const owner = await api.loginAs('enterprise owner');
  const personal = await api.loginAs('personal');
  const { email } = api.account('personal');
  await owner.members.invite({ email });
  const joined = await personal.members.acceptInvitation({ token: api.lastCode(email) });
  expect(joined).toMatchObject({ email, role: 'member' });
  expect((await personal.users.me.retrieve()).user_type).toBe('member');
});

test('invite: an admin may not invite an admin (40301); a member of another enterprise is a ConflictError 40904', async () => {
  const admin = await api.loginAs('enterprise admin');
  await expect(admin.members.invite({ email: 'x@example.com', role: 'admin' })).rejects.toMatchObject({ code: 40301 });
  const err = await admin.members.invite({ email: api.account('other enterprise admin').email }).catch((e) => e);
  expect(err).toBeInstanceOf(ConflictError);
  expect(err.code).toBe(40904);
});

test('quota: the owner sets a member quota; the member reads only their own', async () => {
  const owner = await api.loginAs('enterprise owner');
  const memberId = api.account('enterprise member').user_id;
  const set = await owner.members.setQuota(memberId, { tokens_per_day: 1_000_000, requests_per_day: null });
  expect(set).toMatchObject({ tokens_per_day: 1_000_000, requests_per_day: null });
  const member = await api.loginAs('enterprise member');
  expect(await member.members.retrieveQuota(memberId)).toEqual(set);
  await expect(member.members.retrieveQuota(api.account('enterprise admin').user_id)).rejects.toMatchObject({ code: 40301 });
});

test("quota: the owner's cannot be set (40304)", async () => {
  const owner = await api.loginAs('enterprise owner');
  await expect(owner.members.setQuota(api.account('enterprise owner').user_id, { tokens_per_day: 1, requests_per_day: 1 })).rejects.toMatchObject({ status: 403, code: 40304 });
});

test('changeRole: the owner promotes a member; an admin may not (40301)', async () => {
  const admin = await api.loginAs('enterprise admin');
  const memberId = api.account('enterprise member').user_id;
  await expect(admin.members.changeRole(memberId, { role: 'admin' })).rejects.toBeInstanceOf(PermissionDeniedError);
  const owner = await api.loginAs('enterprise owner');
  expect(await owner.members.changeRole(memberId, { role: 'admin' })).toMatchObject({ member_id: memberId, role: 'admin' });
});

test('delete: the member becomes personal; a member of another enterprise is a NotFoundError 40403', async () => {
  const owner = await api.loginAs('enterprise owner');
  await owner.members.delete(api.account('enterprise member').user_id);
  expect((await (await api.loginAs('enterprise member')).users.me.retrieve()).user_type).toBe('personal');
  const err = await owner.members.delete(api.account('other enterprise admin').user_id).catch((e) => e);
  expect(err).toBeInstanceOf(NotFoundError);
  expect(err.code).toBe(40403);
});

test('delete: a retry after the answer was lost resolves and the member is personal; a non-member still throws NotFoundError', async () => {
  const net = loseFirstAnswer(api.fetch, (request) => request.method === 'DELETE');
  const owner = await api.loginAs('enterprise owner', { fetch: net.fetch, ...retryAtOnce });
  await expect(owner.members.delete(api.account('enterprise member').user_id)).resolves.toBeUndefined();
  expect(net.lost()).toBe(true);
  expect((await (await api.loginAs('enterprise member')).users.me.retrieve()).user_type).toBe('personal');
  await expect(owner.members.delete(api.account('other enterprise admin').user_id)).rejects.toBeInstanceOf(NotFoundError);
});
