import { expect, test, vi } from 'vitest';
import { AbortError, AuthenticationError, PermissionDeniedError, ServerError } from '../../src/index.js';
import { AetherClient, FINAL_MESSAGES, type AetherClientOptions, type TokenPair } from '../../src/aether/index.js';
import { useAether } from '../support/aether-client.js';

// Token keeping and the single-flight refresh, against the reference server (the access token expires on its
// clock) and, for answers the sandbox never gives with a 401, against a stub fetch.
const api = useAether();
const DAY = 24 * 60 * 60_000;

/** A client that records the path of every request it sends. */
function recorded(extra: Partial<AetherClientOptions> = {}) {
  const paths: string[] = [];
  const client = api.client({ onRequest: (request) => void paths.push(new URL(request.url).pathname), ...extra });
  return { client, paths, refreshes: () => paths.filter((p) => p === '/api/auth/refresh').length };
}

async function loggedIn(extra: Partial<AetherClientOptions> = {}) {
  const side = recorded(extra);
  const { email, password } = api.account('admin');
  await side.client.auth.login({ email, password });
  return side;
}

test('login keeps both tokens, sends the access token as a bearer, and tells onTokens without the user fields', async () => {
  const onTokens = vi.fn();
  const seen: Array<string | null> = [];
  const { client } = await loggedIn({ onTokens, onRequest: (r) => void seen.push(r.headers.get('authorization')) });
  await client.me.retrieve();
  expect(seen.at(-1)).toBe(`Bearer ${client.tokens!.access_token}`);
  expect(onTokens).toHaveBeenCalledOnce();
  expect(onTokens.mock.calls[0]![0]).toEqual({ access_token: client.tokens!.access_token, refresh_token: client.tokens!.refresh_token, token_type: 'bearer', expires_in: 86400 });
});

test('an expired access token (Token已过期) is refreshed once and the call goes again with the new pair', async () => {
  const onTokens = vi.fn();
  const { client, refreshes } = await loggedIn({ onTokens });
  const before = client.tokens!;
  api.advance(DAY + 1000);
  const me = await client.me.retrieve();
  expect(me.email).toBe(api.account('admin').email);
  expect(refreshes()).toBe(1);
  expect(client.tokens!.access_token).not.toBe(before.access_token);
  expect(client.tokens!.refresh_token).not.toBe(before.refresh_token); // rotated
  expect(onTokens).toHaveBeenLastCalledWith(client.tokens);
});

test('concurrent calls that all hit 401 share one refresh, then all succeed', async () => {
  const { client, refreshes } = await loggedIn();
  api.advance(DAY + 1000);
  const answers = await Promise.all([client.me.retrieve(), client.users.list(), client.usage.stats(), client.me.apiKeys.list(), client.auth.retrieve()]);
  expect(answers).toHaveLength(5);
  expect(refreshes()).toBe(1);
});

test('a manual auth.refresh() during an automatic one shares it: one refresh request', async () => {
  const { client, refreshes } = await loggedIn();
  api.advance(DAY + 1000);
  const [, manual] = await Promise.all([client.me.retrieve(), client.auth.refresh()]);
  expect(refreshes()).toBe(1);
  expect(manual.access_token).toBe(client.tokens!.access_token);
});

test('a 401 from login is thrown as it is: no refresh', async () => {
  const { client, refreshes } = await loggedIn();
  const err = await client.auth.login({ email: api.account('admin').email, password: 'not-the-password' }).catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(err.message).toBe('邮箱或密码错误');
  expect(refreshes()).toBe(0);
});

test('an expired refresh token (7 days) drops the tokens, tells onTokens(undefined) and throws the original 401', async () => {
  const onTokens = vi.fn();
  const { client, refreshes } = await loggedIn({ onTokens });
  api.advance(7 * DAY + 1000);
  const err = await client.me.retrieve().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(err.message).toBe('Token已过期');
  expect(refreshes()).toBe(1);
  expect(client.tokens).toBeUndefined();
  expect(onTokens).toHaveBeenLastCalledWith(undefined);
});

test('a refresh token whose user was deleted is refused (无效的刷新令牌): the tokens are dropped', async () => {
  const admin = await api.loginAs('admin');
  const { email, password } = api.account('user');
  const { client } = recorded();
  const { user_id } = await client.auth.login({ email, password });
  await admin.users.delete(user_id);
  const refused = await client.auth.refresh().catch((e) => e);
  expect(refused).toBeInstanceOf(AuthenticationError);
  expect(refused.message).toBe('无效的刷新令牌');
  expect(client.tokens).toBeUndefined();
});

test('a disabled user gets 403 用户不存在或已禁用 with no refresh, and keeps the tokens', async () => {
  const admin = await api.loginAs('admin');
  const { email, password } = api.account('user');
  const { client, refreshes } = recorded();
  const { user_id } = await client.auth.login({ email, password });
  await admin.users.update(user_id, { is_active: false });
  const err = await client.me.retrieve().catch((e) => e);
  expect(err).toBeInstanceOf(PermissionDeniedError);
  expect(err.message).toBe('用户不存在或已禁用');
  expect(refreshes()).toBe(0);
  expect(client.tokens).toBeDefined();
});

test('logout revokes the access token, forgets the tokens here, and tells onTokens(undefined)', async () => {
  const onTokens = vi.fn();
  const { client } = await loggedIn({ onTokens });
  const { access_token } = client.tokens!;
  await client.auth.logout();
  expect(client.tokens).toBeUndefined();
  expect(onTokens).toHaveBeenLastCalledWith(undefined);
  const copy = api.client({ tokens: { access_token } });
  await expect(copy.me.retrieve()).rejects.toMatchObject({ status: 401, message: 'Token已被撤销' });
});

test('tokens given at construction are sent from the first call; setTokens replaces them without onTokens', async () => {
  const { client } = await loggedIn();
  const onTokens = vi.fn();
  const restored = api.client({ tokens: client.tokens, onTokens });
  expect((await restored.me.retrieve()).email).toBe(api.account('admin').email);
  restored.setTokens(undefined);
  await expect(restored.me.retrieve()).rejects.toMatchObject({ status: 401, message: '缺少用户凭证' });
  expect(onTokens).not.toHaveBeenCalled();
});

// The sandbox answers these with 403, as upstream does; a fork or a proxy may say them with a 401, and upstream's
// console then keeps the session instead of refreshing. A stub fetch says them with a 401.
function stub(message: string, refresh: () => Response = () => Response.json({ access_token: 'at_2', refresh_token: 'rt_2', token_type: 'bearer', expires_in: 86400 })) {
  const paths: string[] = [];
  const fetch = async (request: Request) => {
    const { pathname } = new URL(request.url);
    paths.push(pathname);
    if (pathname === '/api/auth/refresh') return refresh();
    if (request.headers.get('authorization') === 'Bearer at_2') return Response.json({ id: 'u', email: 'a@b.co' });
    return Response.json({ error: { type: 'http_error', message } }, { status: 401 });
  };
  const client = new AetherClient({ baseURL: 'http://aether.test', fetch, maxRetries: 0, tokens: { access_token: 'at_1', refresh_token: 'rt_1' } });
  return { client, refreshes: () => paths.filter((p) => p === '/api/auth/refresh').length };
}

test.each(FINAL_MESSAGES)('a 401 saying %s is final: thrown as it is, no refresh, the tokens kept', async (message) => {
  const { client, refreshes } = stub(message);
  const err = await client.me.retrieve().catch((e) => e);
  expect(err).toBeInstanceOf(AuthenticationError);
  expect(err.message).toBe(message);
  expect(refreshes()).toBe(0);
  expect(client.tokens).toEqual({ access_token: 'at_1', refresh_token: 'rt_1' });
});

test('upstream lists exactly the four final messages of its console', () => {
  expect(FINAL_MESSAGES).toEqual(['用户不存在或已禁用', '需要管理员权限', '权限不足', '用户已禁用']);
});

test('any other 401 (Token已被撤销) is refreshed and sent again', async () => {
  const { client, refreshes } = stub('Token已被撤销');
  await expect(client.me.retrieve()).resolves.toMatchObject({ email: 'a@b.co' });
  expect(refreshes()).toBe(1);
  expect(client.tokens).toMatchObject({ access_token: 'at_2', refresh_token: 'rt_2' });
});

test('a call refused again after its refresh is thrown: one refresh per call, never a loop', async () => {
  const { client, refreshes } = stub('Token已被撤销', () => Response.json({ access_token: 'at_3', refresh_token: 'rt_3', token_type: 'bearer', expires_in: 86400 }));
  await expect(client.me.retrieve()).rejects.toMatchObject({ status: 401, message: 'Token已被撤销' });
  expect(refreshes()).toBe(1);
  expect(client.tokens).toMatchObject({ access_token: 'at_3', refresh_token: 'rt_3' });
});

test('a refresh that fails with a 5xx keeps the tokens and throws the original 401; auth.refresh() throws the 5xx', async () => {
  const { client, refreshes } = stub('Token已过期', () => Response.json({ error: { type: 'system_error', message: '系统遇到未知错误，请稍后重试或联系管理员', details: { error_id: '0a1b2c3d' } } }, { status: 500 }));
  await expect(client.me.retrieve()).rejects.toMatchObject({ status: 401, message: 'Token已过期' });
  expect(client.tokens).toEqual({ access_token: 'at_1', refresh_token: 'rt_1' });
  await expect(client.auth.refresh()).rejects.toBeInstanceOf(ServerError);
  expect(refreshes()).toBe(2);
});

test('without a refresh token a 401 is thrown as it is', async () => {
  const fetch = vi.fn(async () => Response.json({ error: { type: 'http_error', message: 'Token已过期' } }, { status: 401 }));
  const client = new AetherClient({ baseURL: 'http://aether.test', fetch, tokens: { access_token: 'at_1' } });
  await expect(client.me.retrieve()).rejects.toMatchObject({ status: 401, message: 'Token已过期' });
  expect(fetch).toHaveBeenCalledOnce();
});

test('aborting one auth.refresh({ signal }) leaves the shared refresh to the others', async () => {
  let release!: () => void;
  const held = new Promise<void>((resolve) => (release = resolve));
  const { client: inner } = stub('Token已过期');
  const fetch = async (request: Request) => {
    if (new URL(request.url).pathname === '/api/auth/refresh') await held;
    return (inner.options.fetch as (r: Request) => Promise<Response>)(request);
  };
  const client = new AetherClient({ baseURL: 'http://aether.test', fetch, maxRetries: 0, tokens: { access_token: 'at_1', refresh_token: 'rt_1' } });
  const aborted = new AbortController();
  const manual = client.auth.refresh({ signal: aborted.signal });
  const automatic = client.me.retrieve();
  aborted.abort();
  await expect(manual).rejects.toBeInstanceOf(AbortError);
  release();
  await expect(automatic).resolves.toMatchObject({ email: 'a@b.co' });
  expect(client.tokens!.access_token).toBe('at_2');
});

test('onTokens hears the refreshed pair as upstream answers it', async () => {
  const heard: Array<TokenPair | undefined> = [];
  const { client } = stub('Token已过期');
  const listening = new AetherClient({ baseURL: 'http://aether.test', fetch: client.options.fetch!, maxRetries: 0, tokens: client.tokens, onTokens: (t) => void heard.push(t) });
  await listening.me.retrieve();
  expect(heard).toEqual([{ access_token: 'at_2', refresh_token: 'rt_2', token_type: 'bearer', expires_in: 86400 }]);
});
