import { expect, test } from 'vitest';
import { useAetherRaw } from '../support/aether-raw.js';

/**
 * Upstream's tokens: HS256 JWTs with exactly its claims (no `iat`, no `jti`), expiry on the server clock, refresh
 * rotation that leaves the old refresh token alive, and logout revoking the access token only.
 */
const api = useAetherRaw();

const NOW = Date.UTC(2026, 6, 1, 12, 0, 0, 250);
const http = (message: string) => ({ error: { type: 'http_error', message } });

function decode(token: string): { header: Record<string, unknown>; payload: Record<string, unknown> } {
  const [header, payload] = token.split('.').slice(0, 2).map((part) => JSON.parse(Buffer.from(part!, 'base64url').toString('utf8')));
  return { header, payload };
}

const me = (token: string) => api.call('GET', '/api/auth/me', { token });
const refresh = (refresh_token: unknown) => api.call('POST', '/api/auth/refresh', { body: { refresh_token } });

test('jwt: access and refresh tokens carry exactly upstream\'s claims, in its order, with exp from the server clock', async () => {
  api.server.clock.set(NOW);
  const user = api.account('user');
  const { access_token, refresh_token } = await api.login('user');
  const access = decode(access_token);
  expect(access.header).toEqual({ alg: 'HS256', typ: 'JWT' });
  expect(Object.keys(access.payload)).toEqual(['user_id', 'email', 'role', 'created_at', 'exp', 'type']);
  const { created_at } = (await api.call('GET', '/api/auth/me', { token: access_token })).body;
  expect(access.payload).toEqual({ user_id: user.user_id, email: user.email, role: 'user', created_at, exp: Math.floor(NOW / 1000) + 86_400, type: 'access' });
  const refreshed = decode(refresh_token);
  expect(Object.keys(refreshed.payload)).toEqual(['user_id', 'email', 'exp', 'type']);
  expect(refreshed.payload).toEqual({ user_id: user.user_id, email: user.email, exp: Math.floor(NOW / 1000) + 7 * 86_400, type: 'refresh' });
});

test('jwt: two logins in one second give the same tokens; the next second gives new ones', async () => {
  api.server.clock.set(NOW);
  const first = await api.login('user');
  api.server.clock.advance(500);
  expect(await api.login('user')).toEqual(first);
  api.server.clock.advance(300);
  expect((await api.login('user')).access_token).not.toBe(first.access_token);
});

test('jwt: the access token lives 24 hours on the server clock, the refresh token 7 days', async () => {
  api.server.clock.set(NOW);
  const { access_token, refresh_token } = await api.login('user');
  api.server.clock.set(Math.floor(NOW / 1000) * 1000 + 86_399_999);
  expect((await me(access_token)).status).toBe(200);
  api.server.clock.advance(1);
  expect((await me(access_token)).body).toEqual(http('Token已过期'));
  api.server.clock.set(Math.floor(NOW / 1000) * 1000 + 7 * 86_400_000 - 1);
  expect((await refresh(refresh_token)).status).toBe(200);
  api.server.clock.advance(1);
  expect((await refresh(refresh_token)).body).toEqual(http('Token已过期'));
});

test('jwt: refresh rotates the pair with claims read anew, and the old refresh token keeps working', async () => {
  api.server.clock.set(NOW);
  const first = await api.login('user');
  api.server.state.users.find((u) => u.id === api.account('user').user_id)!.role = 'admin';
  api.server.clock.advance(5_000);
  const second = await refresh(first.refresh_token);
  expect(Object.keys(second.body)).toEqual(['access_token', 'refresh_token', 'token_type', 'expires_in']);
  expect(second.body).toMatchObject({ token_type: 'bearer', expires_in: 86400 });
  expect(second.body.refresh_token).not.toBe(first.refresh_token);
  expect(decode(second.body.access_token).payload.role).toBe('admin');
  api.server.clock.advance(5_000);
  expect((await refresh(first.refresh_token)).status).toBe(200);
});

test('jwt: a token of the wrong type, a garbage, forged or alg:none token each get upstream\'s 401', async () => {
  const { access_token, refresh_token } = await api.login('user');
  expect((await refresh(access_token)).body).toEqual(http('Token类型错误: 期望 refresh, 实际 access'));
  expect((await me(refresh_token)).body).toEqual(http('Token类型错误: 期望 access, 实际 refresh'));
  const [header, payload] = access_token.split('.');
  const none = `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${payload}.`;
  for (const token of ['garbage', `${header}.${payload}.${'A'.repeat(43)}`, none]) {
    expect((await me(token)).body).toEqual(http('无效的Token'));
    expect((await refresh(token)).body).toEqual(http('无效的Token'));
  }
  // An API key is not a credential of these routes.
  expect((await api.call('GET', '/api/admin/users', { token: 'sk-' + 'a'.repeat(32) })).body).toEqual(http('无效的Token'));
});

test('jwt: the bearer prefix matches in any case and spaces around the token are trimmed', async () => {
  const { access_token } = await api.login('admin');
  for (const authorization of [`bearer ${access_token}`, `BEARER   ${access_token}  `]) {
    expect((await api.call('GET', '/api/admin/users', { headers: { authorization } })).status).toBe(200);
  }
  for (const authorization of [`Token ${access_token}`, 'Bearer', 'Bearer    ']) {
    expect((await api.call('GET', '/api/admin/users', { headers: { authorization } })).body).toEqual(http('缺少管理员凭证'));
  }
});

test('jwt: logout revokes the access token (and its same-second twin), never the refresh token', async () => {
  api.server.clock.set(NOW);
  const { access_token, refresh_token } = await api.login('user');
  const out = await api.call('POST', '/api/auth/logout', { token: access_token, text: '{not json' });
  expect(out.body).toEqual({ message: '登出成功', success: true });
  expect((await me(access_token)).body).toEqual(http('Token已被撤销'));
  expect((await api.call('POST', '/api/auth/logout', { token: access_token })).body).toEqual(http('Token已被撤销'));
  // A login in the same second mints the same token, which is revoked too.
  expect((await api.login('user')).access_token).toBe(access_token);
  expect((await me(access_token)).status).toBe(401);
  // A refresh in that second would mint the twin again; a second later it mints a live token.
  expect((await me((await refresh(refresh_token)).body.access_token)).status).toBe(401);
  api.server.clock.advance(1_000);
  expect((await me((await refresh(refresh_token)).body.access_token)).status).toBe(200);
});

test('jwt: the revocation lasts the whole seconds the token had left, as a Redis TTL would', async () => {
  api.server.clock.set(NOW);
  const { access_token } = await api.login('user');
  api.server.clock.advance(10_500);
  await api.call('POST', '/api/auth/logout', { token: access_token });
  // exp is NOW's second + 86400; the entry was set for int(exp - now) = 86389 s from the logout.
  const logoutAt = NOW + 10_500;
  api.server.clock.set(logoutAt + 86_389_000 - 1);
  expect((await me(access_token)).body).toEqual(http('Token已被撤销'));
  api.server.clock.set(logoutAt + 86_389_000);
  expect((await me(access_token)).status).toBe(200);
  api.server.clock.set(Math.floor(NOW / 1000) * 1000 + 86_400_000);
  expect((await me(access_token)).body).toEqual(http('Token已过期'));
});

test('jwt: logout checks the exact "Bearer " prefix after authenticating; a token that does not survive the cut revokes nothing', async () => {
  const { access_token } = await api.login('user');
  expect((await api.call('POST', '/api/auth/logout', { headers: { authorization: `bearer ${access_token}` } })).body).toEqual(http('缺少认证令牌'));
  expect((await api.call('POST', '/api/auth/logout', { headers: { authorization: `Bearer  ${access_token}` } })).body).toEqual({ message: '登出成功（降级模式）', success: false });
  expect((await me(access_token)).status).toBe(200);
  expect((await api.call('POST', '/api/auth/logout')).body).toEqual(http('缺少用户凭证'));
});

test('jwt: a deleted user\'s tokens: access 403, refresh 401; an inactive user\'s refresh 403', async () => {
  const [gone, inactive] = api.server.accounts.filter((a) => a.role === 'user');
  const goneTokens = await api.login(gone!.username);
  const inactiveTokens = await api.login(inactive!.username);
  const admin = (await api.login('admin')).access_token;
  expect((await api.call('DELETE', `/api/admin/users/${gone!.user_id}`, { token: admin })).body).toEqual({ message: '用户删除成功' });
  expect((await me(goneTokens.access_token)).body).toEqual(http('用户不存在或已禁用'));
  expect((await refresh(goneTokens.refresh_token)).body).toEqual(http('无效的刷新令牌'));
  expect((await api.call('PUT', `/api/admin/users/${inactive!.user_id}`, { token: admin, body: { is_active: false } })).status).toBe(200);
  expect((await me(inactiveTokens.access_token)).body).toEqual(http('用户不存在或已禁用'));
  expect((await refresh(inactiveTokens.refresh_token)).body).toEqual(http('用户已禁用'));
});

test('jwt: no token, key or password is in a state export; revoked tokens are kept as SHA-256 only', async () => {
  const { access_token } = await api.login('user');
  const created = await api.call('POST', '/api/users/me/api-keys', { token: access_token, body: { name: 'ci' } });
  await api.call('POST', '/api/auth/logout', { token: access_token });
  const exported = JSON.stringify(await api.snapshot());
  expect(exported).not.toContain(access_token);
  expect(exported).not.toContain(created.body.key);
  expect(exported).not.toContain(api.account('user').password);
  expect(Object.keys(api.server.state.revoked_tokens).every((hash) => /^[0-9a-f]{64}$/.test(hash))).toBe(true);
});
