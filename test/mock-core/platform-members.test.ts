import { expect, test } from 'vitest';
import { usePlatform } from './platform-support.js';

const t = usePlatform();
const MEMBERS = '/api/v1/enterprise/members';

const lastInvitationToken = () => t.server.state.outbox.at(-1)!.code!;

test('list: owner and admins see every account of the enterprise, the owner as role owner', async () => {
  const owner = await t.login('enterprise owner');
  const list = await t.json('GET', MEMBERS, { token: owner.access });
  expect(list.data.total).toBe(3);
  expect(list.data.items.map((m: { role: string }) => m.role).sort()).toEqual(['admin', 'member', 'owner']);
  const admin = await t.login('enterprise admin');
  expect((await t.json('GET', `${MEMBERS}?role=member`, { token: admin.access })).data.items).toMatchObject([{ role: 'member', quota: { tokens_per_day: 500000 } }]);
  expect(await t.json('GET', MEMBERS, { token: (await t.login('enterprise member')).access })).toMatchObject({ status: 403, code: 40301 });
  expect(await t.json('GET', MEMBERS, { token: (await t.login('personal')).access })).toMatchObject({ status: 403, code: 40303 });
});

test('invite: an admin invites members only; the invitation goes to the outbox; accepting creates the account', async () => {
  const admin = await t.login('enterprise admin');
  expect(await t.json('POST', `${MEMBERS}/invite`, { token: admin.access, body: { email: 'new@company.com', role: 'admin' } })).toMatchObject({ status: 403, code: 40301 });
  const invited = await t.json('POST', `${MEMBERS}/invite`, { token: admin.access, body: { email: 'New@Company.com' } });
  expect(invited).toMatchObject({ status: 201, data: { email: 'new@company.com', role: 'member', invited_by: admin.account.user_id } });
  const token = lastInvitationToken();
  expect(t.server.state.outbox.at(-1)).toMatchObject({ to: 'new@company.com', channel: 'email' });
  expect(JSON.stringify(invited)).not.toContain(token);

  const key = await t.publicKey();
  expect(await t.json('POST', '/api/v1/enterprise/invitations/accept', { body: { token } })).toMatchObject({ status: 400, code: 40001 });
  const weak = { token, key_id: key.key_id, password: await t.encrypt('short', key.public_key) };
  expect(await t.json('POST', '/api/v1/enterprise/invitations/accept', { body: weak })).toMatchObject({ status: 422, code: 42201 });
  const body = { token, key_id: key.key_id, password: await t.encrypt('Welcome123', key.public_key), nickname: '开发同学' };
  const accepted = await t.json('POST', '/api/v1/enterprise/invitations/accept', { body });
  expect(accepted).toMatchObject({ status: 200, data: { email: 'new@company.com', nickname: '开发同学', role: 'member' } });
  expect(await t.json('POST', '/api/v1/enterprise/invitations/accept', { body })).toMatchObject({ code: 40040 });
  const loggedIn = await t.json('POST', '/api/v1/auth/login', { body: await t.loginBody({ email: 'new@company.com' }, 'Welcome123') });
  expect(loggedIn.data.user).toMatchObject({ user_type: 'member', email_verified: true, enterprise: { role: 'member' } });
});

test('invite: a personal account links only while logged in as itself', async () => {
  const owner = await t.login('enterprise owner');
  const personal = await t.login('personal');
  await t.json('POST', `${MEMBERS}/invite`, { token: owner.access, body: { email: personal.account.email, role: 'admin' } });
  const token = lastInvitationToken();
  const accept = (access?: string) => t.json('POST', '/api/v1/enterprise/invitations/accept', { token: access, body: { token } });
  expect(await accept()).toMatchObject({ status: 401, code: 40101 });
  expect(await accept(owner.access)).toMatchObject({ status: 403, code: 40301 });
  expect(await accept(personal.access)).toMatchObject({ status: 200, data: { member_id: personal.account.user_id, role: 'admin' } });
  expect((await t.json('GET', '/api/v1/users/me', { token: personal.access })).data).toMatchObject({ user_type: 'member', enterprise: { role: 'admin' } });
});

test('invite: enterprise accounts and members of an enterprise are 40904; an unverified enterprise is 40305', async () => {
  const owner = await t.login('enterprise owner');
  for (const role of ['other enterprise admin', 'other enterprise owner', 'enterprise member'] as const) {
    expect(await t.json('POST', `${MEMBERS}/invite`, { token: owner.access, body: { email: t.account(role).email } })).toMatchObject({ status: 409, code: 40904 });
  }
  t.server.state.enterprises.find((e) => e.owner_id === owner.account.user_id)!.verify_status = 'pending';
  expect(await t.json('POST', `${MEMBERS}/invite`, { token: owner.access, body: { email: 'x@y.com' } })).toMatchObject({ status: 403, code: 40305 });
});

test('remove: the owner is protected (40304); admins remove members only; the removed account turns personal', async () => {
  const owner = await t.login('enterprise owner');
  const admin = await t.login('enterprise admin');
  const member = await t.login('enterprise member');
  expect(await t.json('DELETE', `${MEMBERS}/${owner.account.user_id}`, { token: admin.access })).toMatchObject({ status: 403, code: 40304 });
  expect(await t.json('DELETE', `${MEMBERS}/${admin.account.user_id}`, { token: admin.access })).toMatchObject({ status: 403, code: 40301 });
  expect(await t.json('DELETE', `${MEMBERS}/${owner.account.user_id}`, { token: member.access })).toMatchObject({ status: 403, code: 40301 });
  expect(await t.json('DELETE', `${MEMBERS}/${t.account('other enterprise admin').user_id}`, { token: owner.access })).toMatchObject({ status: 404, code: 40403 });
  expect(await t.json('DELETE', `${MEMBERS}/${member.account.user_id}`, { token: admin.access })).toMatchObject({ status: 200, data: null });
  expect((await t.json('GET', '/api/v1/users/me', { token: member.access })).data).toMatchObject({ user_type: 'personal', enterprise: null });
  expect(await t.json('DELETE', `${MEMBERS}/${admin.account.user_id}`, { token: owner.access })).toMatchObject({ status: 200 });
});

test('quota: members read their own only; admins set members\' but not their own; the owner has none', async () => {
  const owner = await t.login('enterprise owner');
  const admin = await t.login('enterprise admin');
  const member = await t.login('enterprise member');
  const quota = (id: string) => `${MEMBERS}/${id}/quota`;
  expect((await t.json('GET', quota(member.account.user_id), { token: member.access })).data).toMatchObject({ tokens_per_day: 500000, tokens_used_today: 12000 });
  expect(await t.json('GET', quota(admin.account.user_id), { token: member.access })).toMatchObject({ code: 40301 });
  expect((await t.json('GET', quota(owner.account.user_id), { token: admin.access })).data).toMatchObject({ tokens_per_day: null, requests_per_day: null });
  const caps = { tokens_per_day: 1000000, requests_per_day: 500 };
  expect((await t.json('PUT', quota(member.account.user_id), { token: admin.access, body: caps })).data).toMatchObject({ ...caps, tokens_used_today: 12000 });
  expect(await t.json('PUT', quota(admin.account.user_id), { token: admin.access, body: caps })).toMatchObject({ code: 40301 });
  expect(await t.json('PUT', quota(owner.account.user_id), { token: owner.access, body: caps })).toMatchObject({ status: 403, code: 40304 });
  expect(await t.json('PUT', quota(admin.account.user_id), { token: owner.access, body: { tokens_per_day: null } })).toMatchObject({ code: 40001 });
  expect((await t.json('PUT', quota(admin.account.user_id), { token: owner.access, body: { tokens_per_day: 0, requests_per_day: null } })).status).toBe(200);
});

test('role: only the owner changes roles, never their own', async () => {
  const owner = await t.login('enterprise owner');
  const admin = await t.login('enterprise admin');
  const member = t.account('enterprise member');
  const role = (id: string) => `${MEMBERS}/${id}/role`;
  expect(await t.json('PUT', role(member.user_id), { token: admin.access, body: { role: 'admin' } })).toMatchObject({ code: 40301 });
  expect(await t.json('PUT', role(owner.account.user_id), { token: owner.access, body: { role: 'member' } })).toMatchObject({ code: 40304 });
  expect(await t.json('PUT', role(member.user_id), { token: owner.access, body: { role: 'owner' } })).toMatchObject({ code: 40001 });
  expect((await t.json('PUT', role(member.user_id), { token: owner.access, body: { role: 'admin' } })).data).toMatchObject({ member_id: member.user_id, role: 'admin' });
  expect((await t.json('PUT', role(admin.account.user_id), { token: owner.access, body: { role: 'member' } })).data.role).toBe('member');
  expect(await t.json('GET', MEMBERS, { token: admin.access })).toMatchObject({ code: 40301 });
});

test('profile: every account of the enterprise reads it masked; members cannot update it', async () => {
  const member = await t.login('enterprise member');
  const profile = await t.json('GET', '/api/v1/enterprise/profile', { token: member.access });
  expect(profile.data).toMatchObject({ verify_status: 'verified', member_count: 3, credit_code: expect.stringMatching(/^91\d{2}\*{4}$/), contact_phone: expect.stringMatching(/^139\*{4}\d{4}$/) });
  expect(await t.json('PUT', '/api/v1/enterprise/profile', { token: member.access, body: { contact_name: '李四' } })).toMatchObject({ code: 40301 });
  const admin = await t.login('enterprise admin');
  const updated = await t.json('PUT', '/api/v1/enterprise/profile', { token: admin.access, body: { contact_phone: '13900139000' } });
  expect(updated.data.contact_phone).toBe('139****9000');
  expect(await t.json('GET', '/api/v1/enterprise/profile', { token: (await t.login('personal')).access })).toMatchObject({ code: 40303 });
});
