import { expect, test } from 'vitest';
import { usePlatform } from './platform-support.js';

const t = usePlatform();

const registerBody = async (fields: Record<string, unknown>, password = 'Aa123456!') => {
  const key = await t.publicKey();
  return { key_id: key.key_id, password: await t.encrypt(password, key.public_key), captcha_token: await t.captchaToken(), ...fields };
};
const register = async (fields: Record<string, unknown>, password?: string) => t.json('POST', '/api/v1/users/register', { body: await registerBody(fields, password) });

test('register: personal and enterprise accounts (201); the enterprise owns a new, unverified enterprise', async () => {
  const personal = await register({ user_type: 'personal', email: 'User@Example.com', phone: '13800138000' });
  expect(personal).toMatchObject({ status: 201, code: 0, data: { email: 'user@example.com', user_type: 'personal' } });
  const enterprise = await register({ user_type: 'enterprise', email: 'boss@acme.cn', enterprise_name: 'XX 科技有限公司' });
  expect(enterprise.status).toBe(201);
  const session = await t.json('POST', '/api/v1/auth/login', { body: await t.loginBody({ email: 'boss@acme.cn' }, 'Aa123456!') });
  expect(session.data.user).toMatchObject({ user_type: 'enterprise', email_verified: false, membership_level: 'free', enterprise: { role: 'owner', verify_status: 'unverified' } });
});

test('register: 409 email taken, 409 phone taken, 40001 enterprise_name rules, 42201 policy, 40306 closed', async () => {
  const account = t.account('personal');
  expect(await register({ user_type: 'personal', email: account.email.toUpperCase() })).toMatchObject({ status: 409, code: 40901 });
  expect(await register({ user_type: 'personal', email: 'a@b.cn', phone: account.phone })).toMatchObject({ status: 409, code: 40902 });
  expect(await register({ user_type: 'enterprise', email: 'a@b.cn' })).toMatchObject({ status: 400, code: 40001, data: { fields: [{ field: 'enterprise_name' }] } });
  expect(await register({ user_type: 'personal', email: 'a@b.cn', enterprise_name: 'Nope Ltd' })).toMatchObject({ code: 40001 });
  for (const weak of ['short1', 'onlyletters', '12345678', 'x'.repeat(31) + '12', 'Pässword1']) {
    expect(await register({ user_type: 'personal', email: 'a@b.cn' }, weak)).toMatchObject({ status: 422, code: 42201 });
  }
  await t.call('PATCH', '/__mock/settings', { body: { RegisterEnabled: false } });
  expect(await t.json('POST', '/api/v1/users/register', { body: {} })).toMatchObject({ status: 403, code: 40306 });
});

test('me: phone masked; PUT updates nickname and avatar, partial, avatar null removes it', async () => {
  const { access, account } = await t.login('personal');
  const me = await t.json('GET', '/api/v1/users/me', { token: access });
  expect(me.data).toMatchObject({ email: account.email, phone: `${account.phone!.slice(0, 3)}****${account.phone!.slice(-4)}`, realname_verified: true, membership_level: 'basic' });
  const avatar = 'https://oss.example.com/avatars/new.jpg';
  expect((await t.json('PUT', '/api/v1/users/me', { token: access, body: { nickname: '李四', avatar } })).data).toMatchObject({ nickname: '李四', avatar });
  expect((await t.json('PUT', '/api/v1/users/me', { token: access, body: { avatar: null } })).data).toMatchObject({ nickname: '李四', avatar: null });
  expect(await t.json('PUT', '/api/v1/users/me', { token: access, body: {} })).toMatchObject({ code: 40001 });
  expect(await t.json('PUT', '/api/v1/users/me', { token: access, body: { avatar: 'http://insecure/x.jpg' } })).toMatchObject({ code: 40001 });
});

test('password: 40002 wrong old password, 42202 unchanged; success keeps this session and revokes the others', async () => {
  const a = await t.login('personal');
  const b = await t.login('personal');
  const change = async (oldPassword: string, newPassword: string) => {
    const key = await t.publicKey();
    const body = { key_id: key.key_id, old_password: await t.encrypt(oldPassword, key.public_key), new_password: await t.encrypt(newPassword, key.public_key) };
    return t.json('PUT', '/api/v1/users/me/password', { token: a.access, body });
  };
  expect(await change('Wrong-pass-1', 'Bb654321!')).toMatchObject({ status: 400, code: 40002 });
  expect(await change(a.account.password, 'weak')).toMatchObject({ status: 422, code: 42201 });
  expect(await change(a.account.password, a.account.password)).toMatchObject({ status: 422, code: 42202 });
  expect(await change(a.account.password, 'Bb654321!')).toMatchObject({ status: 200, data: null });
  expect((await t.json('GET', '/api/v1/users/me', { token: a.access })).status).toBe(200);
  expect(await t.json('GET', '/api/v1/users/me', { token: b.access })).toMatchObject({ code: 40101 });
  expect((await t.json('POST', '/api/v1/auth/login', { body: await t.loginBody({ email: a.account.email }, 'Bb654321!') })).status).toBe(200);
});

test('email codes: register purpose verifies the caller, with a 60 s cooldown per address', async () => {
  const { access, account } = await t.login('enterprise owner');
  t.server.state.users.find((u) => u.user_id === account.user_id)!.email_verified = false;
  const send = () => t.call('POST', '/api/v1/users/me/verify/email', { token: access, body: { email: account.email, purpose: 'register' } });
  expect((await (await send()).json()).data).toMatchObject({ email: account.email, purpose: 'register', resend_after: 60 });
  const cooling = await send();
  expect(cooling.status).toBe(429);
  expect(Number(cooling.headers.get('retry-after'))).toBeGreaterThan(0);
  const code = t.server.state.outbox.at(-1)!.code!;
  const confirm = (c: string) => t.json('POST', '/api/v1/users/me/verify/email/confirm', { token: access, body: { purpose: 'register', email: account.email, code: c } });
  expect(await confirm(code === '000000' ? '111111' : '000000')).toMatchObject({ code: 40030 });
  expect(await confirm(code)).toMatchObject({ status: 200, data: { purpose: 'register', email: account.email } });
  expect(await confirm(code)).toMatchObject({ code: 40030 });
  t.server.clock.advance(60_000);
  expect(await (await send()).json()).toMatchObject({ code: 40905 });
});

test('email codes: a code dies after 10 minutes, or after 5 wrong tries', async () => {
  const { access, account } = await t.login('enterprise owner');
  t.server.state.users.find((u) => u.user_id === account.user_id)!.email_verified = false;
  const confirm = (code: string) => t.json('POST', '/api/v1/users/me/verify/email/confirm', { token: access, body: { purpose: 'register', email: account.email, code } });
  const send = async () => {
    await t.json('POST', '/api/v1/users/me/verify/email', { token: access, body: { email: account.email, purpose: 'register' } });
    return t.server.state.outbox.at(-1)!.code!;
  };
  const wrong = (code: string) => (code === '000000' ? '111111' : '000000');
  const first = await send();
  t.server.clock.advance(10 * 60_000);
  expect(await confirm(first)).toMatchObject({ status: 400, code: 40030 });
  const second = await send();
  for (let i = 0; i < 5; i++) expect(await confirm(wrong(second))).toMatchObject({ code: 40030 });
  expect(await confirm(second)).toMatchObject({ code: 40030 });
});

test('email codes: an anonymous reset needs a captcha, answers the same for unknown addresses, and resets', async () => {
  const account = t.account('enterprise member');
  const reset = async (email: string, captcha = true) =>
    t.json('POST', '/api/v1/users/me/verify/email', { body: { email, purpose: 'reset_password', ...(captcha ? { captcha_token: await t.captchaToken() } : {}) } });
  expect(await reset(account.email, false)).toMatchObject({ status: 400, code: 40020 });
  const outbox = t.server.state.outbox.length;
  const unknown = await reset('ghost@example.com');
  expect(unknown).toMatchObject({ status: 200, data: { email: 'ghost@example.com', purpose: 'reset_password' } });
  expect(t.server.state.outbox.length).toBe(outbox);
  expect((await reset(account.email)).status).toBe(200);
  const code = t.server.state.outbox.at(-1)!.code!;
  const key = await t.publicKey();
  const body = { purpose: 'reset_password', email: account.email, code, key_id: key.key_id, new_password: await t.encrypt('Reset1234', key.public_key) };
  expect(await t.json('POST', '/api/v1/users/me/verify/email/confirm', { body })).toMatchObject({ status: 200 });
  expect((await t.json('POST', '/api/v1/auth/login', { body: await t.loginBody({ email: account.email }, 'Reset1234') })).status).toBe(200);
  expect(await t.json('POST', '/api/v1/users/me/verify/email', { body: { email: 'x@y.cn', purpose: 'change_email' } })).toMatchObject({ code: 40101 });
});

test('real name: submit masks the name and never returns the id card; an admin approves or rejects with a reason', async () => {
  const member = await t.login('enterprise member');
  const admin = await t.login('platform admin');
  const body = { real_name: '张三丰', id_card: '11010119900307803x', id_card_front: 'https://oss.example.com/f.jpg', id_card_back: 'https://oss.example.com/b.jpg' };
  expect(await t.json('POST', '/api/v1/users/me/verify/realname', { token: member.access, body: { ...body, id_card: '110101199003078033' } })).toMatchObject({ code: 40001 });
  const submitted = await t.json('POST', '/api/v1/users/me/verify/realname', { token: member.access, body });
  expect(submitted.data).toMatchObject({ status: 'pending', real_name: '张**' });
  expect(JSON.stringify(t.server.state)).not.toContain('11010119900307803');
  expect(await t.json('POST', '/api/v1/users/me/verify/realname', { token: member.access, body })).toMatchObject({ status: 409, code: 40903 });
  const queue = await t.json('GET', '/admin/v1/verifications?status=pending', { token: admin.access });
  expect(queue.data.items).toMatchObject([{ type: 'realname', real_name: '张**', user_id: member.account.user_id }]);
  const id = queue.data.items[0].verification_id;
  expect(await t.json('POST', `/admin/v1/verifications/${id}/reject`, { token: admin.access, body: { reason: '照片模糊' } })).toMatchObject({ data: { status: 'rejected', reject_reason: '照片模糊' } });
  expect(await t.json('POST', `/admin/v1/verifications/${id}/approve`, { token: admin.access })).toMatchObject({ status: 409, code: 40903 });
  expect((await t.json('GET', '/api/v1/users/me/verify/realname', { token: member.access })).data).toMatchObject({ status: 'rejected', reject_reason: '照片模糊' });
  const again = await t.json('POST', '/api/v1/users/me/verify/realname', { token: member.access, body });
  const next = (await t.json('GET', '/admin/v1/verifications?status=pending&type=realname', { token: admin.access })).data.items[0].verification_id;
  expect(again.data.status).toBe('pending');
  expect((await t.json('POST', `/admin/v1/verifications/${next}/approve`, { token: admin.access })).data.status).toBe('verified');
  expect((await t.json('GET', '/api/v1/users/me', { token: member.access })).data.realname_verified).toBe(true);
  expect(await t.json('GET', '/api/v1/users/me/verify/realname', { token: (await t.login('enterprise owner')).access })).toMatchObject({ code: 40303 });
});

test('admin users: filters, masked phones, 40401, and only platform admins (40301)', async () => {
  const admin = await t.login('platform admin');
  const list = await t.json('GET', '/admin/v1/users?user_type=member', { token: admin.access });
  expect(list.data.total).toBe(3);
  const phone = t.account('personal').phone!;
  const found = await t.json('GET', `/admin/v1/users?keyword=${phone}`, { token: admin.access });
  expect(found.data.items).toMatchObject([{ user_id: t.account('personal').user_id, phone: `${phone.slice(0, 3)}****${phone.slice(-4)}` }]);
  expect(await t.json('GET', '/admin/v1/users/u_01HX3Z8K9Q2M7N4P5R6S7T8V9W', { token: admin.access })).toMatchObject({ status: 404, code: 40401 });
  expect(await t.json('POST', `/admin/v1/users/${admin.account.user_id}/freeze`, { token: admin.access, body: { reason: 'x' } })).toMatchObject({ code: 40301 });
  expect(await t.json('GET', '/admin/v1/users', { token: (await t.login('enterprise owner')).access })).toMatchObject({ status: 403, code: 40301 });
});
