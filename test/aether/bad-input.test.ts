import { expect, test } from 'vitest';
import { useAetherRaw } from '../support/aether-raw.js';

/**
 * Bad input on every route that reads a body or a path id, sent by a caller who gets past authentication (the
 * admin, or the user on the caller's own routes): each answer is upstream's, in its shape, and the state is left
 * exactly as it was, the deliberate 500s included.
 */
const api = useAetherRaw();

const http = (message: string) => ({ error: { type: 'http_error', message } });
const invalid = (message: string) => ({ error: { type: 'invalid_request', message } });
const notFound = (message: string, resource_type: 'user' | 'api_key') => ({ error: { type: 'not_found', message, details: { resource_type } } });
const SYSTEM = { type: 'system_error', message: '系统遇到未知错误，请稍后重试或联系管理员' };
const EMPTY = http('请求体不能为空');
const MALFORMED = http('请求体必须是合法的JSON');
const NOBODY = '00000000-0000-4000-8000-000000000000';

type Expected = unknown | typeof SYSTEM_500;
const SYSTEM_500 = Symbol('system_error');

interface BodyRoute {
  method: string;
  path: (ids: Ids) => string;
  as: 'admin' | 'user' | 'anonymous';
  wrongType: [unknown, Expected];
  missing: [unknown, Expected];
}

interface Ids {
  user: string;
  userKey: string;
}

const BODY_ROUTES: Record<string, BodyRoute> = {
  'POST /api/auth/login': { method: 'POST', path: () => '/api/auth/login', as: 'anonymous', wrongType: [{ email: 'a@b.co', password: 1 }, invalid('输入验证失败: password: Input should be a valid string')], missing: [{ email: 'a@b.co' }, invalid('输入验证失败: password: Field required')] },
  'POST /api/auth/refresh': { method: 'POST', path: () => '/api/auth/refresh', as: 'anonymous', wrongType: [{ refresh_token: 5 }, SYSTEM_500], missing: [{}, SYSTEM_500] },
  'POST /api/auth/register': { method: 'POST', path: () => '/api/auth/register', as: 'anonymous', wrongType: [{ email: 'a@b.co', username: 5, password: 'secret-1' }, SYSTEM_500], missing: [{ email: 'a@b.co' }, SYSTEM_500] },
  'PATCH /api/auth/password': { method: 'PATCH', path: () => '/api/auth/password', as: 'user', wrongType: [{ old_password: 5, new_password: 'long-enough' }, SYSTEM_500], missing: [{ old_password: 'x' }, http('必须提供旧密码和新密码')] },
  'PUT /api/users/me': { method: 'PUT', path: () => '/api/users/me', as: 'user', wrongType: [{ username: 5 }, invalid('用户名: 输入应为有效的字符串')], missing: [[], invalid('输入应为有效的字典 or instance of UpdateProfileRequest')] },
  'PATCH /api/users/me/password': { method: 'PATCH', path: () => '/api/users/me/password', as: 'user', wrongType: [{ old_password: 5, new_password: 'x' }, invalid('旧密码: 输入应为有效的字符串')], missing: [{ old_password: 'x' }, invalid('新密码: 此字段为必填项')] },
  'POST /api/users/me/api-keys': { method: 'POST', path: () => '/api/users/me/api-keys', as: 'user', wrongType: [{ name: null }, invalid('名称: 输入应为有效的字符串')], missing: [{}, invalid('名称: 此字段为必填项')] },
  'POST /api/admin/users': { method: 'POST', path: () => '/api/admin/users', as: 'admin', wrongType: [{ username: 'newcomer', password: 'secret-1', email: 'n@example.com', quota_usd: {} }, invalid('配额: 输入应为有效的数字')], missing: [{ username: 'newcomer' }, invalid('密码: 此字段为必填项')] },
  'PUT /api/admin/users/{user_id}': { method: 'PUT', path: ({ user }) => `/api/admin/users/${user}`, as: 'admin', wrongType: [{ is_active: 'maybe' }, invalid('激活状态: 输入应为布尔值, unable to interpret input')], missing: [null, invalid('输入应为有效的字典 or instance of UpdateUserRequest')] },
  'POST /api/admin/users/{user_id}/api-keys': { method: 'POST', path: ({ user }) => `/api/admin/users/${user}/api-keys`, as: 'admin', wrongType: [{ allowed_models: [1] }, invalid('允许的模型: 输入应为有效的字符串')], missing: [[], invalid('输入应为有效的字典 or instance of CreateApiKeyRequest')] },
};

function ids(): Ids {
  const user = api.account('user').user_id;
  return { user, userKey: api.server.state.api_keys.find((k) => k.user_id === user)!.id };
}

async function tokenFor(as: BodyRoute['as']): Promise<string | undefined> {
  return as === 'anonymous' ? undefined : (await api.login(as)).access_token;
}

/** Sends one request between two snapshots of the state and answers what came back. */
async function unchanged(send: () => ReturnType<typeof api.call>) {
  const before = await api.snapshot();
  const answer = await send();
  expect(await api.snapshot(), 'the state is left as it was').toEqual(before);
  return answer;
}

function expectAnswer(answer: Awaited<ReturnType<typeof api.call>>, expected: Expected) {
  if (expected === SYSTEM_500) {
    expect(answer.status).toBe(500);
    expect(answer.body.error).toMatchObject(SYSTEM);
  } else {
    expect(answer.body).toEqual(expected);
  }
}

for (const [op, route] of Object.entries(BODY_ROUTES)) {
  test(`bad input: ${op} answers no body, malformed JSON, a wrong type and a missing field, changing nothing`, async () => {
    const token = await tokenFor(route.as);
    const path = route.path(ids());
    expect((await unchanged(() => api.call(route.method, path, { token, text: '' }))).body).toEqual(EMPTY);
    expect((await unchanged(() => api.call(route.method, path, { token, text: '{"email": ' }))).body).toEqual(MALFORMED);
    expectAnswer(await unchanged(() => api.call(route.method, path, { token, body: route.wrongType[0] })), route.wrongType[1]);
    expectAnswer(await unchanged(() => api.call(route.method, path, { token, body: route.missing[0] })), route.missing[1]);
  });

  test(`bad input: ${op} refuses a body over the sandbox's 1 MiB with 413, before anything else`, async () => {
    const token = await tokenFor(route.as);
    const answer = await unchanged(() => api.call(route.method, route.path(ids()), { token, text: JSON.stringify({ name: 'x'.repeat(1024 * 1024) }) }));
    expect([answer.status, answer.body]).toEqual([413, http('请求体过大: 参考服务器最多读取 1 MiB')]);
  });

  test(`bad input: ${op} answers a body that is not UTF-8 with upstream's 500`, async () => {
    const token = await tokenFor(route.as);
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    const before = await api.snapshot();
    const response = await api.fetch(new Request(api.baseURL + route.path(ids()), { method: route.method, headers, body: new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]) }));
    expect(response.status).toBe(500);
    expect((await response.json()).error).toMatchObject(SYSTEM);
    expect(await api.snapshot()).toEqual(before);
  });
}

test('bad input: the body is read as raw bytes before the role check, and parsed after it', async () => {
  const { access_token: token } = await api.login('user');
  // A user with a broken body on an admin route: the role check answers, not the body.
  expect((await api.call('POST', '/api/admin/users', { token, text: '{oops' })).body).toEqual(http('需要管理员权限'));
  // But the sandbox's size bound sits where upstream reads the raw bytes, before the role check.
  expect((await api.call('POST', '/api/admin/users', { token, text: 'x'.repeat(1024 * 1024 + 1) })).status).toBe(413);
});

const ID_ROUTES: Array<[string, string, (ids: Ids) => string, 'admin' | 'user', unknown]> = [
  ['GET', 'user detail', () => `/api/admin/users/${NOBODY}`, 'admin', notFound('用户不存在', 'user')],
  ['PUT', 'user update', () => `/api/admin/users/${NOBODY}`, 'admin', notFound('用户不存在', 'user')],
  ['DELETE', 'user delete (http_error, not not_found)', () => `/api/admin/users/${NOBODY}`, 'admin', http('用户不存在')],
  ['PATCH', 'quota reset', () => `/api/admin/users/${NOBODY}/quota`, 'admin', notFound('用户不存在', 'user')],
  ['GET', 'user keys', () => `/api/admin/users/${NOBODY}/api-keys`, 'admin', notFound('用户不存在', 'user')],
  ['POST', 'user key create', () => `/api/admin/users/${NOBODY}/api-keys`, 'admin', notFound('用户不存在', 'user')],
  ['DELETE', 'user key delete, unknown user', ({ userKey }) => `/api/admin/users/${NOBODY}/api-keys/${userKey}`, 'admin', notFound('API Key不存在或不属于该用户', 'api_key')],
  ['DELETE', 'user key delete, unknown key', ({ user }) => `/api/admin/users/${user}/api-keys/${NOBODY}`, 'admin', notFound('API Key不存在或不属于该用户', 'api_key')],
  ['GET', 'own key', () => `/api/users/me/api-keys/${NOBODY}`, 'user', notFound('API密钥不存在', 'api_key')],
  ['GET', 'own key with include_key', () => `/api/users/me/api-keys/${NOBODY}?include_key=true`, 'user', notFound('API密钥不存在', 'api_key')],
  ['DELETE', 'own key delete', () => `/api/users/me/api-keys/${NOBODY}`, 'user', notFound('API密钥不存在', 'api_key')],
  ['PATCH', 'own key toggle', () => `/api/users/me/api-keys/${NOBODY}`, 'user', notFound('API密钥不存在', 'api_key')],
];

for (const [method, label, path, as, expected] of ID_ROUTES) {
  test(`bad input: ${method} ${label} with an id nobody has is a 404, changing nothing`, async () => {
    const token = (await api.login(as)).access_token;
    const answer = await unchanged(() => api.call(method, path(ids()), { token, body: method === 'PUT' || method === 'POST' ? {} : undefined }));
    expect([answer.status, answer.body]).toEqual([404, expected]);
  });
}

test('bad input: an id that is not a UUID is simply not found; one with a NUL byte is upstream\'s 500', async () => {
  const token = (await api.login('admin')).access_token;
  expect((await api.call('GET', '/api/admin/users/not-a-uuid', { token })).status).toBe(404);
  const answer = await unchanged(() => api.call('DELETE', '/api/admin/users/a%00b', { token }));
  expect([answer.status, answer.body.error.type]).toEqual([500, 'system_error']);
});

test('bad input: infinite quotas, which upstream stores and then cannot render, are a 500 that changes nothing here', async () => {
  const token = (await api.login('admin')).access_token;
  const user = api.account('user').user_id;
  for (const text of ['{"quota_usd": Infinity}', '{"quota_usd": "inf"}']) {
    const answer = await unchanged(() => api.call('PUT', `/api/admin/users/${user}`, { token, text }));
    expect(answer.body.error.type).toBe('system_error');
  }
  // Python's json.loads reads NaN, which then fails the model's checks with their own messages.
  expect((await api.call('PUT', `/api/admin/users/${user}`, { token, text: '{"quota_usd": NaN}' })).body).toEqual(invalid('配额: 数值应大于或等于 0'));
  expect((await api.call('POST', '/api/admin/users', { token, text: '{"username":"newcomer","password":"secret-1","email":"n@example.com","quota_usd":NaN}' })).body).toEqual(invalid('配额: 配额必须在 0-10000 范围内'));
});

test('bad input: a key name over the 100-character column, and over-long profile fields, are commit-time 500s', async () => {
  const admin = (await api.login('admin')).access_token;
  const user = (await api.login('user')).access_token;
  const name = 'n'.repeat(101);
  for (const [token, method, path, body] of [
    [admin, 'POST', `/api/admin/users/${ids().user}/api-keys`, { name }],
    [user, 'POST', '/api/users/me/api-keys', { name }],
    [user, 'PUT', '/api/users/me', { username: 'u'.repeat(101) }],
    [user, 'PUT', '/api/users/me', { email: `${'e'.repeat(251)}@x.io` }],
  ] as const) {
    const answer = await unchanged(() => api.call(method, path, { token, body }));
    expect(answer.body.error.type, path).toBe('system_error');
  }
  expect((await api.call('POST', '/api/users/me/api-keys', { token: user, body: { name: 'n'.repeat(100) } })).status).toBe(200);
});

test('bad input: a NUL byte in text upstream hands to PostgreSQL (login email, profile fields, key names) is its driver\'s 500', async () => {
  const admin = (await api.login('admin')).access_token;
  const user = (await api.login('user')).access_token;
  for (const [token, method, path, body] of [
    [undefined, 'POST', '/api/auth/login', { email: 'a\u0000@example.com', password: 'whatever' }],
    [user, 'PUT', '/api/users/me', { email: 'nul\u0000@example.com' }],
    [user, 'PUT', '/api/users/me', { username: 'nul\u0000name' }],
    [user, 'POST', '/api/users/me/api-keys', { name: 'ci\u0000' }],
    [admin, 'POST', `/api/admin/users/${ids().user}/api-keys`, { name: 'ci\u0000' }],
  ] as const) {
    const answer = await unchanged(() => api.call(method, path, { token, body }));
    expect([answer.status, answer.body.error], `${method} ${path}`).toEqual([500, expect.objectContaining(SYSTEM)]);
  }
  // Text that never reaches a query is untouched: a wrong password with a NUL byte is still a wrong password.
  expect((await api.call('POST', '/api/auth/login', { body: { email: api.account('user').email, password: 'x\u0000' } })).body).toEqual(http('邮箱或密码错误'));
});
