import { expect, test } from 'vitest';
import { useNewApi } from '../support/harness.js';
import { documentedOperations } from '../support/operations.js';
import { jsonInit, sessionHeaders } from '../support/sessions.js';

/**
 * Bad input on every route that reads a body or a path id, sent as root so it gets past the auth checks:
 * each answer is the dialect's error shape (never a 500), and the state is left exactly as it was.
 */
const api = useNewApi();

type Answer = { success: boolean; message: string; data?: unknown };
const refused = (message: string): Answer => ({ success: false, message });
const INVALID = refused('Invalid parameters');
const NOT_FOUND = refused('record not found');
const MALFORMED = '{"username": "root", ';

/** What each body route answers: unparsable JSON, a field of the wrong JSON type, a field left out. */
const BODY_ROUTES: Record<string, { path: string; malformed: Answer; wrongType: [unknown, Answer]; missing: [unknown, Answer]; unknownId?: [unknown, Answer] }> = {
  'POST /api/user/register': {
    path: '/api/user/register',
    malformed: INVALID,
    wrongType: [{ username: 123, password: 'password123' }, INVALID],
    missing: [{ username: 'nopassword' }, refused("Invalid input Key: 'User.Password' Error:Field validation for 'Password' failed on the 'min' tag")],
  },
  'POST /api/user/login': {
    path: '/api/user/login',
    malformed: INVALID,
    wrongType: [{ username: 'root', password: 123456 }, INVALID],
    missing: [{ username: 'root' }, INVALID],
  },
  // controller/twofa.go: hard-coded Chinese in every version.
  'POST /api/user/login/2fa': {
    path: '/api/user/login/2fa',
    malformed: refused('参数错误'),
    wrongType: [{ code: 123456 }, refused('参数错误')],
    missing: [{}, refused('参数错误')],
  },
  'PUT /api/user/self': {
    path: '/api/user/self',
    malformed: INVALID,
    wrongType: [{ username: 123 }, INVALID],
    missing: [{ password: 'brand-new-pass' }, refused('Original password is incorrect')],
  },
  'POST /api/user/': {
    path: '/api/user/',
    malformed: INVALID,
    wrongType: [{ username: 'bob', password: 'password123', role: '1' }, INVALID],
    missing: [{ username: 'bob' }, INVALID],
  },
  'PUT /api/user/': {
    path: '/api/user/',
    malformed: INVALID,
    wrongType: [{ id: '3', username: 'bob' }, INVALID],
    missing: [{ username: 'bob' }, INVALID],
    unknownId: [{ id: 999999, username: 'ghost' }, NOT_FOUND],
  },
  'POST /api/user/manage': {
    path: '/api/user/manage',
    malformed: INVALID,
    wrongType: [{ id: '3', action: 'disable' }, INVALID],
    // A missing id is 0, which upstream's lookup reads as "no condition": the first user, root.
    missing: [{ action: 'disable' }, refused('Cannot disable super administrator user')],
    // The lookup's miss is ignored; the action then fails on the scoped re-read.
    unknownId: [{ id: 999999, action: 'disable' }, NOT_FOUND],
  },
};

/** What each id route answers for ids that are not a live user's. */
const ID_ROUTES: Record<string, (id: string) => string> = {
  'GET /api/user/{id}': (id) => `/api/user/${id}`,
  'DELETE /api/user/{id}': (id) => `/api/user/${id}`,
};
const BAD_IDS: Array<[string, Answer]> = [
  ['abc', refused('strconv.Atoi: parsing "abc": invalid syntax')],
  ['1.5', refused('strconv.Atoi: parsing "1.5": invalid syntax')],
  ['99999999999999999999', refused('strconv.Atoi: parsing "99999999999999999999": value out of range')],
  ['0', refused('id 为空！')],
  ['999999', NOT_FOUND],
];

interface Case {
  name: string;
  method: string;
  path: string;
  body?: string;
  status: number;
  answer: Answer;
}

const cases: Case[] = [
  ...Object.entries(BODY_ROUTES).flatMap(([op, route]) => {
    const method = op.split(' ')[0]!;
    const base = { method, path: route.path, status: 200 };
    return [
      { ...base, name: `${op}: malformed JSON`, body: MALFORMED, answer: route.malformed },
      { ...base, name: `${op}: a field of the wrong type`, body: JSON.stringify(route.wrongType[0]), answer: route.wrongType[1] },
      { ...base, name: `${op}: a field left out`, body: JSON.stringify(route.missing[0]), answer: route.missing[1] },
      ...(route.unknownId ? [{ ...base, name: `${op}: an unknown id`, body: JSON.stringify(route.unknownId[0]), answer: route.unknownId[1] }] : []),
      // gatewaykit's limit (docs/fidelity.md): the dialect's envelope with a 413.
      { ...base, name: `${op}: a body over 1 MiB`, body: JSON.stringify({ username: 'x'.repeat(1024 * 1024) }), status: 413, answer: refused('Request body too large') },
    ];
  }),
  ...Object.entries(ID_ROUTES).flatMap(([op, path]) =>
    BAD_IDS.map(([id, answer]) => ({ name: `${op}: id ${id}`, method: op.split(' ')[0]!, path: path(id), status: 200, answer })),
  ),
];

const DOCUMENTED_WITH_INPUT = documentedOperations('openapi/newapi.yaml').filter((op) => op.hasBody || op.pathParams.length > 0);

async function exportedState(): Promise<unknown> {
  return (await api.raw('/__mock/state')).json();
}

test('bad input: every documented route that takes a body or a path id has cases', () => {
  const covered = DOCUMENTED_WITH_INPUT.filter((op) => op.hasBody).map((op) => op.key);
  expect(Object.keys(BODY_ROUTES).sort()).toEqual(covered.sort());
  const withIds = DOCUMENTED_WITH_INPUT.filter((op) => op.pathParams.length > 0).map((op) => op.key);
  expect(Object.keys(ID_ROUTES).sort()).toEqual(withIds.sort());
});

test.each(cases)('bad input: $name', async ({ method, path, body, status, answer }) => {
  const root = await sessionHeaders(api, 'root');
  const before = await exportedState();
  const response = await api.raw(path, body === undefined ? { method, headers: root } : jsonInit(method, body, root));
  expect(response.status).toBe(status);
  expect(await response.json()).toEqual(answer);
  expect(await exportedState()).toEqual(before);
});

test('bad input: a body that is JSON but not an object is refused like malformed JSON', async () => {
  const root = await sessionHeaders(api, 'root');
  const before = await exportedState();
  for (const body of ['"a string"', '[1, 2]', '42']) {
    const response = await api.raw('/api/user/', jsonInit('POST', body, root));
    expect(await response.json()).toEqual(INVALID);
  }
  expect(await exportedState()).toEqual(before);
});

test('bad input: an empty body is malformed JSON too', async () => {
  const root = await sessionHeaders(api, 'root');
  const response = await api.raw('/api/user/manage', { method: 'POST', headers: root });
  expect(await response.json()).toEqual(INVALID);
});
