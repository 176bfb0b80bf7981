import { expect, test } from 'vitest';
import {
  ApiError,
  AuthenticationError,
  ConflictError,
  NotFoundError,
  PermissionDeniedError,
  ValidationError,
} from '../../src/index.js';
import { signEpayParams, verifyEpayNotify } from '../../src/newapi/epay.js';
import { burnCloudClient, TwoFactorRequiredError } from '../../src/newapi/index.js';

/**
 * BurnCloud runs new-api's November 2025 line (upstream b47cf4ef in burncloud/new-api@cad8fa26). These answers are
 * copied from that source and fed to the SDK through an injected fetch: no reference server involved.
 */
type Route = (request: Request) => Response | Promise<Response>;

function burnCloud(routes: Record<string, Route>, options: { enterprise?: boolean } = {}) {
  const requests: Request[] = [];
  const client = burnCloudClient({
    ...options,
    maxRetries: 0,
    fetch: async (request) => {
      requests.push(request.clone());
      const url = new URL(request.url);
      const route = routes[`${request.method} ${url.pathname}`];
      if (!route) throw new Error(`unexpected ${request.method} ${url.pathname}`);
      return route(request);
    },
  });
  return { client, requests };
}

// gin.H is a Go map: the keys come out sorted.
const gin = (body: Record<string, unknown>, init: ResponseInit = {}) =>
  new Response(JSON.stringify(Object.fromEntries(Object.keys(body).sort().map((k) => [k, body[k]]))), {
    ...init,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
const failure = (message: string, status = 200) => () => gin({ success: false, message }, { status });

/** NOV25 `setupLogin`: `model.User{Id, Username, DisplayName, Role, Status, Group}`, every other column at its zero value. */
const NOV25_LOGIN_USER = {
  id: 7, username: 'alice', password: '', original_password: '', display_name: 'Alice', role: 1, status: 1, email: '',
  github_id: '', discord_id: '', oidc_id: '', wechat_id: '', telegram_id: '', verification_code: '', access_token: null,
  quota: 0, used_quota: 0, request_count: 0, group: 'default', aff_code: '', aff_count: 0, aff_quota: 0,
  aff_history_quota: 0, inviter_id: 0, DeletedAt: null, linux_do_id: '', setting: '', stripe_customer: '',
};
const loginAnswer = () => gin({ success: true, message: '', data: NOV25_LOGIN_USER });
const selfAnswer = () => gin({ success: true, message: '', data: { id: 7, username: 'alice', quota: 2_500_000 } });

test('burncloud: the preset talks to ai.burncloud.com, or b.burncloud.com for the enterprise site', async () => {
  const main = burnCloud({ 'GET /api/user/groups': () => gin({ success: true, message: '', data: {} }) });
  await main.client.groups.list();
  expect(main.requests[0]!.url).toBe('https://ai.burncloud.com/api/user/groups');
  const enterprise = burnCloud({ 'GET /api/user/groups': () => gin({ success: true, message: '', data: {} }) }, { enterprise: true });
  await enterprise.client.groups.list();
  expect(enterprise.requests[0]!.url).toBe('https://b.burncloud.com/api/user/groups');
  expect(burnCloudClient({ baseURL: 'http://127.0.0.1:4010' }).options.baseURL).toBe('http://127.0.0.1:4010');
});

test('burncloud: login keeps six fields of the zero-filled NOV25 user, then sends the bare id as New-Api-User', async () => {
  const { client, requests } = burnCloud({
    'POST /api/user/login': () => {
      const response = loginAnswer();
      response.headers.append('set-cookie', 'session=MTcx; Path=/; Max-Age=2592000; HttpOnly; SameSite=Strict');
      return response;
    },
    'GET /api/user/self': selfAnswer,
  });
  const me = await client.auth.login({ username: 'alice', password: 'correct-horse-1' });
  // No `password: ""`, no `access_token: null`, and no `quota: 0` that is not the user's quota.
  expect(me).toEqual({ id: 7, username: 'alice', display_name: 'Alice', role: 1, status: 1, group: 'default' });
  expect((await client.self.retrieve()).quota).toBe(2_500_000);
  // BurnCloud's docs show `Bearer 7`, which NOV25 refuses with 401 无权进行此操作，New-Api-User 格式错误.
  expect(requests[1]!.headers.get('new-api-user')).toBe('7');
  expect(requests[1]!.headers.get('cookie')).toBe('session=MTcx');
});

test('burncloud: the 2FA step answers the same zero-filled user, normalized the same way', async () => {
  const { client } = burnCloud({
    'POST /api/user/login': () => gin({ success: true, message: '请输入两步验证码', data: { require_2fa: true } }),
    'POST /api/user/login/2fa': loginAnswer,
  });
  await expect(client.auth.login({ username: 'alice', password: 'correct-horse-1' })).rejects.toBeInstanceOf(TwoFactorRequiredError);
  const me = await client.auth.login({ username: 'alice', password: 'correct-horse-1', twoFactorCode: '123456' });
  expect(Object.keys(me).sort()).toEqual(['display_name', 'group', 'id', 'role', 'status', 'username']);
});

// NOV25's hard-coded Chinese messages, each with the class its JUL26 English counterpart gets.
const NOV25_ERRORS: Array<[string, new (...args: never[]) => ApiError, number?]> = [
  ['无权进行此操作，未登录且未提供 access token', AuthenticationError, 401],
  ['无权进行此操作，New-Api-User 格式错误', AuthenticationError, 401],
  ['无权进行此操作，access token 无效', AuthenticationError],
  ['用户已被封禁', AuthenticationError],
  ['用户名或密码错误，或用户已被封禁', AuthenticationError],
  ['无权进行此操作，用户信息无效', AuthenticationError],
  ['无权进行此操作，权限不足', PermissionDeniedError],
  ['无权获取同级或更高等级用户的信息', PermissionDeniedError],
  ['无权更新同权限等级或更高权限等级的用户信息', PermissionDeniedError],
  ['无权将其他用户权限等级提升到大于等于自己的权限等级', PermissionDeniedError],
  ['无权删除同权限等级或更高权限等级的用户', PermissionDeniedError],
  ['普通管理员用户无法提升其他用户为管理员', PermissionDeniedError],
  ['用户不存在', NotFoundError],
  ['用户名已存在，或已注销', ConflictError],
  ['邮箱地址已被占用', ConflictError],
  ['该用户已经是管理员', ConflictError],
  ['该用户已经是普通用户', ConflictError],
  ['无效的参数', ValidationError],
  ['输入不合法 Key: \'User.Password\' Error:Field validation for \'Password\' failed on the \'min\' tag', ValidationError],
];

test.each(NOV25_ERRORS)('burncloud: %s → %o', async (message, ErrorClass, status = 200) => {
  const { client } = burnCloud({ 'POST /api/user/manage': failure(message, status) });
  const err = await client.users.promote(9).catch((e) => e);
  expect(err).toBeInstanceOf(ErrorClass);
  expect(err).toMatchObject({ status, message, dialect: 'newapi' });
});

test('burncloud: messages with no meaning of their own stay plain ApiErrors, in Chinese as in English', async () => {
  for (const message of ['管理员关闭了密码登录', '无法删除超级管理员用户', '验证码错误或已过期', '该邮箱地址未注册', '兑换失败，无效的兑换码']) {
    const { client } = burnCloud({ 'POST /api/user/manage': failure(message) });
    const err = await client.users.disable(9).catch((e) => e);
    expect(err.constructor, message).toBe(ApiError);
  }
});

test('burncloud: DELETE /api/user/:id succeeds with an empty body (the NOV25 bug), and its refusal still throws', async () => {
  const { client } = burnCloud({ 'DELETE /api/user/9': () => new Response(null, { status: 200 }) });
  await expect(client.users.delete(9)).resolves.toBeUndefined();
  const refused = burnCloud({ 'DELETE /api/user/1': failure('无权删除同权限等级或更高权限等级的用户') });
  await expect(refused.client.users.delete(1)).rejects.toBeInstanceOf(PermissionDeniedError);
});

test('burncloud: the token search answers a bare array of every match; the SDK reads it as one complete page', async () => {
  const token = (id: number, name: string) => ({
    id, user_id: 7, key: 'a'.repeat(44) + String(id).padStart(4, '0'), status: 1, name, created_time: 1764000000, accessed_time: 1764000000,
    expired_time: -1, remain_quota: 0, unlimited_quota: true, model_limits_enabled: false, model_limits: '', allow_ips: '',
    used_quota: 0, group: '', DeletedAt: null,
  });
  const { client, requests } = burnCloud({
    'GET /api/token/search': () => gin({ success: true, message: '', data: [token(3, 'ci-main'), token(2, 'ci-nightly')] }),
  });
  const page = await client.tokens.search({ keyword: 'ci' });
  expect(page.items.map((t) => t.name)).toEqual(['ci-main', 'ci-nightly']);
  expect(page.hasNextPage()).toBe(false);
  const names: string[] = [];
  for await (const t of client.tokens.search({ keyword: 'ci' })) names.push(t.name);
  expect(names).toEqual(['ci-main', 'ci-nightly']);
  expect(new URL(requests[0]!.url).searchParams.get('keyword')).toBe('ci');
});

test('burncloud: the epay notify arrives as a GET query (NOV25 registers no POST); verifyEpayNotify reads it', () => {
  const key = 'merchant-key';
  const signed = signEpayParams(
    { pid: '1001', trade_no: 'T1', out_trade_no: 'USR7NOab12cd1764000000', type: 'alipay', name: 'TUC10', money: '73.00', trade_status: 'TRADE_SUCCESS' },
    key,
  );
  const query = new URL(`https://ai.burncloud.com/api/user/epay/notify?${new URLSearchParams(signed)}`).searchParams;
  expect(verifyEpayNotify(query, key)).toBe(true);
  query.set('money', '7300.00');
  expect(verifyEpayNotify(query, key)).toBe(false);
});
