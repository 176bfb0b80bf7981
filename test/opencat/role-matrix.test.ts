import { beforeEach, expect, test } from 'vitest';
import { DIALECTS } from '../../mocks/dialects.js';
import { useReferenceServer } from '../support/lifecycle.js';
import { openCatRaw, type OpenCatPrincipal } from '../support/opencat-raw.js';
import { documentedOperations } from '../support/operations.js';

/**
 * Who may call what: every documented route × anonymous, root, a live user's token, a soft-deleted user's token
 * and a token nobody holds, as raw requests. Root reaches everything, a user token only `/1/me*`, and every
 * refusal is the middleware's 401 `{"error":"Unauthorized"}` (never 403); init ignores `Authorization`.
 */
const life = useReferenceServer('opencat');
const api = openCatRaw(life);
beforeEach(() => api.softDeleteLast());

const PRINCIPALS: OpenCatPrincipal[] = ['anonymous', 'root', 'user', 'deleted user', 'garbage'];
/** `OK`: HTTP 200 without an `error` member; otherwise the exact status and body. */
const OK = 'ok';
type Cell = typeof OK | { status: number; text: string };
const UNAUTHORIZED: Cell = { status: 401, text: '{"error":"Unauthorized"}' };
const ROOT_ONLY: Cell[] = [UNAUTHORIZED, OK, UNAUTHORIZED, UNAUTHORIZED, UNAUTHORIZED];
const INIT_DONE: Cell = { status: 403, text: '{"error":"super user already exists, use cli to reset password"}' };

interface Row {
  op: string;
  path: string;
  body?: unknown;
  /** anonymous, root, user, deleted user, garbage */
  expect: Cell[];
}

const ROWS: Row[] = [
  { op: 'POST /1/users/init', path: '/1/users/init', expect: [INIT_DONE, INIT_DONE, INIT_DONE, INIT_DONE, INIT_DONE] },
  { op: 'GET /1/me', path: '/1/me', expect: [UNAUTHORIZED, OK, OK, UNAUTHORIZED, UNAUTHORIZED] },
  { op: 'GET /1/me/usages', path: '/1/me/usages', expect: [UNAUTHORIZED, { status: 403, text: '' }, { status: 403, text: '' }, UNAUTHORIZED, UNAUTHORIZED] },
  { op: 'GET /1/users', path: '/1/users', expect: ROOT_ONLY },
  { op: 'POST /1/users', path: '/1/users', body: { name: 'matrix' }, expect: ROOT_ONLY },
  { op: 'DELETE /1/users/{id}', path: '/1/users/3', expect: ROOT_ONLY },
  { op: 'POST /1/users/{id}/reset', path: '/1/users/3/reset', expect: ROOT_ONLY },
  { op: 'GET /1/keys', path: '/1/keys', expect: ROOT_ONLY },
  { op: 'POST /1/keys', path: '/1/keys', body: { name: 'matrix', key: 'sk-matrix' }, expect: ROOT_ONLY },
  { op: 'DELETE /1/keys/{id}', path: '/1/keys/1', expect: ROOT_ONLY },
  { op: 'GET /1/usages', path: '/1/usages', expect: ROOT_ONLY },
];

test('role matrix: the table has a row for every operation of openapi/opencat.yaml', () => {
  const documented = documentedOperations(DIALECTS.opencat.contract).map((op) => op.key);
  expect(ROWS.map((row) => row.op).sort()).toEqual([...documented].sort());
});

for (const [index, principal] of PRINCIPALS.entries()) {
  const cells = ROWS.map((row) => ({ ...row, expected: row.expect[index]! }));
  test.each(cells)(`role matrix: ${principal} → $op`, async ({ op, path, body, expected }) => {
    const before = api.snapshot();
    const answer = await api.call(op.split(' ')[0]!, path, { as: principal, body });
    if (expected === OK) {
      expect(answer.status, answer.text).toBe(200);
      expect(answer.json).not.toHaveProperty('error');
    } else {
      expect({ status: answer.status, text: answer.text }).toEqual(expected);
      // A refused call writes nothing.
      expect(api.snapshot()).toBe(before);
    }
  });
}

test('role matrix: /1/me answers the caller itself, root or user, not always root', async () => {
  for (const principal of ['root', 'user'] as const) {
    const me = (await api.call('GET', '/1/me', { as: principal })).json as { token: string };
    expect(`Bearer ${me.token}`).toBe(api.authorization(principal));
  }
});
