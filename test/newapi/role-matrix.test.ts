import { expect, test } from 'vitest';
import { useNewApi } from '../support/harness.js';
import { documentedOperations } from '../support/operations.js';
import { jsonInit, sessionHeaders } from '../support/sessions.js';
import { DIALECTS } from '../../mocks/dialects.js';

/**
 * Who may call what: every documented route × anonymous, a common user, another common user, an admin and
 * root, answered by the server itself (raw requests with each principal's cookie and `New-Api-User`).
 */
const api = useNewApi();

const PRINCIPALS = ['anonymous', 'user', 'other user', 'admin', 'root'] as const;
type Principal = (typeof PRINCIPALS)[number];
type Ids = Record<Exclude<Principal, 'anonymous'>, number>;

// Expected answers: OK is `success:true`; any other string is that exact message with `success:false`.
const OK = 'ok';
const LOGIN = 'Unauthorized, not logged in and no access token provided'; // 401
const MISMATCH = 'Unauthorized, New-Api-User does not match logged in user'; // 401
const DENY = 'Unauthorized, insufficient privileges'; // 200, from the middleware
const READ_HIGHER = 'No permission to access users of same or higher level';
const WRITE_HIGHER = 'No permission to update users of same or higher permission level';
const STATUS_401 = new Set([LOGIN, MISMATCH]);
const DOCUMENTED = documentedOperations(DIALECTS.newapi.contract);
const PUBLIC_OPS = new Set(DOCUMENTED.filter((op) => op.public).map((op) => op.key));
const FROM_MIDDLEWARE = new Set([LOGIN, MISMATCH, DENY]);

interface Row {
  /** The document's operation, `METHOD /path/{template}`. */
  op: string;
  label: string;
  path: (ids: Ids) => string;
  body?: (ids: Ids) => unknown;
  /** Headers over the principal's own, e.g. a `New-Api-User` that is not theirs. */
  headers?: (ids: Ids) => Record<string, string>;
  /** anonymous, user, other user, admin, root */
  expect: [string, string, string, string, string];
}

const username = (id: number) => api.server.state.users.find((u) => u.id === id)!.username;
const PUBLIC = [OK, OK, OK, OK, OK] as Row['expect'];
const SELF = [LOGIN, OK, OK, OK, OK] as Row['expect'];
const ADMIN = [LOGIN, DENY, DENY, OK, OK] as Row['expect'];
const onlyRoot = (adminAnswer: string, rootAnswer = OK): Row['expect'] => [LOGIN, DENY, DENY, adminAnswer, rootAnswer];
const everyoneEvenAnonymous = (answer: string): Row['expect'] => [answer, answer, answer, answer, answer];
const NO_AFF = 'Transfer failed 邀请额度不足！';
const REDEEM_FAILED = 'Redemption failed, please try again later';
const NOT_FOUND = 'record not found';
/** The notify's plain-text refusal (public, HTTP 200). */
const FAIL = 'fail';
// API tokens are scoped to their owner, root included: everyone else is told the token does not exist.
const OWNER_ONLY = [LOGIN, OK, 'record not found', 'record not found', 'record not found'] as Row['expect'];
const everyone = (answer: string): Row['expect'] => [LOGIN, answer, answer, answer, answer];
const TWO_FA_OFF = '用户未启用2FA';
const TWO_FA_HIGHER = '无权操作同级或更高级用户的2FA设置';
const tokenOf = (userId: number) => api.server.state.tokens.find((t) => t.user_id === userId)?.id ?? 0;

const ROWS: Row[] = [
  { op: 'POST /api/user/register', label: '', path: () => '/api/user/register', body: () => ({ username: 'matrix_new', password: 'password123' }), expect: PUBLIC },
  { op: 'POST /api/user/login', label: '', path: () => '/api/user/login', body: () => ({ username: 'root', password: '123456' }), expect: PUBLIC },
  { op: 'POST /api/user/login/2fa', label: 'with no pending login', path: () => '/api/user/login/2fa', body: () => ({ code: '123456' }), expect: ['会话已过期，请重新登录', '会话已过期，请重新登录', '会话已过期，请重新登录', '会话已过期，请重新登录', '会话已过期，请重新登录'] },
  { op: 'GET /api/user/logout', label: '', path: () => '/api/user/logout', expect: PUBLIC },
  { op: 'GET /api/user/groups', label: '', path: () => '/api/user/groups', expect: PUBLIC },
  { op: 'GET /api/verification', label: '', path: () => '/api/verification?email=matrix@example.com', expect: PUBLIC },
  { op: 'GET /api/reset_password', label: '', path: () => '/api/reset_password?email=matrix@example.com', expect: PUBLIC },
  { op: 'POST /api/user/reset', label: 'with a token never sent', path: () => '/api/user/reset', body: () => ({ email: 'matrix@example.com', token: 'f'.repeat(32) }), expect: everyoneEvenAnonymous('Password reset link is invalid or has expired') },

  { op: 'GET /api/user/self', label: '', path: () => '/api/user/self', expect: SELF },
  { op: 'GET /api/user/self', label: 'claiming the common user\'s id', path: () => '/api/user/self', headers: (ids) => ({ 'New-Api-User': String(ids.user) }), expect: [LOGIN, OK, MISMATCH, MISMATCH, MISMATCH] },
  { op: 'PUT /api/user/self', label: '', path: () => '/api/user/self', body: () => ({ display_name: 'Matrix' }), expect: SELF },
  { op: 'DELETE /api/user/self', label: '', path: () => '/api/user/self', expect: [LOGIN, OK, OK, OK, 'Cannot delete super administrator account'] },
  { op: 'GET /api/user/self/groups', label: '', path: () => '/api/user/self/groups', expect: SELF },
  { op: 'GET /api/user/models', label: '', path: () => '/api/user/models', expect: SELF },
  { op: 'GET /api/user/token', label: '', path: () => '/api/user/token', expect: SELF },
  { op: 'PUT /api/user/setting', label: '', path: () => '/api/user/setting', body: () => ({ notify_type: 'email', quota_warning_threshold: 1 }), expect: SELF },

  { op: 'GET /api/user/', label: '', path: () => '/api/user/', expect: ADMIN },
  { op: 'GET /api/user/search', label: '', path: () => '/api/user/search?keyword=a', expect: ADMIN },
  { op: 'POST /api/user/', label: 'a common user', path: () => '/api/user/', body: () => ({ username: 'made_here', password: 'password123' }), expect: ADMIN },
  { op: 'POST /api/user/', label: 'an admin', path: () => '/api/user/', body: () => ({ username: 'made_here', password: 'password123', role: 10 }), expect: onlyRoot('Cannot create users with permission level equal to or higher than yourself') },
  { op: 'PUT /api/user/', label: 'of the common user', path: () => '/api/user/', body: (ids) => ({ id: ids.user, username: username(ids.user) }), expect: ADMIN },
  { op: 'PUT /api/user/', label: 'of the admin', path: () => '/api/user/', body: (ids) => ({ id: ids.admin, username: username(ids.admin) }), expect: onlyRoot(WRITE_HIGHER) },
  { op: 'PUT /api/user/', label: 'of root', path: () => '/api/user/', body: (ids) => ({ id: ids.root, username: 'root' }), expect: onlyRoot(WRITE_HIGHER) },
  { op: 'POST /api/user/manage', label: 'disable the common user', path: () => '/api/user/manage', body: (ids) => ({ id: ids.user, action: 'disable' }), expect: ADMIN },
  { op: 'POST /api/user/manage', label: 'disable the admin', path: () => '/api/user/manage', body: (ids) => ({ id: ids.admin, action: 'disable' }), expect: onlyRoot(WRITE_HIGHER) },
  { op: 'POST /api/user/manage', label: 'disable root', path: () => '/api/user/manage', body: (ids) => ({ id: ids.root, action: 'disable' }), expect: onlyRoot(WRITE_HIGHER, 'Cannot disable super administrator user') },
  { op: 'POST /api/user/manage', label: 'promote the common user', path: () => '/api/user/manage', body: (ids) => ({ id: ids.user, action: 'promote' }), expect: onlyRoot('Regular administrators cannot promote other users to administrator') },
  { op: 'POST /api/user/manage', label: 'demote the admin', path: () => '/api/user/manage', body: (ids) => ({ id: ids.admin, action: 'demote' }), expect: onlyRoot(WRITE_HIGHER) },
  { op: 'GET /api/user/{id}', label: 'the common user', path: (ids) => `/api/user/${ids.user}`, expect: ADMIN },
  { op: 'GET /api/user/{id}', label: 'the admin', path: (ids) => `/api/user/${ids.admin}`, expect: onlyRoot(READ_HIGHER) },
  { op: 'GET /api/user/{id}', label: 'root', path: (ids) => `/api/user/${ids.root}`, expect: onlyRoot(READ_HIGHER) },
  { op: 'DELETE /api/user/{id}', label: 'the common user', path: (ids) => `/api/user/${ids.user}`, expect: ADMIN },
  { op: 'DELETE /api/user/{id}', label: 'the admin', path: (ids) => `/api/user/${ids.admin}`, expect: onlyRoot(WRITE_HIGHER) },
  // No root exception here: only a strictly higher role may hard-delete.
  { op: 'DELETE /api/user/{id}', label: 'root', path: (ids) => `/api/user/${ids.root}`, expect: onlyRoot(WRITE_HIGHER, WRITE_HIGHER) },

  { op: 'GET /api/user/aff', label: '', path: () => '/api/user/aff', expect: SELF },
  { op: 'POST /api/user/aff_transfer', label: 'with no rewards', path: () => '/api/user/aff_transfer', body: () => ({ quota: 500_000 }), expect: [LOGIN, NO_AFF, NO_AFF, NO_AFF, NO_AFF] },
  { op: 'POST /api/user/topup', label: 'an unknown code', path: () => '/api/user/topup', body: () => ({ key: '0123456789abcdef0123456789abcdef' }), expect: [LOGIN, REDEEM_FAILED, REDEEM_FAILED, REDEEM_FAILED, REDEEM_FAILED] },
  { op: 'GET /api/user/topup/info', label: '', path: () => '/api/user/topup/info', expect: SELF },
  { op: 'POST /api/user/amount', label: '', path: () => '/api/user/amount', body: () => ({ amount: 1 }), expect: SELF },
  { op: 'POST /api/user/pay', label: '', path: () => '/api/user/pay', body: () => ({ amount: 1, payment_method: 'alipay' }), expect: SELF },
  { op: 'GET /api/user/epay/notify', label: 'unsigned', path: () => '/api/user/epay/notify?out_trade_no=x&trade_status=TRADE_SUCCESS', expect: [FAIL, FAIL, FAIL, FAIL, FAIL] },
  { op: 'POST /api/user/epay/notify', label: 'unsigned', path: () => '/api/user/epay/notify', body: () => ({ out_trade_no: 'x' }), expect: [FAIL, FAIL, FAIL, FAIL, FAIL] },
  { op: 'GET /api/redemption/', label: '', path: () => '/api/redemption/', expect: ADMIN },
  { op: 'GET /api/redemption/search', label: '', path: () => '/api/redemption/search?keyword=a', expect: ADMIN },
  { op: 'POST /api/redemption/', label: '', path: () => '/api/redemption/', body: () => ({ name: 'matrix', count: 1, quota: 1000 }), expect: ADMIN },
  { op: 'PUT /api/redemption/', label: 'an unknown code', path: () => '/api/redemption/', body: () => ({ id: 999999, name: 'matrix' }), expect: onlyRoot(NOT_FOUND, NOT_FOUND) },
  { op: 'GET /api/redemption/{id}', label: 'an unknown code', path: () => '/api/redemption/999999', expect: onlyRoot(NOT_FOUND, NOT_FOUND) },
  { op: 'DELETE /api/redemption/{id}', label: 'an unknown code', path: () => '/api/redemption/999999', expect: onlyRoot(NOT_FOUND, NOT_FOUND) },
  { op: 'DELETE /api/redemption/invalid', label: '', path: () => '/api/redemption/invalid', expect: ADMIN },

  { op: 'GET /api/user/2fa/status', label: '', path: () => '/api/user/2fa/status', expect: SELF },
  { op: 'POST /api/user/2fa/setup', label: '', path: () => '/api/user/2fa/setup', expect: SELF },
  { op: 'POST /api/user/2fa/enable', label: 'before setup', path: () => '/api/user/2fa/enable', body: () => ({ code: '123456' }), expect: everyone('请先完成2FA初始化设置') },
  { op: 'POST /api/user/2fa/disable', label: 'with 2FA off', path: () => '/api/user/2fa/disable', body: () => ({ code: '123456' }), expect: everyone(TWO_FA_OFF) },
  { op: 'POST /api/user/2fa/backup_codes', label: 'with 2FA off', path: () => '/api/user/2fa/backup_codes', body: () => ({ code: '123456' }), expect: everyone(TWO_FA_OFF) },
  { op: 'GET /api/user/2fa/stats', label: '', path: () => '/api/user/2fa/stats', expect: ADMIN },
  { op: 'DELETE /api/user/{id}/2fa', label: 'of the common user', path: (ids) => `/api/user/${ids.user}/2fa`, expect: onlyRoot(TWO_FA_OFF, TWO_FA_OFF) },
  { op: 'DELETE /api/user/{id}/2fa', label: 'of the admin', path: (ids) => `/api/user/${ids.admin}/2fa`, expect: onlyRoot(TWO_FA_HIGHER, TWO_FA_OFF) },
  { op: 'DELETE /api/user/{id}/2fa', label: 'of root', path: (ids) => `/api/user/${ids.root}/2fa`, expect: onlyRoot(TWO_FA_HIGHER, TWO_FA_OFF) },

  { op: 'GET /api/token/', label: '', path: () => '/api/token/', expect: SELF },
  { op: 'GET /api/token/search', label: '', path: () => '/api/token/search?keyword=default', expect: SELF },
  { op: 'POST /api/token/', label: '', path: () => '/api/token/', body: () => ({ name: 'matrix' }), expect: SELF },
  { op: 'PUT /api/token/', label: 'the common user\'s token', path: () => '/api/token/', body: (ids) => ({ id: tokenOf(ids.user), name: 'renamed', expired_time: -1, unlimited_quota: true }), expect: OWNER_ONLY },
  { op: 'GET /api/token/{id}', label: 'the common user\'s token', path: (ids) => `/api/token/${tokenOf(ids.user)}`, expect: OWNER_ONLY },
  { op: 'DELETE /api/token/{id}', label: 'the common user\'s token', path: (ids) => `/api/token/${tokenOf(ids.user)}`, expect: OWNER_ONLY },
  { op: 'POST /api/token/{id}/key', label: 'the common user\'s token', path: (ids) => `/api/token/${tokenOf(ids.user)}/key`, expect: OWNER_ONLY },
  // Batch routes skip ids that are not the caller's: a success that deletes or reveals nothing.
  { op: 'POST /api/token/batch', label: 'the common user\'s token', path: () => '/api/token/batch', body: (ids) => ({ ids: [tokenOf(ids.user)] }), expect: SELF },
  { op: 'POST /api/token/batch/keys', label: 'the common user\'s token', path: () => '/api/token/batch/keys', body: (ids) => ({ ids: [tokenOf(ids.user)] }), expect: SELF },
];

/**
 * The answer as `{success, message}`, whatever its shape: the standard envelope, the payment routes'
 * `{message: "success"|"error", data}` (an error's text is in `data`), or the notify's plain text.
 */
async function readAnswer(response: Response): Promise<{ success: boolean; message: string }> {
  const text = await response.text();
  if (!(response.headers.get('content-type') ?? '').includes('json')) return { success: text === 'success', message: text };
  const body = JSON.parse(text) as { success?: boolean; message: string; data?: unknown };
  if (typeof body.success === 'boolean') return { success: body.success, message: body.message };
  return body.message === 'success' ? { success: true, message: '' } : { success: false, message: String(body.data) };
}

function principals(): Record<Principal, string | undefined> {
  const common = api.server.accounts.filter((a) => a.role === 1);
  return { anonymous: undefined, user: common[0]!.username, 'other user': common[1]!.username, admin: api.server.accounts.find((a) => a.role === 10)!.username, root: 'root' };
}

function ids(): Ids {
  const names = principals();
  const id = (name: string | undefined) => api.server.state.users.find((u) => u.username === name)!.id;
  return { user: id(names.user), 'other user': id(names['other user']), admin: id(names.admin), root: id(names.root) };
}

test('role matrix: the table has a row for every operation of openapi/newapi.yaml', () => {
  const documented = DOCUMENTED.map((op) => op.key);
  expect([...new Set(ROWS.map((row) => row.op))].sort()).toEqual([...documented].sort());
  for (const row of ROWS) {
    const template = new RegExp(`^${row.op.split(' ')[1]!.replace(/\{\w+\}/g, '\\d+')}$`);
    expect(row.path({ user: 3, 'other user': 4, admin: 2, root: 1 }).split('?')[0], row.op).toMatch(template);
  }
});

test('role matrix: anonymous is refused with a 401 exactly where the document requires security', () => {
  for (const row of ROWS) expect(row.expect[0] === LOGIN, row.op).toBe(!PUBLIC_OPS.has(row.op));
});

for (const [index, principal] of PRINCIPALS.entries()) {
  const cells = ROWS.map((row) => ({ ...row, name: `${row.op} ${row.label}`.trim(), expected: row.expect[index]! }));
  test.each(cells)(`role matrix: ${principal} → $name`, async ({ op, path, body, headers, expected }) => {
    const name = principals()[principal];
    const own = name === undefined ? {} : await sessionHeaders(api, name);
    const target = ids();
    const allHeaders = { ...own, ...headers?.(target) };
    const method = op.split(' ')[0]!;
    const init = body ? jsonInit(method, body(target), allHeaders) : { method, headers: allHeaders };
    const response = await api.raw(path(target), init);
    const answer = await readAnswer(response);

    expect(response.status).toBe(STATUS_401.has(expected) ? 401 : 200);
    if (expected === OK) expect(answer.success, answer.message).toBe(true);
    else expect({ success: answer.success, message: answer.message }).toEqual({ success: false, message: expected });
    // The auth middleware stamps Auth-Version on what it lets through, whatever the handler answers.
    const passedMiddleware = !PUBLIC_OPS.has(op) && !FROM_MIDDLEWARE.has(expected);
    expect(response.headers.get('auth-version')).toBe(passedMiddleware ? '864b7076dbcd0a3c01b5520316720ebf' : null);
  });
}
