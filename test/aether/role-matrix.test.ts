import { expect, test } from 'vitest';
import { DIALECTS } from '../../mocks/dialects.js';
import type { AetherAccount } from '../../mocks/index.js';
import { useAetherRaw } from '../support/aether-raw.js';
import { documentedOperations } from '../support/operations.js';

/**
 * Who may call what: every operation of openapi/aether.yaml × anonymous, a user, an admin, an inactive user and a
 * deleted user (both holding a token minted while they could still log in), as raw requests. Expected answers are
 * upstream's: the status and, for a refusal, the message.
 */
const api = useAetherRaw();

const PRINCIPALS = ['anonymous', 'user', 'admin', 'inactive user', 'deleted user'] as const;
type Principal = (typeof PRINCIPALS)[number];
/** One expected answer per principal: `200`, or `[status, message]`. */
type Cell = 200 | [number, string];
type Cells = [Cell, Cell, Cell, Cell, Cell];

const DOCUMENTED = new Map(documentedOperations(DIALECTS.aether.contract).map((op) => [op.key, op]));
const GONE: Cell = [403, '用户不存在或已禁用'];
const everyone = (cell: Cell): Cells => [cell, cell, cell, cell, cell];
const anyUser = (cell: Cell = 200): Cells => [[401, '缺少用户凭证'], cell, cell, GONE, GONE];
const adminOnly = (cell: Cell = 200): Cells => [[401, '缺少管理员凭证'], [403, '需要管理员权限'], cell, GONE, GONE];

interface Scene {
  me: AetherAccount | undefined;
  /** A key the caller owns (a key nobody has for anonymous). */
  ownKey: string;
  /** A plain user the admin routes act on, and one of their keys. */
  target: string;
  targetKey: string;
  /** A fresh refresh token of the target. */
  refreshToken: string;
}

interface Row {
  op: string;
  label: string;
  path: (scene: Scene) => string;
  body?: (scene: Scene) => unknown;
  expect: Cells;
}

const NO_SUCH_KEY = '00000000-0000-4000-8000-000000000000';

const ROWS: Row[] = [
  { op: 'POST /api/auth/login', label: 'as the bootstrap admin', path: () => '/api/auth/login', body: () => ({ email: 'admin@localhost', password: api.account('admin').password }), expect: everyone(200) },
  { op: 'POST /api/auth/refresh', label: "the target's refresh token", path: () => '/api/auth/refresh', body: ({ refreshToken }) => ({ refresh_token: refreshToken }), expect: everyone(200) },
  { op: 'POST /api/auth/logout', label: '', path: () => '/api/auth/logout', expect: anyUser() },
  { op: 'POST /api/auth/register', label: 'registration closed', path: () => '/api/auth/register', body: () => ({ email: 'matrix@example.com', username: 'matrix', password: 'matrix-pass' }), expect: everyone([403, '系统暂不开放注册']) },
  { op: 'GET /api/auth/me', label: '', path: () => '/api/auth/me', expect: anyUser() },
  { op: 'PATCH /api/auth/password', label: 'with the own password', path: () => '/api/auth/password', body: ({ me }) => ({ old_password: me?.password ?? 'x', new_password: 'matrix-pass-1' }), expect: anyUser() },

  { op: 'GET /api/users/me', label: '', path: () => '/api/users/me', expect: anyUser() },
  { op: 'PUT /api/users/me', label: '', path: () => '/api/users/me', body: () => ({ username: 'matrix_name' }), expect: anyUser() },
  { op: 'PATCH /api/users/me/password', label: 'with the own password', path: () => '/api/users/me/password', body: ({ me }) => ({ old_password: me?.password ?? 'x', new_password: 'matrix-pass-1' }), expect: anyUser() },
  { op: 'GET /api/users/me/api-keys', label: '', path: () => '/api/users/me/api-keys', expect: anyUser() },
  { op: 'POST /api/users/me/api-keys', label: '', path: () => '/api/users/me/api-keys', body: () => ({ name: 'matrix' }), expect: anyUser() },
  { op: 'GET /api/users/me/api-keys/{key_id}', label: 'an own key', path: ({ ownKey }) => `/api/users/me/api-keys/${ownKey}`, expect: anyUser() },
  { op: 'GET /api/users/me/api-keys/{key_id}', label: "another user's key", path: ({ targetKey }) => `/api/users/me/api-keys/${targetKey}`, expect: anyUser([404, 'API密钥不存在']) },
  { op: 'DELETE /api/users/me/api-keys/{key_id}', label: 'an own key', path: ({ ownKey }) => `/api/users/me/api-keys/${ownKey}`, expect: anyUser() },
  { op: 'DELETE /api/users/me/api-keys/{key_id}', label: "another user's key", path: ({ targetKey }) => `/api/users/me/api-keys/${targetKey}`, expect: anyUser([404, 'API密钥不存在']) },
  { op: 'PATCH /api/users/me/api-keys/{key_id}', label: 'an own key', path: ({ ownKey }) => `/api/users/me/api-keys/${ownKey}`, expect: anyUser() },

  { op: 'GET /api/admin/users', label: '', path: () => '/api/admin/users', expect: adminOnly() },
  { op: 'POST /api/admin/users', label: '', path: () => '/api/admin/users', body: () => ({ username: 'matrix', password: 'matrix-pass', email: 'matrix@example.com' }), expect: adminOnly() },
  { op: 'GET /api/admin/users/{user_id}', label: 'the target', path: ({ target }) => `/api/admin/users/${target}`, expect: adminOnly() },
  { op: 'PUT /api/admin/users/{user_id}', label: 'the target', path: ({ target }) => `/api/admin/users/${target}`, body: () => ({ quota_usd: 5 }), expect: adminOnly() },
  { op: 'DELETE /api/admin/users/{user_id}', label: 'the target', path: ({ target }) => `/api/admin/users/${target}`, expect: adminOnly() },
  { op: 'PATCH /api/admin/users/{user_id}/quota', label: 'the target', path: ({ target }) => `/api/admin/users/${target}/quota`, expect: adminOnly() },
  { op: 'GET /api/admin/users/{user_id}/api-keys', label: 'the target', path: ({ target }) => `/api/admin/users/${target}/api-keys`, expect: adminOnly() },
  { op: 'POST /api/admin/users/{user_id}/api-keys', label: 'the target', path: ({ target }) => `/api/admin/users/${target}/api-keys`, body: () => ({ name: 'matrix' }), expect: adminOnly() },
  { op: 'DELETE /api/admin/users/{user_id}/api-keys/{key_id}', label: "the target's key", path: ({ target, targetKey }) => `/api/admin/users/${target}/api-keys/${targetKey}`, expect: adminOnly() },
  { op: 'GET /api/admin/usage/stats', label: '', path: () => '/api/admin/usage/stats', expect: adminOnly() },
  { op: 'GET /api/admin/usage/aggregation/stats', label: 'by model', path: () => '/api/admin/usage/aggregation/stats?group_by=model', expect: adminOnly() },
];

/** Logs the principal in and puts it in its condition: the inactive user's row is deactivated, the deleted user's removed. */
async function arrange(principal: Principal): Promise<{ me: AetherAccount | undefined; token: string | undefined }> {
  const { state } = api.server;
  switch (principal) {
    case 'anonymous':
      return { me: undefined, token: undefined };
    case 'inactive user': {
      const me = api.account('inactive user');
      const row = state.users.find((u) => u.id === me.user_id)!;
      row.is_active = true;
      const token = (await api.login(me.username)).access_token;
      row.is_active = false;
      return { me, token };
    }
    case 'deleted user': {
      const me = api.server.accounts.filter((a) => a.role === 'user')[1]!;
      const token = (await api.login(me.username)).access_token;
      state.users.splice(state.users.findIndex((u) => u.id === me.user_id), 1);
      state.api_keys = state.api_keys.filter((k) => k.user_id !== me.user_id);
      return { me, token };
    }
    default: {
      const me = api.account(principal);
      return { me, token: (await api.login(me.username)).access_token };
    }
  }
}

async function scene(me: AetherAccount | undefined): Promise<Scene> {
  const target = api.server.accounts.filter((a) => a.role === 'user')[2]!;
  const keyOf = (userId: string) => api.server.state.api_keys.find((k) => k.user_id === userId && !k.is_standalone)?.id ?? NO_SUCH_KEY;
  return { me, ownKey: me ? keyOf(me.user_id) : NO_SUCH_KEY, target: target.user_id, targetKey: keyOf(target.user_id), refreshToken: (await api.login(target.username)).refresh_token };
}

test('role matrix: the table has a row for every operation of openapi/aether.yaml', () => {
  expect([...new Set(ROWS.map((row) => row.op))].sort()).toEqual([...DOCUMENTED.keys()].sort());
  expect(new Set(ROWS.map((row) => `${row.op} ${row.label}`)).size, 'each scenario once').toBe(ROWS.length);
});

test('role matrix: anonymous is refused with 401 exactly where the document requires a login', () => {
  for (const row of ROWS) expect(Array.isArray(row.expect[0]) && row.expect[0][0] === 401, row.op).toBe(!DOCUMENTED.get(row.op)!.public);
});

for (const [index, principal] of PRINCIPALS.entries()) {
  for (const row of ROWS) {
    const expected = row.expect[index]!;
    test(`role matrix: ${principal} → ${row.op} ${row.label}`.trim(), async () => {
      const { me, token } = await arrange(principal);
      const at = await scene(me);
      const answer = await api.call(row.op.split(' ')[0]!, row.path(at), { token, body: row.body?.(at) });
      if (expected === 200) expect(answer.status, JSON.stringify(answer.body)).toBe(200);
      else expect([answer.status, answer.body?.error?.message]).toEqual(expected);
    });
  }
}

test('role matrix: the role is read from the user row on every request, never from the token', async () => {
  const { access_token } = await api.login('user');
  const row = api.server.state.users.find((u) => u.id === api.account('user').user_id)!;
  expect((await api.call('GET', '/api/admin/users', { token: access_token })).status).toBe(403);
  row.role = 'admin';
  expect((await api.call('GET', '/api/admin/users', { token: access_token })).status).toBe(200);
  const admin = await api.login('admin');
  api.server.state.users.find((u) => u.id === api.account('admin').user_id)!.role = 'user';
  expect((await api.call('GET', '/api/admin/users', { token: admin.access_token })).body).toEqual({ error: { type: 'http_error', message: '需要管理员权限' } });
});
