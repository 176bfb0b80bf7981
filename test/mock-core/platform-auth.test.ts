import { expect, test } from 'vitest';
import { MAX_SESSIONS } from '../../mocks/core/session-cap.js';
import { usePlatform } from './platform-support.js';
import { watchPasswordWork } from './support.js';

const t = usePlatform();
const MINUTE = 60_000;

const login = async (identifier: { email: string } | { phone: string }, password: string) =>
  t.json('POST', '/api/v1/auth/login', { body: await t.loginBody(identifier, password) });
const me = (token: string) => t.json('GET', '/api/v1/users/me', { token });
const refresh = (token: string) => t.json('POST', '/api/v1/auth/refresh', { body: { refresh_token: token } });

test('login: by email or by phone, an opaque 15-minute access token and a refresh token', async () => {
  const account = t.account('enterprise admin');
  const byEmail = await login({ email: account.email.toUpperCase() }, account.password);
  expect(byEmail.status).toBe(200);
  expect(byEmail.data).toMatchObject({ token_type: 'Bearer', expires_in: 900, user: { user_id: account.user_id, user_type: 'member' } });
  expect(byEmail.data.access_token).toMatch(/^at_[A-Za-z0-9_-]{43}$/);
  expect(byEmail.data.user.enterprise).toMatchObject({ role: 'admin', verify_status: 'verified' });
  const byPhone = await login({ phone: account.phone! }, account.password);
  expect(byPhone.data.user.phone).toBe(`${account.phone!.slice(0, 3)}****${account.phone!.slice(-4)}`);
  // Only hashes are stored.
  expect(JSON.stringify(t.server.state)).not.toContain(byEmail.data.access_token);
});

test('login: email and phone together, or neither, is 40001', async () => {
  const account = t.account('personal');
  const body = await t.loginBody({ email: account.email }, account.password);
  expect(await t.json('POST', '/api/v1/auth/login', { body: { ...body, phone: account.phone } })).toMatchObject({ code: 40001 });
  const { email: _email, ...neither } = body;
  expect(await t.json('POST', '/api/v1/auth/login', { body: neither })).toMatchObject({ code: 40001 });
});

test('login: unknown account and wrong password get the same 40104', async () => {
  const account = t.account('personal');
  const wrong = await login({ email: account.email }, 'Wrong-pass-1');
  const unknown = await login({ email: 'nobody@example.com' }, account.password);
  expect(wrong).toMatchObject({ status: 401, code: 40104 });
  expect(unknown).toMatchObject({ status: 401, code: 40104, message: wrong.message });
});

test('lockout: the 5th wrong password in 15 minutes locks for 15 minutes, right password included', async () => {
  const account = t.account('personal');
  for (let i = 0; i < 4; i++) expect(await login({ email: account.email }, `Wrong-pass-${i}`)).toMatchObject({ code: 40104 });
  const fifth = await t.call('POST', '/api/v1/auth/login', { body: await t.loginBody({ email: account.email }, 'Wrong-pass-5') });
  expect(fifth.status).toBe(429);
  expect(fifth.headers.get('retry-after')).toBe('900');
  expect(await fifth.json()).toMatchObject({ code: 42903, data: { retry_after: 900 } });
  expect(await login({ email: account.email }, account.password)).toMatchObject({ status: 429, code: 42903 });
  t.server.clock.advance(15 * MINUTE);
  expect((await login({ email: account.email }, account.password)).status).toBe(200);
});

test('refresh: rotates both tokens; the session end does not move', async () => {
  const session = await t.login('personal');
  const first = await login({ email: session.account.email }, session.account.password);
  t.server.clock.advance(MINUTE);
  const rotated = await refresh(first.data.refresh_token);
  expect(rotated.status).toBe(200);
  expect(rotated.data.refresh_token).not.toBe(first.data.refresh_token);
  expect(rotated.data.refresh_expires_at).toBe(first.data.refresh_expires_at);
  expect((await me(rotated.data.access_token)).status).toBe(200);
});

test('refresh: presenting a rotated refresh token again revokes the whole session (40103)', async () => {
  const session = await t.login('personal');
  const rotated = await refresh(session.refresh);
  expect(await refresh(session.refresh)).toMatchObject({ status: 401, code: 40103 });
  expect(await me(rotated.data.access_token)).toMatchObject({ status: 401, code: 40101 });
  expect(await refresh(rotated.data.refresh_token)).toMatchObject({ code: 40103 });
  expect(await me(session.access)).toMatchObject({ code: 40101 });
});

test('access token: 40102 after 15 minutes; the session ends 30 days after login', async () => {
  const session = await t.login('personal');
  t.server.clock.advance(15 * MINUTE);
  const expired = await t.call('GET', '/api/v1/users/me', { token: session.access });
  expect(expired.status).toBe(401);
  expect(expired.headers.get('www-authenticate')).toContain('invalid_token');
  expect(await expired.json()).toMatchObject({ code: 40102 });
  const renewed = await refresh(session.refresh);
  expect(renewed.status).toBe(200);
  t.server.clock.advance(30 * 24 * 60 * MINUTE);
  expect(await refresh(renewed.data.refresh_token)).toMatchObject({ code: 40103 });
});

test('bearer: missing, malformed and unknown tokens are 40101', async () => {
  const none = await t.call('GET', '/api/v1/users/me');
  expect(none.headers.get('www-authenticate')).toBe('Bearer realm="platform"');
  expect(await none.json()).toMatchObject({ code: 40101 });
  for (const authorization of ['Basic abc', 'Bearer', 'Bearer at_unknown']) {
    expect(await t.json('GET', '/api/v1/users/me', { headers: { authorization } })).toMatchObject({ status: 401, code: 40101 });
  }
});

test('logout: revokes this session at once; all: true revokes every session', async () => {
  const a = await t.login('personal');
  const b = await t.login('personal');
  expect(await t.json('POST', '/api/v1/auth/logout', { token: a.access })).toMatchObject({ status: 200, code: 0, data: null });
  expect(await me(a.access)).toMatchObject({ code: 40101 });
  expect(await refresh(a.refresh)).toMatchObject({ code: 40103 });
  expect((await me(b.access)).status).toBe(200);
  const c = await t.login('personal');
  await t.json('POST', '/api/v1/auth/logout', { token: c.access, body: { all: true } });
  expect(await me(b.access)).toMatchObject({ code: 40101 });
  expect(await t.json('POST', '/api/v1/auth/logout', { token: b.access, body: '[1]' })).toMatchObject({ code: 40101 });
});

test('frozen: tokens stop at once (40302), login and refresh too; after unfreezing the old tokens are dead', async () => {
  const admin = await t.login('platform admin');
  const user = await t.login('enterprise member');
  const path = `/admin/v1/users/${user.account.user_id}`;
  const frozen = await t.json('POST', `${path}/freeze`, { token: admin.access, body: { reason: 'chargeback' } });
  expect(frozen.data).toMatchObject({ status: 'frozen', freeze_reason: 'chargeback' });
  expect(await me(user.access)).toMatchObject({ status: 403, code: 40302 });
  expect(await refresh(user.refresh)).toMatchObject({ status: 403, code: 40302 });
  expect(await login({ email: user.account.email }, 'Wrong-pass-1')).toMatchObject({ code: 40104 });
  expect(await login({ email: user.account.email }, user.account.password)).toMatchObject({ status: 403, code: 40302 });
  await t.json('POST', `${path}/unfreeze`, { token: admin.access });
  expect(await me(user.access)).toMatchObject({ code: 40101 });
  expect((await login({ email: user.account.email }, user.account.password)).status).toBe(200);
});

test('messages: Simplified Chinese for Accept-Language zh, English otherwise', async () => {
  const zh = await t.json('GET', '/api/v1/users/me', { headers: { 'accept-language': 'zh-CN,zh;q=0.9,en;q=0.8' } });
  expect(zh.message).toBe('请先登录。');
  const en = await t.json('GET', '/api/v1/users/me', { headers: { 'accept-language': 'en-US,zh;q=0.5' } });
  expect(en.message).toBe('Authentication required.');
});

test('sessions that ended over a day ago are forgotten with their tokens, by an hourly sweep at login', async () => {
  const HOUR = 60 * MINUTE;
  const account = t.account('personal');
  const sessions = () => Object.keys(t.server.state.sessions).length;
  const tokensOf = () => Object.keys(t.server.state.refresh_tokens).length;
  const first = await login({ email: account.email }, account.password); // the first login sweeps (nothing to forget)
  await t.json('POST', '/api/v1/auth/logout', { token: first.data.access_token });
  const [withFirst, tokensWithFirst] = [sessions(), tokensOf()];

  // 23 h 50 min later the session is not dead long enough: this login's sweep keeps it.
  t.server.clock.advance(24 * HOUR - 10 * MINUTE);
  await login({ email: account.email }, account.password);
  expect(sessions()).toBe(withFirst + 1);
  // 20 minutes on it is, but the sweep ran 20 minutes ago: logins do not walk every session each time.
  t.server.clock.advance(20 * MINUTE);
  await login({ email: account.email }, account.password);
  expect(sessions()).toBe(withFirst + 2);
  // An hour after the last sweep, the next login sweeps: the dead session and its tokens are gone.
  t.server.clock.advance(HOUR);
  await login({ email: account.email }, account.password);
  expect(sessions()).toBe(withFirst + 2);
  expect(tokensOf()).toBe(tokensWithFirst + 2);
  // Its refresh token is unknown now, which answers what a revoked one does.
  expect(await refresh(first.data.refresh_token)).toMatchObject({ status: 401, code: 40103 });
});

test('a sweep time ahead of the clock (a state imported from a later clock) does not stop the sweeps', async () => {
  const account = t.account('personal');
  const first = await login({ email: account.email }, account.password);
  await t.json('POST', '/api/v1/auth/logout', { token: first.data.access_token });
  t.server.state.swept_at.sessions = t.server.clock.now() + 365 * 24 * 60 * MINUTE;
  t.server.clock.advance(25 * 60 * MINUTE);
  const before = Object.keys(t.server.state.sessions).length;
  const sweptFrom = t.server.clock.now();
  await login({ email: account.email }, account.password);
  expect(Object.keys(t.server.state.sessions).length, 'the dead session went, the new one came').toBe(before);
  expect(t.server.state.swept_at.sessions).toBeGreaterThanOrEqual(sweptFrom);
  expect(t.server.state.swept_at.sessions).toBeLessThanOrEqual(t.server.clock.now());
});

test('lockout: records of unknown emails are forgotten by the hourly sweep once they no longer count', async () => {
  const account = t.account('personal');
  const keys = () => Object.keys(t.server.state.login_failures).sort();
  await login({ email: 'ghost1@example.com' }, 'Wrong-pass-1'); // this failure sweeps (nothing to forget)
  await login({ email: 'ghost2@example.com' }, 'Wrong-pass-1');
  t.server.clock.advance(55 * MINUTE);
  await login({ email: account.email }, 'Wrong-pass-1');
  expect(keys()).toEqual(['id:ghost1@example.com', 'id:ghost2@example.com', `u:${account.user_id}`]);
  // An hour after the first sweep: the ghosts' failures are past their 15 minutes, the account's is 6 minutes old.
  t.server.clock.advance(6 * MINUTE);
  await login({ email: 'ghost3@example.com' }, 'Wrong-pass-1');
  expect(keys()).toEqual(['id:ghost3@example.com', `u:${account.user_id}`]);
});

test('refresh: a session keeps its 4 newest access tokens and 8 newest refresh tokens, however often it refreshes', async () => {
  const account = t.account('personal');
  const first = await login({ email: account.email }, account.password);
  const [access, refreshes] = [Object.keys(t.server.state.access_tokens).length, Object.keys(t.server.state.refresh_tokens).length];
  const pairs = [first.data];
  for (let i = 0; i < 20; i++) pairs.push((await refresh(pairs.at(-1)!.refresh_token)).data);
  expect(Object.keys(t.server.state.access_tokens)).toHaveLength(access + 3);
  expect(Object.keys(t.server.state.refresh_tokens)).toHaveLength(refreshes + 7);
  expect(await me(pairs[0]!.access_token)).toMatchObject({ status: 401, code: 40101 });
  expect(await me(pairs.at(-4)!.access_token)).toMatchObject({ status: 200, code: 0 });
  // The newest rotated refresh token is still known: presenting it again is reuse and ends the session.
  expect(await refresh(pairs.at(-2)!.refresh_token)).toMatchObject({ status: 401, code: 40103 });
  expect(await me(pairs.at(-1)!.access_token)).toMatchObject({ status: 401, code: 40101 });
});

test('login: an unknown email costs the same password work as a wrong password', async () => {
  const account = t.account('personal');
  const work = watchPasswordWork();
  const spent = async (email: string) => {
    const body = await t.loginBody({ email }, 'Wrong-pass-1');
    const before = work.iterations.length;
    const { code, message } = await t.json('POST', '/api/v1/auth/login', { body });
    return { code, message, iterations: work.iterations.slice(before) };
  };
  const known = await spent(account.email);
  const unknown = await spent('nobody@example.com');
  expect(known).toMatchObject({ code: 40104, iterations: [1000] });
  expect(unknown).toEqual(known);
});

test('login: a write does not wait for a login whose password check is still running; the login commits after it', async () => {
  const account = t.account('personal');
  const { access } = await t.login('personal');
  const body = await t.loginBody({ email: account.email }, account.password);
  const work = watchPasswordWork({ hold: true });
  let answered = false;
  const login = t.json('POST', '/api/v1/auth/login', { body }).then((r) => ((answered = true), r));
  await work.started;
  // A write that hashes nothing: the user, logged in elsewhere, ends every session of the account.
  expect(await t.json('POST', '/api/v1/auth/logout', { token: access, body: { all: true } })).toMatchObject({ code: 0 });
  expect(answered).toBe(false);
  work.release();
  const answer = await login;
  expect(answer).toMatchObject({ status: 200, code: 0 });
  expect((await me(access)).code).toBe(40101);
  expect((await me(answer.data.access_token)).code).toBe(0);
});

test('lockout: five wrong passwords sent at once are all counted, and lock the account', async () => {
  const account = t.account('personal');
  const bodies = await Promise.all(Array.from({ length: 5 }, (_, i) => t.loginBody({ email: account.email }, `Wrong-pass-${i}`)));
  const answers = await Promise.all(bodies.map((body) => t.json('POST', '/api/v1/auth/login', { body })));
  expect(answers.map((a) => a.code).sort()).toEqual([40104, 40104, 40104, 40104, 42903]);
  expect(await login({ email: account.email }, account.password)).toMatchObject({ status: 429, code: 42903 });
});

test('sessions are capped at 10,000: one more login drops the session ending first, with its tokens', async () => {
  const account = t.account('personal');
  const first = await login({ email: account.email }, account.password);
  const firstId = t.server.state.access_tokens[Object.keys(t.server.state.access_tokens).at(-1)!]!.session_id;
  // Arranged in state (fast): sessions of the same user that end a day after the first one.
  const now = t.server.clock.now();
  const sessions = t.server.state.sessions;
  for (let i = Object.keys(sessions).length; i < MAX_SESSIONS; i++) {
    const id = `ses_filler_${i}`;
    sessions[id] = { session_id: id, user_id: account.user_id, created_at: now, expires_at: sessions[firstId]!.expires_at + 86_400_000, revoked_at: null, tokens: { access: [], refresh: [] } };
  }
  const tokenRows = Object.keys(t.server.state.access_tokens).length + Object.keys(t.server.state.refresh_tokens).length;
  expect((await login({ email: account.email }, account.password)).code).toBe(0);
  expect(Object.keys(sessions)).toHaveLength(MAX_SESSIONS);
  expect(sessions[firstId]).toBeUndefined();
  // The new session's two rows came, the dropped one's two went.
  expect(Object.keys(t.server.state.access_tokens).length + Object.keys(t.server.state.refresh_tokens).length).toBe(tokenRows);
  expect(await refresh(first.data.refresh_token)).toMatchObject({ status: 401, code: 40103 });
  expect(await me(first.data.access_token)).toMatchObject({ status: 401, code: 40101 });
});
