import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { isSandboxPath } from '../../mocks/core/control.js';
import { DIALECTS } from '../../mocks/dialects.js';
import { createContractValidator } from './validator.js';

// The real new-api document: these tests also pin the shapes the reference server must emit.
const contract = createContractValidator(fileURLToPath(new URL('../../openapi/newapi.yaml', import.meta.url)));
const base = 'http://localhost:4010';

function exchange(method: string, path: string, status: number, body?: unknown, contentType = 'application/json; charset=utf-8') {
  const request = new Request(`${base}${path}`, { method });
  const text = body === undefined ? null : typeof body === 'string' ? body : JSON.stringify(body);
  const response = new Response(text, { status, headers: text === null ? {} : { 'content-type': contentType } });
  return contract.check(request, response);
}

const selfUser = {
  id: 2,
  username: 'alice',
  display_name: 'Alice',
  role: 1,
  status: 1,
  email: 'alice@example.com',
  github_id: '',
  discord_id: '',
  oidc_id: '',
  wechat_id: '',
  telegram_id: '',
  linux_do_id: '',
  group: 'default',
  quota: 500000,
  used_quota: 0,
  request_count: 0,
  aff_code: 'a1B2',
  aff_count: 0,
  aff_quota: 0,
  aff_history_quota: 0,
  inviter_id: 0,
  setting: '',
  stripe_customer: '',
  sidebar_modules: '',
  permissions: { sidebar_settings: true, sidebar_modules: { admin: false } },
};

const adminUser = {
  id: 2,
  username: 'alice',
  password: '',
  original_password: '',
  display_name: 'Alice',
  role: 1,
  status: 1,
  email: '',
  github_id: '',
  discord_id: '',
  oidc_id: '',
  wechat_id: '',
  telegram_id: '',
  verification_code: '',
  quota: 0,
  used_quota: 0,
  request_count: 0,
  group: 'default',
  aff_code: 'a1B2',
  aff_count: 0,
  aff_quota: 0,
  aff_history_quota: 0,
  inviter_id: 0,
  DeletedAt: null,
  linux_do_id: '',
  setting: '',
  stripe_customer: '',
  created_at: 1_752_800_000,
  last_login_at: 0,
};

describe('contract validator', () => {
  it('accepts a conforming success envelope', async () => {
    expect(await exchange('GET', '/api/user/self', 200, { success: true, message: '', data: selfUser })).toEqual([]);
  });

  it('accepts a business error as HTTP 200 without data', async () => {
    expect(await exchange('GET', '/api/user/self', 200, { success: false, message: 'record not found' })).toEqual([]);
  });

  it('accepts the auth middleware 401', async () => {
    const body = { success: false, message: 'Unauthorized, New-Api-User header not provided' };
    expect(await exchange('GET', '/api/user/self', 401, body)).toEqual([]);
  });

  it('accepts an empty 429, whose documented response has no content', async () => {
    expect(await exchange('POST', '/api/user/login', 429)).toEqual([]);
  });

  const zeroUser = {
    ...adminUser,
    id: 0,
    username: '',
    display_name: '',
    group: '',
    aff_code: '',
    created_at: 0,
    role: 10,
  };
  it.each([
    ['models: data null when there are none', 'GET', '/api/user/models', { success: true, message: '', data: null }],
    ['groups: auto ratio is the string 自动', 'GET', '/api/user/groups', { success: true, message: '', data: { auto: { ratio: '自动', desc: 'auto' }, vip: { ratio: 1.5, desc: 'vip分组' } } }],
    ['login: the 2FA challenge', 'POST', '/api/user/login', { success: true, message: 'Please enter two-factor authentication code', data: { require_2fa: true } }],
    ['login: the six-field user', 'POST', '/api/user/login', { success: true, message: '', data: { id: 1, username: 'root', display_name: 'Root', role: 100, status: 1, group: 'default' } }],
    ['manage: a zero-valued user with role and status', 'POST', '/api/user/manage', { success: true, message: '', data: zeroUser }],
    ['token: 32 base64 characters with padding', 'GET', '/api/user/token', { success: true, message: '', data: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123==' }],
    ['self update: settings answer with data null', 'PUT', '/api/user/self', { success: true, message: 'Update successful', data: null }],
    ['list: a soft-deleted user', 'GET', '/api/user/?p=1', { success: true, message: '', data: { page: 1, page_size: 10, total: 1, items: [{ ...adminUser, DeletedAt: '2026-07-18T10:00:00.123456789+08:00', remark: 'vip' }] } }],
  ])('accepts %s', async (_title, method, path, body) => {
    expect(await exchange(method, path, 200, body)).toEqual([]);
  });

  it.each([
    ['groups: a ratio string other than 自动', 'GET', '/api/user/groups', { success: true, message: '', data: { auto: { ratio: 'auto', desc: '' } } }],
    ['login: a token in the answer (as the upstream docs claim)', 'POST', '/api/user/login', { success: true, message: '', data: { token: 'x', user: {} } }],
    ['token: 30 characters', 'GET', '/api/user/token', { success: true, message: '', data: 'AbCdEfGhIjKlMnOpQrStUvWxYz0123' }],
    ['register: data on success', 'POST', '/api/user/register', { success: true, message: '', data: { id: 3 } }],
    ['list: a password that is not empty', 'GET', '/api/user/', { success: true, message: '', data: { page: 1, page_size: 10, total: 1, items: [{ ...adminUser, password: '$2a$10$hash' }] } }],
    ['error: data next to success:false', 'GET', '/api/user/self', { success: false, message: 'x', data: selfUser }],
  ])('rejects %s', async (_title, method, path, body) => {
    expect(await exchange(method, path, 200, body)).not.toEqual([]);
  });

  it('rejects a route the document does not describe', async () => {
    const problems = await exchange('GET', '/api/user/nope/deeper', 200, { success: true, message: '' });
    expect(problems).toEqual([expect.stringContaining('no path in the document matches /api/user/nope/deeper')]);
  });

  it('rejects a method the document does not describe for a known path', async () => {
    const problems = await exchange('PATCH', '/api/user/self', 200, { success: true, message: '' });
    expect(problems).toEqual([expect.stringContaining('method PATCH is not documented')]);
  });

  it('rejects an undocumented status', async () => {
    const problems = await exchange('GET', '/api/user/self', 404, { success: false, message: 'not found' });
    expect(problems).toEqual(['status 404 is not documented for this operation']);
  });

  it('rejects a body missing a required field', async () => {
    const { email: _email, ...withoutEmail } = selfUser;
    const problems = await exchange('GET', '/api/user/self', 200, { success: true, message: '', data: withoutEmail });
    expect(problems).toContain("body/data must have required property 'email'");
  });

  it('rejects an extra property on AdminUser', async () => {
    const leaked = { ...adminUser, access_token: 'q1w2e3r4t5y6u7i8o9p0a1s2d3f4' };
    const problems = await exchange('GET', '/api/user/2', 200, { success: true, message: '', data: leaked });
    expect(problems).toContain('body/data must NOT have additional properties: access_token');
  });

  it('rejects a success envelope that lost its data', async () => {
    const problems = await exchange('GET', '/api/user/self', 200, { success: true, message: '' });
    expect(problems).toContain("body must have required property 'data'");
  });

  it('accepts add_quota success without data on manage', async () => {
    expect(await exchange('POST', '/api/user/manage', 200, { success: true, message: '' })).toEqual([]);
  });

  it('prefers static segments: /api/user/search is the search, not /api/user/{id}', async () => {
    const page = { success: true, message: '', data: { page: 1, page_size: 10, total: 1, items: [adminUser] } };
    expect(await exchange('GET', '/api/user/search?keyword=ali', 200, page)).toEqual([]);
    const single = await exchange('GET', '/api/user/search', 200, { success: true, message: '', data: adminUser });
    expect(single.length).toBeGreaterThan(0);
  });

  it('does not confuse /api/user/ with /api/user/{id}', async () => {
    const page = { success: true, message: '', data: { page: 1, page_size: 10, total: 0, items: [] } };
    expect(await exchange('GET', '/api/user/', 200, page)).toEqual([]);
    expect(await exchange('GET', '/api/user/7', 200, page)).not.toEqual([]);
  });

  it('falls through to a templated path when the static one lacks the method, as gin does', async () => {
    const atoiError = { success: false, message: 'strconv.Atoi: parsing "manage": invalid syntax' };
    expect(await exchange('GET', '/api/user/manage', 200, atoiError)).toEqual([]);
  });

  it('rejects an empty body where content is documented', async () => {
    expect(await exchange('DELETE', '/api/user/2', 200)).toEqual(['empty body, the documented response has content']);
  });

  it('accepts an empty body where the documented response says x-body-optional (both 429s of /api/verification)', async () => {
    expect(await exchange('GET', '/api/verification?email=a@b.c', 429)).toEqual([]);
    expect(await exchange('GET', '/api/verification?email=a@b.c', 429, { success: false, message: '发送过于频繁，请稍后再试' })).toEqual([]);
    expect(await exchange('GET', '/api/verification?email=a@b.c', 429, { success: true })).not.toEqual([]);
  });

  it.each([
    ['amount', '/api/user/amount'],
    ['pay', '/api/user/pay'],
  ])('accepts the auth middleware\'s success:false without data on %s', async (_title, path) => {
    expect(await exchange('POST', path, 200, { success: false, message: 'Unauthorized, invalid access token' })).toEqual([]);
    expect(await exchange('POST', path, 200, { success: false, message: 'x', data: 'y' })).not.toEqual([]);
  });

  it('accepts a role outside 0/1/10/100, as admin create stores any role below the caller\'s', async () => {
    const body = { success: true, message: '', data: { page: 1, page_size: 10, total: 1, items: [{ ...adminUser, role: -7 }] } };
    expect(await exchange('GET', '/api/user/', 200, body)).toEqual([]);
  });

  it('rejects an undocumented content type', async () => {
    const problems = await exchange('GET', '/api/user/logout', 200, '404 page not found', 'text/plain');
    expect(problems).toEqual(['content type "text/plain" is not documented']);
  });

  it('skips the control API under /__mock/', async () => {
    expect(await exchange('POST', '/__mock/reset', 204)).toEqual([]);
  });

  it("leaves the caller's response body unread", async () => {
    const request = new Request(`${base}/api/user/logout`);
    const response = Response.json({ success: true, message: '' });
    expect(await contract.check(request, response)).toEqual([]);
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ success: true, message: '' });
  });
});

// The control document as each sandbox answers it: the shared routes and the dialect's own under `/__mock/`.
const controlOf = (dialect: string) => createContractValidator(fileURLToPath(new URL('../../openapi/control.yaml', import.meta.url)), { control: dialect });
const controls = { newapi: controlOf('newapi'), platform: controlOf('platform'), aether: controlOf('aether'), opencat: controlOf('opencat') };

function controlExchange(dialect: keyof typeof controls, method: string, path: string, status: number, body: unknown, contentType = 'application/json') {
  const request = new Request(`${base}${path}`, { method });
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return controls[dialect].check(request, new Response(text, { status, headers: { 'content-type': contentType } }));
}

const opencatUsage = { user_id: 2, date: '2026-07-18', model: 'gpt-4o', prompt_units: 1000, completion_units: 200, total_unit: 1200, cost: '0.004500' };

describe('contract validator: the control document', () => {
  it.each([
    ['opencat usages: the recorded row', 'opencat', 'POST', '/__mock/usages', 200, opencatUsage],
    ['aether usages: no rows', 'aether', 'POST', '/__mock/usages', 200, { usages: [] }],
    ['usages: a refusal', 'aether', 'POST', '/__mock/usages', 400, { error: 'Failed to add usage rows: x' }],
    ['usages: a body past the limit', 'opencat', 'POST', '/__mock/usages', 413, { error: 'Failed to read the body: it exceeds 1048576 bytes.' }],
    ['usages: a cross-site write', 'opencat', 'POST', '/__mock/usages', 403, { error: 'The control API takes no writes from pages of other sites.' }],
    ['captchas: the answer', 'platform', 'GET', '/__mock/captchas/cap_1', 200, { captcha_id: 'cap_1', answer: 'k3x9', expires_at: '2026-07-18T10:00:00Z' }],
    ['captchas: an unknown one', 'platform', 'GET', '/__mock/captchas/cap_1', 404, { error: 'Failed to find the captcha: it is unknown, expired or already answered.' }],
    ['epay orders: the notify sent', 'newapi', 'POST', '/__mock/epay/orders/USR1NO1/pay', 200, { notify_url: 'http://localhost:4010/api/user/epay/notify', params: { trade_status: 'TRADE_SUCCESS' }, status: 200, success: true, answer: 'success' }],
    ['epay orders: a cross-site write', 'newapi', 'POST', '/__mock/epay/orders/USR1NO1/pay', 403, { error: 'Failed to pay: This payment was posted from another site.' }],
    ['another dialect’s route, answered with the dialect’s 404', 'aether', 'GET', '/__mock/captchas/cap_1', 404, { detail: 'Not Found' }],
    ['an unknown sandbox path, answered with the dialect’s 404', 'newapi', 'GET', '/__mock/nope', 404, { success: false, message: 'not found' }],
  ] as const)('accepts %s', async (_title, dialect, method, path, status, body) => {
    expect(await controlExchange(dialect, method, path, status, body)).toEqual([]);
  });

  it('accepts the epay Pay button refusing a cross-site post with an HTML page', async () => {
    expect(await controlExchange('newapi', 'POST', '/__mock/epay/pay', 403, '<h1>Sandbox payment failed</h1>', 'text/html; charset=utf-8')).toEqual([]);
  });

  it.each([
    ['opencat usages: cost as a number', 'opencat', 'POST', '/__mock/usages', 200, { ...opencatUsage, cost: 0.0045 }, 'body/cost must be string'],
    ['opencat usages: the aether shape', 'opencat', 'POST', '/__mock/usages', 200, { usages: [] }, 'body must match exactly one schema in oneOf'],
    ['usages: a cross-site write in a dialect shape', 'aether', 'POST', '/__mock/usages', 403, { detail: 'Forbidden' }, "body must have required property 'error'"],
    ['captchas: the answer left out', 'platform', 'GET', '/__mock/captchas/cap_1', 200, { captcha_id: 'cap_1', expires_at: '2026-07-18T10:00:00Z' }, "body must have required property 'answer'"],
    ['epay orders: an undocumented status', 'newapi', 'POST', '/__mock/epay/orders/USR1NO1/pay', 500, { error: 'x' }, 'status 500 is not documented for this operation'],
    ['another dialect’s route answering', 'aether', 'GET', '/__mock/captchas/cap_1', 200, { captcha_id: 'cap_1', answer: 'k3x9', expires_at: '2026-07-18T10:00:00Z' }, 'no path in the document matches /__mock/captchas/cap_1'],
    ['a sandbox route nobody documented', 'opencat', 'POST', '/__mock/keys', 200, { ok: true }, 'no path in the document matches /__mock/keys'],
  ] as const)('reports %s', async (_title, dialect, method, path, status, body, problem) => {
    expect(await controlExchange(dialect, method, path, status, body)).toContain(problem);
  });

  it('reports an epay refusal answered as JSON, where the page is documented', async () => {
    expect(await controlExchange('newapi', 'POST', '/__mock/epay/pay', 403, { error: 'x' })).toEqual(['content type "application/json" is not documented']);
  });
});

// Each dialect's own `/__mock/` routes, as its route table has them and as control.yaml tags them, both as
// `METHOD /path/{param}`: a route added without its operation (or an operation left behind) fails here, before any
// test has to call it.
const controlPaths = (parse(readFileSync(fileURLToPath(new URL('../../openapi/control.yaml', import.meta.url)), 'utf8')) as { paths: Record<string, Record<string, { tags?: string[] }>> }).paths;
const documentedFor = (dialect: string) =>
  Object.entries(controlPaths).flatMap(([path, item]) => Object.entries(item).filter(([, operation]) => operation.tags?.includes(dialect)).map(([method]) => `${method.toUpperCase()} ${path}`));
const servedBy = (dialect: keyof typeof DIALECTS) =>
  DIALECTS[dialect].routes.filter((route) => isSandboxPath(route.path)).map((route) => `${route.method} ${route.path.replace(/:(\w+)/g, '{$1}')}`);

it.each(Object.keys(DIALECTS) as (keyof typeof DIALECTS)[])('control document: %s documents exactly its own /__mock/ routes, tagged with its name', (dialect) => {
  expect(documentedFor(dialect).sort()).toEqual(servedBy(dialect).sort());
});
