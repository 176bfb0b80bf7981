import { expect, test } from 'vitest';
import { useAetherRaw } from '../support/aether-raw.js';

/**
 * Upstream's messages and its order of checks, as raw requests: pydantic's first error translated one at a time,
 * login's own untranslated list, the service validators in upstream's order, FastAPI's 422 for the query before
 * authentication, and the body rules of `ensure_json_body`.
 */
const api = useAetherRaw();

const invalid = (message: string) => ({ error: { type: 'invalid_request', message } });
const http = (message: string) => ({ error: { type: 'http_error', message } });
const admin = async () => (await api.login('admin')).access_token;
const NEW_USER = { username: 'newcomer', password: 'new-secret', email: 'newcomer@example.com' };

async function createUser(body: unknown) {
  return api.call('POST', '/api/admin/users', { token: await admin(), body });
}

test('login: every pydantic error in one untranslated message', async () => {
  const cases: Array<[unknown, string]> = [
    [{}, '输入验证失败: email: Field required; password: Field required'],
    [{ email: 'ab', password: 'x' }, '输入验证失败: email: String should have at least 3 characters'],
    [{ email: 'abc', password: '' }, '输入验证失败: password: String should have at least 1 character'],
    [[], '输入验证失败: : Input should be a valid dictionary or instance of LoginRequest'],
    [{ email: 5, password: [1] }, '输入验证失败: email: Input should be a valid string; password: Input should be a valid string'],
  ];
  for (const [body, message] of cases) expect((await api.call('POST', '/api/auth/login', { body })).body).toEqual(invalid(message));
});

test('login: an unknown email, a wrong password and an inactive user get the same 401', async () => {
  const user = api.account('user');
  const inactive = api.account('inactive user');
  for (const body of [
    { email: 'nobody@example.com', password: 'whatever' },
    { email: user.email, password: 'wrong-password' },
    { email: inactive.email, password: inactive.password },
    // The email is compared exactly as stored.
    { email: user.email.toUpperCase(), password: user.password },
  ]) {
    const answer = await api.call('POST', '/api/auth/login', { body });
    expect([answer.status, answer.body]).toEqual([401, http('邮箱或密码错误')]);
  }
});

test('login: success sets last_login_at and answers upstream\'s fields, expires_in always 86400', async () => {
  const user = api.account('user');
  api.server.clock.set(Date.UTC(2026, 6, 1, 8, 0, 0));
  const answer = await api.call('POST', '/api/auth/login', { body: { email: user.email, password: user.password } });
  expect(Object.keys(answer.body)).toEqual(['access_token', 'refresh_token', 'token_type', 'expires_in', 'user_id', 'email', 'username', 'role']);
  expect(answer.body).toMatchObject({ token_type: 'bearer', expires_in: 86400, user_id: user.user_id, email: user.email, username: user.username, role: 'user' });
  const detail = await api.call('GET', `/api/admin/users/${user.user_id}`, { token: await admin() });
  expect(detail.body.last_login_at).toBe('2026-07-01T08:00:00+00:00');
});

test('body: no bytes, not JSON, whitespace, and JSON that is not an object, each with upstream\'s answer', async () => {
  const token = await admin();
  const send = (text: string) => api.call('POST', '/api/admin/users', { token, text });
  expect((await send('')).body).toEqual(http('请求体不能为空'));
  expect((await send('{"username": ')).body).toEqual(http('请求体必须是合法的JSON'));
  expect((await send('   ')).body).toEqual(http('请求体必须是合法的JSON'));
  expect((await send('[1]')).body).toEqual(invalid('输入应为有效的字典 or instance of CreateUserRequest'));
  expect((await send('null')).body).toEqual(invalid('输入应为有效的字典 or instance of CreateUserRequest'));
});

test('body: Content-Type is never read, so JSON sent as text/plain is accepted', async () => {
  const answer = await api.call('POST', '/api/admin/users', { token: await admin(), text: JSON.stringify(NEW_USER), headers: { 'content-type': 'text/plain' } });
  expect(answer.status).toBe(200);
});

test('create user: pydantic messages one at a time, in field order, translated', async () => {
  const cases: Array<[unknown, string]> = [
    [{}, '用户名: 此字段为必填项'],
    [{ username: 'newcomer', email: 'n@example.com' }, '密码: 此字段为必填项'],
    [{ username: 'newcomer', password: 'new-secret' }, '邮箱: 此字段为必填项'],
    [{ ...NEW_USER, username: 'a' }, '用户名: 字符串长度至少需要 2 个字符'],
    [{ ...NEW_USER, username: 'x'.repeat(51) }, '用户名: 字符串长度最多 50 个字符'],
    [{ ...NEW_USER, username: 12345 }, '用户名: 输入应为有效的字符串'],
    [{ ...NEW_USER, password: '12345' }, '密码: 字符串长度至少需要 6 个字符'],
    [{ ...NEW_USER, password: 'p'.repeat(129) }, '密码: 字符串长度最多 128 个字符'],
    [{ ...NEW_USER, email: 'a@' }, '邮箱: 字符串长度至少需要 3 个字符'],
    [{ ...NEW_USER, role: 'root' }, "角色: 输入应为 'admin' or 'user'"],
    [{ ...NEW_USER, role: 'ADMIN' }, "角色: 输入应为 'admin' or 'user'"],
    [{ ...NEW_USER, role: null }, '角色参数不合法'],
    [{ ...NEW_USER, quota_usd: 20000 }, '配额: 配额必须在 0-10000 范围内'],
    [{ ...NEW_USER, quota_usd: -1 }, '配额: 配额必须在 0-10000 范围内'],
    [{ ...NEW_USER, quota_usd: 10000.01 }, '配额: 配额必须在 0-10000 范围内'],
    [{ ...NEW_USER, quota_usd: 'abc' }, '配额: 输入应为有效的数字, unable to parse string as a number'],
    [{ ...NEW_USER, quota_usd: [] }, '配额: 输入应为有效的数字'],
    // Two problems: the first field's is reported.
    [{ username: 'a', password: '1' }, '用户名: 字符串长度至少需要 2 个字符'],
  ];
  for (const [body, message] of cases) expect((await createUser(body)).body, JSON.stringify(body)).toEqual(invalid(message));
});

test('create user: then the service validators, email before username before password, then uniqueness', async () => {
  const taken = api.account('user');
  const cases: Array<[unknown, string]> = [
    [{ ...NEW_USER, email: 'x@example.c', username: 'ab', password: 'admin123' }, '邮箱格式不正确'],
    [{ ...NEW_USER, username: 'ab', password: 'admin123' }, '用户名长度至少为3个字符'],
    [{ ...NEW_USER, username: 'x'.repeat(31) }, '用户名长度不能超过30个字符'],
    [{ ...NEW_USER, username: '用户名字' }, '用户名只能包含字母、数字、下划线和连字符'],
    [{ ...NEW_USER, username: ' padded ' }, '用户名只能包含字母、数字、下划线和连字符'],
    [{ ...NEW_USER, username: 'WeBhOoK' }, '该用户名为系统保留用户名'],
    [{ ...NEW_USER, password: 'ADMIN@123' }, '密码过于简单，请使用更复杂的密码'],
    [{ ...NEW_USER, email: taken.email, username: taken.username }, `邮箱已存在: ${taken.email}`],
    [{ ...NEW_USER, username: taken.username }, `用户名已存在: ${taken.username}`],
  ];
  for (const [body, message] of cases) expect((await createUser(body)).body, JSON.stringify(body)).toEqual(invalid(message));
});

test('create user: emails and usernames that differ only in case are different users', async () => {
  const taken = api.account('user');
  const answer = await createUser({ ...NEW_USER, email: taken.email.toUpperCase(), username: taken.username.toUpperCase() });
  expect(answer.status).toBe(200);
  expect(answer.body.email).toBe(taken.email.toUpperCase());
});

test('create user: quota defaults to 10, null is unlimited, a numeric string skips the range check, allowed_* are ignored', async () => {
  expect((await createUser(NEW_USER)).body).toMatchObject({ quota_usd: 10, role: 'user', is_active: true, used_usd: 0, total_usd: 0 });
  await api.server.reset();
  expect((await createUser({ ...NEW_USER, quota_usd: null })).body.quota_usd).toBeNull();
  await api.server.reset();
  expect((await createUser({ ...NEW_USER, quota_usd: '20000' })).body.quota_usd).toBe(20000);
  await api.server.reset();
  expect((await createUser({ ...NEW_USER, quota_usd: true })).body.quota_usd).toBe(1);
  await api.server.reset();
  const created = await createUser({ ...NEW_USER, quota_usd: 10000, allowed_models: ['gpt-4o'], allowed_providers: [] });
  expect(created.body).toMatchObject({ quota_usd: 10000, allowed_models: null, allowed_providers: null, allowed_endpoints: null });
  expect(Object.keys(created.body)).toEqual(['id', 'email', 'username', 'role', 'allowed_providers', 'allowed_endpoints', 'allowed_models', 'quota_usd', 'used_usd', 'total_usd', 'is_active', 'created_at']);
});

test('update user: the admin model\'s messages, field names untranslated where upstream has none', async () => {
  const token = await admin();
  const target = api.account('user').user_id;
  const cases: Array<[unknown, string]> = [
    [{ username: 'bad name' }, '用户名: 用户名只能包含字母、数字、下划线和连字符'],
    [{ username: '' }, '用户名: 字符串长度至少需要 1 个字符'],
    [{ username: 'x'.repeat(51) }, '用户名: 字符串长度最多 50 个字符'],
    [{ email: 'nope' }, '邮箱: 邮箱格式不正确'],
    [{ email: `${'e'.repeat(96)}@x.io` }, '邮箱: 字符串长度最多 100 个字符'],
    [{ quota_usd: -1 }, '配额: 数值应大于或等于 0'],
    [{ quota_usd: 'abc' }, '配额: 输入应为有效的数字, unable to parse string as a number'],
    [{ is_active: 'maybe' }, '激活状态: 输入应为布尔值, unable to interpret input'],
    [{ role: 'root' }, '角色: 无效的角色，有效值为: admin, user'],
    [{ role: 'ADMIN' }, '角色: 无效的角色，有效值为: admin, user'],
    [{ role: 5 }, '角色: 输入应为有效的字符串'],
    [{ allowed_models: 'x' }, '允许的模型: 输入应为有效的列表'],
    [{ allowed_endpoints: 'x' }, 'allowed_endpoints: 输入应为有效的列表'],
    [{ allowed_providers: [1] }, '允许的提供商: 输入应为有效的字符串'],
    [[1], '输入应为有效的字典 or instance of UpdateUserRequest'],
  ];
  for (const [body, message] of cases) expect((await api.call('PUT', `/api/admin/users/${target}`, { token, body })).body, JSON.stringify(body)).toEqual(invalid(message));
});

test('update user: the user is looked up before the body, so an unknown id with bad JSON is a 404', async () => {
  const answer = await api.call('PUT', '/api/admin/users/no-such-user', { token: await admin(), text: '{oops' });
  expect([answer.status, answer.body]).toEqual([404, { error: { type: 'not_found', message: '用户不存在', details: { resource_type: 'user' } } }]);
});

test('update user: only what is sent changes; email lower-cased, password dropped, null clears quota and lists', async () => {
  const token = await admin();
  const user = api.account('user');
  api.server.clock.advance(60_000);
  const answer = await api.call('PUT', `/api/admin/users/${user.user_id}`, {
    token,
    body: { email: 'MixedCase@Example.COM', password: 'brand-new-password', quota_usd: null, allowed_models: [], role: null, username: 'ab' },
  });
  expect(answer.body).toMatchObject({ email: 'mixedcase@example.com', quota_usd: null, allowed_models: [], role: 'user', username: 'ab' });
  expect(Object.keys(answer.body)).toContain('updated_at');
  expect(answer.body.updated_at).not.toBe(answer.body.created_at);
  // The password was not changed; the lower-cased email is now the login.
  expect((await api.call('POST', '/api/auth/login', { body: { email: 'mixedcase@example.com', password: user.password } })).status).toBe(200);
  expect((await api.call('POST', '/api/auth/login', { body: { email: 'mixedcase@example.com', password: 'brand-new-password' } })).status).toBe(401);
});

test('update user: no reserved-name or length rules, and no last-admin guard on demotion', async () => {
  const token = await admin();
  const me = api.account('admin');
  expect((await api.call('PUT', `/api/admin/users/${api.account('user').user_id}`, { token, body: { username: 'WeBhOoK' } })).status).toBe(200);
  for (const other of api.server.accounts.filter((a) => a.role === 'admin' && a.user_id !== me.user_id)) {
    expect((await api.call('PUT', `/api/admin/users/${other.user_id}`, { token, body: { role: 'user' } })).status).toBe(200);
  }
  expect((await api.call('PUT', `/api/admin/users/${me.user_id}`, { token, body: { role: 'user' } })).body.role).toBe('user');
});

test('update user: a duplicate email or username is upstream\'s 500 system_error, and nothing changes', async () => {
  const token = await admin();
  const [user, other] = api.server.accounts.filter((a) => a.role === 'user');
  const before = await api.snapshot();
  for (const body of [{ email: other!.email }, { username: other!.username }]) {
    const answer = await api.call('PUT', `/api/admin/users/${user!.user_id}`, { token, body });
    expect(answer.status).toBe(500);
    expect(answer.body.error).toMatchObject({ type: 'system_error', message: '系统遇到未知错误，请稍后重试或联系管理员', details: { recovery_info: '请稍后重试，如问题持续请联系管理员' } });
    expect(answer.body.error.details.error_id).toMatch(/^[0-9a-f]{8}$/);
  }
  expect(await api.snapshot()).toEqual(before);
});

test('create key: the body is read before the user is looked up', async () => {
  const token = await admin();
  expect((await api.call('POST', '/api/admin/users/no-such-user/api-keys', { token, text: '' })).body).toEqual(http('请求体不能为空'));
  expect((await api.call('POST', '/api/admin/users/no-such-user/api-keys', { token, body: {} })).body).toEqual({ error: { type: 'not_found', message: '用户不存在', details: { resource_type: 'user' } } });
});

test('create key: the request model\'s messages', async () => {
  const token = await admin();
  const path = `/api/admin/users/${api.account('user').user_id}/api-keys`;
  const cases: Array<[unknown, string]> = [
    [{ name: 123 }, '名称: 输入应为有效的字符串'],
    [{ rate_limit: 'abc' }, '速率限制: 输入应为有效的整数, unable to parse string as an integer'],
    [{ expire_days: 1.5 }, '过期天数: 输入应为有效的整数, got a number with a fractional part'],
    [{ is_standalone: 'x' }, 'is_standalone: 输入应为布尔值, unable to interpret input'],
  ];
  for (const [body, message] of cases) expect((await api.call('POST', path, { token, body })).body).toEqual(invalid(message));
});

test('create key: defaults, rate_limit 0 read as 100, expire_days 0 as never, ignored standalone fields', async () => {
  const token = await admin();
  const user = api.account('user');
  api.server.clock.set(Date.UTC(2026, 7, 9, 10, 11, 12, 345));
  const created = await api.call('POST', `/api/admin/users/${user.user_id}/api-keys`, { token, body: { rate_limit: 0, expire_days: 0, is_standalone: true, initial_balance_usd: 5 } });
  expect(created.body).toMatchObject({ name: 'API Key 20260809101112', rate_limit: 100, expires_at: null, created_at: '2026-08-09T10:11:12.345000+00:00', message: 'API Key创建成功，请妥善保存完整密钥' });
  expect(created.body.key).toMatch(/^sk-[A-Za-z0-9]{32}$/);
  expect(created.body.key_display).toBe(`${created.body.key.slice(0, 10)}...${created.body.key.slice(-4)}`);
  const listed = await api.call('GET', `/api/admin/users/${user.user_id}/api-keys`, { token });
  expect(listed.body.api_keys[0]).toMatchObject({ id: created.body.id, is_active: true });
  const past = await api.call('POST', `/api/admin/users/${user.user_id}/api-keys`, { token, body: { expire_days: -1, rate_limit: -5 } });
  expect(past.body).toMatchObject({ expires_at: '2026-08-08T10:11:12.345000+00:00', rate_limit: -5 });
});

test('password: /api/auth/password wants 8 characters and answers http_error; /api/users/me/password wants 6', async () => {
  const user = api.account('user');
  const { access_token: token } = await api.login('user');
  const auth = (body: unknown) => api.call('PATCH', '/api/auth/password', { token, body });
  expect((await auth({ old_password: user.password })).body).toEqual(http('必须提供旧密码和新密码'));
  expect((await auth({ old_password: '', new_password: 'long-enough' })).body).toEqual(http('必须提供旧密码和新密码'));
  expect((await auth({ old_password: 'wrong', new_password: 'long-enough' })).body).toEqual(http('旧密码错误'));
  expect((await auth({ old_password: user.password, new_password: 'short12' })).body).toEqual(invalid('密码长度至少8位'));
  const me = (body: unknown) => api.call('PATCH', '/api/users/me/password', { token, body });
  expect((await me({})).body).toEqual(invalid('旧密码: 此字段为必填项'));
  expect((await me({ old_password: 'wrong', new_password: 'long-enough' })).body).toEqual(invalid('旧密码错误'));
  expect((await me({ old_password: user.password, new_password: '12345' })).body).toEqual(invalid('密码长度至少6位'));
  // No weak-password list on either; existing tokens stay valid.
  expect((await me({ old_password: user.password, new_password: 'password123' })).body).toEqual({ message: '密码修改成功' });
  expect((await api.call('GET', '/api/auth/me', { token })).status).toBe(200);
  expect((await api.call('POST', '/api/auth/login', { body: { email: user.email, password: 'password123' } })).status).toBe(200);
});

test('password: a JSON array, or a number where text is used, is upstream\'s 500 on /api/auth/password', async () => {
  const user = api.account('user');
  const { access_token: token } = await api.login('user');
  for (const body of [[1], { old_password: 5, new_password: 'long-enough' }, { old_password: user.password, new_password: 123456789 }]) {
    expect((await api.call('PATCH', '/api/auth/password', { token, body })).body.error.type).toBe('system_error');
  }
});

test('profile: another user\'s email or username is refused; empty values are skipped', async () => {
  const { access_token: token } = await api.login('user');
  const other = api.server.accounts.filter((a) => a.role === 'user')[1]!;
  expect((await api.call('PUT', '/api/users/me', { token, body: { email: other.email } })).body).toEqual(invalid('邮箱已被使用'));
  expect((await api.call('PUT', '/api/users/me', { token, body: { username: other.username } })).body).toEqual(invalid('用户名已被使用'));
  expect((await api.call('PUT', '/api/users/me', { token, body: { email: 1 } })).body).toEqual(invalid('邮箱: 输入应为有效的字符串'));
  expect((await api.call('PUT', '/api/users/me', { token, body: { email: '', username: 'renamed' } })).body).toEqual({ message: '个人信息更新成功' });
  expect((await api.call('GET', '/api/users/me', { token })).body).toMatchObject({ username: 'renamed', email: api.account('user').email });
});

test('own keys: a name is required; an empty one gets the default name', async () => {
  const { access_token: token } = await api.login('user');
  expect((await api.call('POST', '/api/users/me/api-keys', { token, body: {} })).body).toEqual(invalid('名称: 此字段为必填项'));
  api.server.clock.set(Date.UTC(2026, 0, 2, 3, 4, 5));
  const created = await api.call('POST', '/api/users/me/api-keys', { token, body: { name: '' } });
  expect(created.body).toMatchObject({ name: 'API Key 20260102030405', message: 'API密钥创建成功' });
  expect(Object.keys(created.body)).toEqual(['id', 'name', 'key', 'key_display', 'message']);
});

test('query: FastAPI validates before authentication, every bad parameter in one 422', async () => {
  const answer = await api.call('GET', '/api/admin/users?limit=0&skip=-1&is_active=maybe');
  expect(answer.status).toBe(422);
  expect(answer.body).toEqual({
    detail: [
      { type: 'greater_than_equal', loc: ['query', 'skip'], msg: 'Input should be greater than or equal to 0', input: '-1', ctx: { ge: 0 } },
      { type: 'greater_than_equal', loc: ['query', 'limit'], msg: 'Input should be greater than or equal to 1', input: '0', ctx: { ge: 1 } },
      { type: 'bool_parsing', loc: ['query', 'is_active'], msg: 'Input should be a valid boolean, unable to interpret input', input: 'maybe' },
    ],
  });
  expect((await api.call('GET', '/api/admin/users?limit=1001')).body.detail[0]).toMatchObject({ type: 'less_than_equal', msg: 'Input should be less than or equal to 1000', ctx: { le: 1000 } });
  expect((await api.call('GET', '/api/admin/users?limit=abc')).body.detail[0]).toMatchObject({ type: 'int_parsing', msg: 'Input should be a valid integer, unable to parse string as an integer' });
  expect((await api.call('GET', '/api/admin/usage/stats?start_date=not-a-date')).body.detail[0]).toEqual({
    type: 'datetime_from_date_parsing',
    loc: ['query', 'start_date'],
    msg: 'Input should be a valid datetime or date, invalid character in year',
    input: 'not-a-date',
    ctx: { error: 'invalid character in year' },
  });
  expect((await api.call('GET', '/api/users/me/api-keys/x?include_key=maybe')).status).toBe(422);
});

test('query: yes, 1 and on read as true; the last of a repeated parameter counts', async () => {
  const token = await admin();
  const inactive = api.account('inactive user');
  for (const value of ['yes', '1', 'on', 'TRUE']) {
    const users = (await api.call('GET', `/api/admin/users?is_active=${value}`, { token })).body as Array<{ id: string }>;
    expect(users.some((u) => u.id === inactive.user_id)).toBe(false);
  }
  const inactiveOnly = (await api.call('GET', '/api/admin/users?is_active=true&is_active=no', { token })).body;
  expect(inactiveOnly.map((u: { id: string }) => u.id)).toEqual([inactive.user_id]);
  expect((await api.call('GET', '/api/admin/users?limit=2&skip=1', { token })).body.map((u: { id: string }) => u.id)).toEqual(api.server.state.users.slice(1, 3).map((u) => u.id));
});

test('query: an unknown role filter is upstream\'s 500; the role matches in any case', async () => {
  const token = await admin();
  expect((await api.call('GET', '/api/admin/users?role=root', { token })).body.error.type).toBe('system_error');
  const admins = (await api.call('GET', '/api/admin/users?role=ADMIN', { token })).body as Array<{ role: string }>;
  expect(admins.map((u) => u.role)).toEqual(['admin', 'admin']);
});

test('aggregation: a missing group_by is a 422; an unknown one is a 400 before authentication', async () => {
  expect((await api.call('GET', '/api/admin/usage/aggregation/stats')).body).toEqual({ detail: [{ type: 'missing', loc: ['query', 'group_by'], msg: 'Field required', input: null }] });
  expect((await api.call('GET', '/api/admin/usage/aggregation/stats?group_by=day')).body).toEqual(http('Invalid group_by value: day. Must be one of: model, user, provider, api_format'));
  expect((await api.call('GET', '/api/admin/usage/aggregation/stats?group_by=model')).body).toEqual(http('缺少管理员凭证'));
});

test('register: when opened, the service rules answer as http_error, and the new user logs in', async () => {
  api.server.state.settings.enable_registration = true;
  const register = (body: unknown) => api.call('POST', '/api/auth/register', { body });
  expect((await register({ ...NEW_USER, username: 'admin' })).body).toEqual(http('该用户名为系统保留用户名'));
  expect((await register({ ...NEW_USER, email: api.account('user').email })).body).toEqual(http(`邮箱已存在: ${api.account('user').email}`));
  const answer = await register(NEW_USER);
  expect(answer.body).toEqual({ user_id: expect.any(String), email: NEW_USER.email, username: NEW_USER.username, message: '注册成功' });
  const login = await api.call('POST', '/api/auth/login', { body: { email: NEW_USER.email, password: NEW_USER.password } });
  expect(login.body).toMatchObject({ user_id: answer.body.user_id, role: 'user' });
});

test('own keys: the toggle flips and says so; include_key shows the full key again, or upstream\'s refusals', async () => {
  const { access_token: token } = await api.login('user');
  const created = (await api.call('POST', '/api/users/me/api-keys', { token, body: { name: 'ci' } })).body;
  const path = `/api/users/me/api-keys/${created.id}`;
  expect((await api.call('PATCH', path, { token })).body).toEqual({ id: created.id, is_active: false, message: 'API密钥已禁用' });
  expect((await api.call('PATCH', path, { token, text: 'not read' })).body).toEqual({ id: created.id, is_active: true, message: 'API密钥已启用' });
  expect((await api.call('GET', `${path}?include_key=1`, { token })).body).toEqual({ key: created.key });
  const detail = (await api.call('GET', path, { token })).body;
  expect(Object.keys(detail)).toEqual(['id', 'name', 'key_display', 'is_active', 'allowed_providers', 'force_capabilities', 'rate_limit', 'last_used_at', 'expires_at', 'created_at']);
  const record = api.server.state.api_keys.find((k) => k.id === created.id)!;
  const sealed = record.key_encrypted;
  // A key sealed by another server (an imported state) cannot be opened: masked as sk-****, include_key a 500.
  record.key_encrypted = `${sealed!.slice(0, -4)}AAAA`;
  expect((await api.call('GET', path, { token })).body.key_display).toBe('sk-****');
  expect((await api.call('GET', `${path}?include_key=true`, { token })).body).toEqual({ error: { type: 'http_error', message: '解密密钥失败' } });
  record.key_encrypted = null;
  expect((await api.call('GET', `${path}?include_key=true`, { token })).body).toEqual(http('该密钥没有存储完整密钥信息'));
  expect((await api.call('DELETE', path, { token })).body).toEqual({ message: 'API密钥已删除' });
  expect((await api.call('GET', path, { token })).status).toBe(404);
});

test('delete user: the last admin is guarded (inactive admins count); an admin may delete itself while another exists', async () => {
  const token = (await api.login('admin')).access_token;
  const [bootstrap, second] = api.server.accounts.filter((a) => a.role === 'admin');
  const secondRow = api.server.state.users.find((u) => u.id === second!.user_id)!;
  secondRow.is_active = false;
  expect((await api.call('DELETE', `/api/admin/users/${bootstrap!.user_id}`, { token })).body).toEqual({ message: '用户删除成功' });
  expect((await api.call('GET', '/api/admin/users', { token })).body).toEqual({ error: { type: 'http_error', message: '用户不存在或已禁用' } });
  expect(api.server.state.api_keys.some((k) => k.user_id === bootstrap!.user_id)).toBe(false);
  secondRow.is_active = true;
  const other = (await api.login(second!.username)).access_token;
  expect((await api.call('DELETE', `/api/admin/users/${second!.user_id}`, { token: other })).body).toEqual(invalid('不能删除最后一个管理员账户'));
  // A deleted user's email and username are free again at once (admin@localhost itself fails the email rule).
  const user = api.account('user');
  expect((await api.call('DELETE', `/api/admin/users/${user.user_id}`, { token: other })).status).toBe(200);
  const again = await api.call('POST', '/api/admin/users', { token: other, body: { username: user.username, password: 'secret-1', email: user.email } });
  expect(again.body).toMatchObject({ username: user.username, email: user.email });
  expect(again.body.id).not.toBe(user.user_id);
  expect((await api.call('POST', '/api/admin/users', { token: other, body: { username: 'fresh', password: 'secret-1', email: 'admin@localhost' } })).body).toEqual(invalid('邮箱格式不正确'));
});
