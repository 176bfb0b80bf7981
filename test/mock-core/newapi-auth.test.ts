import { afterAll, expect, test } from 'vitest';
import { MAX_SESSIONS } from '../../mocks/core/session-cap.js';
import { turnOnTwoFactor } from '../support/two-factor.js';
import { json, loginAs, newApiServer, serverErrors, watchPasswordWork } from './support.js';

afterAll(() => expect(serverErrors.splice(0)).toEqual([]));

const AUTH_VERSION = '864b7076dbcd0a3c01b5520316720ebf';

test('auth: no cookie and no Authorization is a 401', async () => {
  const server = await newApiServer();
  const response = await server.fetch('/api/user/self', { headers: { 'New-Api-User': '1' } });
  expect(response.status).toBe(401);
  expect(await response.json()).toEqual({ success: false, message: 'Unauthorized, not logged in and no access token provided' });
});

test('auth: messages are Chinese with Accept-Language zh', async () => {
  const server = await newApiServer();
  const response = await server.fetch('/api/user/self', { headers: { 'Accept-Language': 'zh-CN,zh;q=0.9' } });
  expect(await response.json()).toEqual({ success: false, message: '无权进行此操作，未登录且未提供 access token' });
});

test('auth: New-Api-User missing, malformed ("Bearer 1") or mismatched is a 401', async () => {
  const server = await newApiServer();
  const cookie = (await loginAs(server, 'root', '123456')).cookie!;
  const cases: Array<[Record<string, string>, string]> = [
    [{ cookie }, 'Unauthorized, New-Api-User header not provided'],
    [{ cookie, 'New-Api-User': 'Bearer 1' }, 'Unauthorized, New-Api-User header format error'],
    [{ cookie, 'New-Api-User': '2' }, 'Unauthorized, New-Api-User does not match logged in user'],
  ];
  for (const [headers, message] of cases) {
    const response = await server.fetch('/api/user/self', { headers });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ success: false, message });
  }
});

test('auth: success adds Auth-Version', async () => {
  const server = await newApiServer();
  const response = await server.fetch('/api/user/self', { headers: await loginAs(server, 'root', '123456') });
  expect(response.headers.get('auth-version')).toBe(AUTH_VERSION);
});

test('auth: the access token works raw or after "Bearer ", not after "bearer "', async () => {
  const server = await newApiServer();
  const headers = await loginAs(server, 'root', '123456');
  const token = (await (await server.fetch('/api/user/token', { headers })).json()).data as string;
  expect(token).toMatch(/^[A-Za-z0-9+/=]{28}$|^[A-Za-z0-9+/=]{32}$/);
  for (const authorization of [`Bearer ${token}`, token]) {
    const response = await server.fetch('/api/user/self', { headers: { authorization, 'New-Api-User': '1' } });
    expect((await response.json()).success).toBe(true);
  }
  const lower = await server.fetch('/api/user/self', { headers: { authorization: `bearer ${token}`, 'New-Api-User': '1' } });
  expect(lower.status).toBe(200);
  expect(await lower.json()).toEqual({ success: false, message: 'Unauthorized, invalid access token' });
});

test('auth: a new access token replaces the old one, and only its hash is stored', async () => {
  const server = await newApiServer();
  const headers = await loginAs(server, 'root', '123456');
  const first = (await (await server.fetch('/api/user/token', { headers })).json()).data as string;
  const second = (await (await server.fetch('/api/user/token', { headers })).json()).data as string;
  const withToken = (token: string) => server.fetch('/api/user/self', { headers: { authorization: token, 'New-Api-User': '1' } });
  expect((await (await withToken(first)).json()).success).toBe(false);
  expect((await (await withToken(second)).json()).success).toBe(true);
  expect(JSON.stringify(server.state)).not.toContain(second);
});

test('auth: a user disabled after login keeps a working session (status cached at login)', async () => {
  const server = await newApiServer();
  const account = server.accounts.find((a) => a.role === 1)!;
  const headers = await loginAs(server, account.username, account.password);
  server.state.users.find((u) => u.username === account.username)!.status = 2;
  expect((await (await server.fetch('/api/user/self', { headers })).json()).success).toBe(true);
  const again = await server.fetch('/api/user/login', json('POST', { username: account.username, password: account.password }));
  expect(await again.json()).toEqual({ success: false, message: 'Username or password is incorrect, or user has been banned' });
});

test('auth: a banned access-token user gets the ban message with HTTP 200', async () => {
  const server = await newApiServer();
  const account = server.accounts.find((a) => a.role === 1)!;
  const headers = await loginAs(server, account.username, account.password);
  const token = (await (await server.fetch('/api/user/token', { headers })).json()).data as string;
  server.state.users.find((u) => u.username === account.username)!.status = 2;
  const response = await server.fetch('/api/user/self', { headers: { authorization: token, 'New-Api-User': headers['New-Api-User']! } });
  expect(response.status).toBe(200);
  expect(await response.json()).toEqual({ success: false, message: 'User has been banned' });
});

test('auth: a common user on an admin route gets insufficient privileges', async () => {
  const server = await newApiServer();
  const account = server.accounts.find((a) => a.role === 1)!;
  const response = await server.fetch('/api/user/', { headers: await loginAs(server, account.username, account.password) });
  expect(await response.json()).toEqual({ success: false, message: 'Unauthorized, insufficient privileges' });
});

test('auth: the saved language wins over Accept-Language once the user is known', async () => {
  const server = await newApiServer();
  const headers = await loginAs(server, 'root', '123456');
  await server.fetch('/api/user/self', json('PUT', { language: 'zh-CN' }, headers));
  const response = await server.fetch('/api/user/self', json('DELETE', {}, { ...headers, 'Accept-Language': 'en' }));
  expect(await response.json()).toEqual({ success: false, message: '不能删除超级管理员账户' });
});

test('login: by email too; answers the six-field user and stamps last_login_at', async () => {
  const server = await newApiServer();
  const account = server.accounts.find((a) => a.role === 10)!;
  const user = server.state.users.find((u) => u.username === account.username)!;
  const response = await server.fetch('/api/user/login', json('POST', { username: user.email, password: account.password }));
  expect(await response.json()).toEqual({
    success: true,
    message: '',
    data: { id: user.id, username: user.username, display_name: user.display_name, role: 10, status: 1, group: user.group },
  });
  expect(user.last_login_at).toBeGreaterThan(Date.UTC(2026, 0, 1) / 1000);
});

test('login: bad JSON or empty fields are invalid parameters', async () => {
  const server = await newApiServer();
  for (const init of [{ method: 'POST', body: '{' }, json('POST', { username: '', password: 'x' }), json('POST', { username: '  ', password: 'x' })]) {
    expect(await (await server.fetch('/api/user/login', init)).json()).toEqual({ success: false, message: 'Invalid parameters' });
  }
});

test('login/2fa: a user with 2FA gets a pending session, then logs in with a TOTP code', async () => {
  const { totpCode } = await import('../../mocks/index.js');
  const server = await newApiServer();
  const account = server.accounts.find((a) => a.role === 1)!;
  const user = server.state.users.find((u) => u.username === account.username)!;
  const secret = await turnOnTwoFactor(server, account.username, account.password);
  const first = await server.fetch('/api/user/login', json('POST', { username: account.username, password: account.password }));
  expect(await first.json()).toEqual({ success: true, message: 'Please enter two-factor authentication code', data: { require_2fa: true } });
  const cookie = first.headers.getSetCookie()[0]!.split(';')[0]!;
  const pending = await server.fetch('/api/user/self', { headers: { cookie, 'New-Api-User': String(user.id) } });
  expect(pending.status).toBe(401);
  const wrong = await server.fetch('/api/user/login/2fa', json('POST', { code: '000000' }, { cookie }));
  expect(await wrong.json()).toEqual({ success: false, message: '验证码或备用码不正确' });
  const code = await totpCode(secret, server.clock.now());
  const ok = await server.fetch('/api/user/login/2fa', json('POST', { code }, { cookie }));
  expect((await ok.json()).data.id).toBe(user.id);
  const self = await server.fetch('/api/user/self', { headers: { cookie, 'New-Api-User': String(user.id) } });
  expect((await self.json()).success).toBe(true);
});

test('login/2fa: without a pending login, and with a missing code', async () => {
  const server = await newApiServer();
  expect(await (await server.fetch('/api/user/login/2fa', json('POST', { code: '123456' }))).json()).toEqual({ success: false, message: '会话已过期，请重新登录' });
  expect(await (await server.fetch('/api/user/login/2fa', json('POST', {}))).json()).toEqual({ success: false, message: '参数错误' });
});

test('logout: ends the session; the cookie is expired', async () => {
  const server = await newApiServer();
  const headers = await loginAs(server, 'root', '123456');
  const response = await server.fetch('/api/user/logout', { headers: { cookie: headers.cookie! } });
  expect(await response.json()).toEqual({ success: true, message: '' });
  expect(response.headers.getSetCookie()[0]).toMatch(/^session=; Path=\/; Expires=Thu, 01 Jan 1970 00:00:00 GMT; Max-Age=0/);
  expect((await server.fetch('/api/user/self', { headers })).status).toBe(401);
});

test('session: expires after 30 days on the server clock', async () => {
  const server = await newApiServer();
  const headers = await loginAs(server, 'root', '123456');
  server.clock.advance(2_592_000_000 + 1);
  expect((await server.fetch('/api/user/self', { headers })).status).toBe(401);
});

test('state export: holds no session cookie, access token or API key, and the session still works', async () => {
  const server = await newApiServer();
  const headers = await loginAs(server, 'root', '123456');
  const sessionId = headers.cookie!.slice('session='.length);
  const accessToken = (await (await server.fetch('/api/user/token', { headers })).json()).data as string;
  await server.fetch('/api/token/', json('POST', { name: 'export check' }, headers));
  const [{ id }] = (await (await server.fetch('/api/token/?p=1&size=1', { headers })).json()).data.items;
  const apiKey = (await (await server.fetch(`/api/token/${id}/key`, { method: 'POST', headers })).json()).data.key as string;
  expect(apiKey).toMatch(/^[0-9A-Za-z]{48}$/);

  const exported = await (await server.fetch('/__mock/state')).text();
  for (const secret of [sessionId, accessToken, apiKey]) expect(exported).not.toContain(secret);
  expect((await (await server.fetch('/api/user/self', { headers })).json()).success).toBe(true);
});

test('login: a token create does not wait for a wrong-password login whose password check is still running', async () => {
  const server = await newApiServer();
  const headers = await loginAs(server, 'root', '123456');
  const work = watchPasswordWork({ hold: true });
  let answered = false;
  const login = server.fetch('/api/user/login', json('POST', { username: 'root', password: 'wrong-password' })).then((r) => ((answered = true), r.json()));
  await work.started;
  const created = await server.fetch('/api/token/', json('POST', { name: 'while a login hashes' }, headers));
  expect(await created.json()).toMatchObject({ success: true });
  expect(answered).toBe(false);
  work.release();
  expect(await login).toEqual({ success: false, message: 'Username or password is incorrect, or user has been banned' });
});

test('login: an unknown name costs the same password work as a wrong password', async () => {
  const server = await newApiServer();
  const work = watchPasswordWork();
  const spent = async (username: string) => {
    const before = work.iterations.length;
    const answer = await (await server.fetch('/api/user/login', json('POST', { username, password: 'wrong-password' }))).json();
    return { answer, iterations: work.iterations.slice(before) };
  };
  const known = await spent('root');
  const unknown = await spent('nobody-here');
  expect(known.iterations).toEqual([1000]);
  expect(unknown).toEqual(known);
});

test('sessions: past 10,000 (an imported state), the next login drops those expiring first down to the cap', async () => {
  const server = await newApiServer();
  const first = await loginAs(server, 'root', '123456');
  const sessions = server.state.sessions;
  const [firstKey] = Object.keys(sessions);
  // Arranged in state (fast): five more than the cap, all ending after the first session, five of them soonest.
  const ends = sessions[firstKey!]!.expires_at;
  for (let i = 1; i < MAX_SESSIONS + 5; i++) sessions[`filler${i}`] = { data: { id: 1 }, expires_at: ends + (i <= 5 ? i : 1_000 + i) };
  await loginAs(server, 'root', '123456');
  expect(Object.keys(sessions)).toHaveLength(MAX_SESSIONS);
  expect(Object.keys(sessions).filter((key) => key === firstKey || /^filler[1-5]$/.test(key))).toEqual([]);
  expect((await server.fetch('/api/user/self', { headers: first })).status).toBe(401);
});
