import { expect, test } from 'vitest';
import { useNewApi } from '../support/harness.js';
import { documentedOperations } from '../support/operations.js';
import { jsonInit, sessionHeaders } from '../support/sessions.js';

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
const DOCUMENTED = documentedOperations('openapi/newapi.yaml');
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

const ROWS: Row[] = [
  { op: 'POST /api/user/register', label: '', path: () => '/api/user/register', body: () => ({ username: 'matrix_new', password: 'password123' }), expect: PUBLIC },
  { op: 'POST /api/user/login', label: '', path: () => '/api/user/login', body: () => ({ username: 'root', password: '123456' }), expect: PUBLIC },
  { op: 'POST /api/user/login/2fa', label: 'with no pending login', path: () => '/api/user/login/2fa', body: () => ({ code: '123456' }), expect: ['会话已过期，请重新登录', '会话已过期，请重新登录', '会话已过期，请重新登录', '会话已过期，请重新登录', '会话已过期，请重新登录'] },
  { op: 'GET /api/user/logout', label: '', path: () => '/api/user/logout', expect: PUBLIC },
  { op: 'GET /api/user/groups', label: '', path: () => '/api/user/groups', expect: PUBLIC },

  { op: 'GET /api/user/self', label: '', path: () => '/api/user/self', expect: SELF },
  { op: 'GET /api/user/self', label: 'claiming the common user\'s id', path: () => '/api/user/self', headers: (ids) => ({ 'New-Api-User': String(ids.user) }), expect: [LOGIN, OK, MISMATCH, MISMATCH, MISMATCH] },
  { op: 'PUT /api/user/self', label: '', path: () => '/api/user/self', body: () => ({ display_name: 'Matrix' }), expect: SELF },
  { op: 'DELETE /api/user/self', label: '', path: () => '/api/user/self', expect: [LOGIN, OK, OK, OK, 'Cannot delete super administrator account'] },
  { op: 'GET /api/user/self/groups', label: '', path: () => '/api/user/self/groups', expect: SELF },
  { op: 'GET /api/user/models', label: '', path: () => '/api/user/models', expect: SELF },
  { op: 'GET /api/user/token', label: '', path: () => '/api/user/token', expect: SELF },

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
];

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
    const answer = (await response.json()) as { success: boolean; message: string };

    expect(response.status).toBe(STATUS_401.has(expected) ? 401 : 200);
    if (expected === OK) expect(answer.success, answer.message).toBe(true);
    else expect({ success: answer.success, message: answer.message }).toEqual({ success: false, message: expected });
    // The auth middleware stamps Auth-Version on what it lets through, whatever the handler answers.
    const passedMiddleware = !PUBLIC_OPS.has(op) && !FROM_MIDDLEWARE.has(expected);
    expect(response.headers.get('auth-version')).toBe(passedMiddleware ? '864b7076dbcd0a3c01b5520316720ebf' : null);
  });
}
