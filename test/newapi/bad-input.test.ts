import { expect, test } from 'vitest';
import { useNewApi } from '../support/harness.js';
import { documentedOperations } from '../support/operations.js';
import { jsonInit, sessionHeaders } from '../support/sessions.js';
import { DIALECTS } from '../../mocks/dialects.js';

/**
 * Bad input on every route that reads a body or a path id, sent as root so it gets past the auth checks:
 * each answer is the dialect's error shape (never a 500), and the state is left exactly as it was.
 */
const api = useNewApi();

/** The standard envelope, the payment routes' `{message, data}` (no `success`), or the notify's plain text. */
type Answer = { success: boolean; message: string; data?: unknown } | { message: 'success' | 'error'; data: unknown } | string;
const refused = (message: string): Answer => ({ success: false, message });
const payError = (data: string): Answer => ({ data, message: 'error' });
const REDEEM_FAILED = refused('Redemption failed, please try again later');
const INVALID = refused('Invalid parameters');
const NOT_FOUND = refused('record not found');
const MALFORMED = '{"username": "root", ';
const PARAM_ERROR = refused('参数错误');
const IDS_EMPTY = refused('id 或 userId 为空！');
const BAD_USER_ID = refused('用户ID格式错误');

/** What each body route answers: unparsable JSON, a field of the wrong JSON type, a field left out. */
const BODY_ROUTES: Record<
  string,
  { path: string; malformed: Answer; wrongType: [unknown, Answer]; missing: [unknown, Answer]; unknownId?: [unknown, Answer]; tooLarge?: [number, Answer] }
> = {
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
  // ResetPassword answers the decoder's own error text (`common.ApiError(c, err)`).
  'POST /api/user/reset': {
    path: '/api/user/reset',
    malformed: refused('unexpected EOF'),
    wrongType: [{ email: 1, token: 'x' }, refused('json: cannot unmarshal number into Go struct field PasswordResetRequest.email of type string')],
    missing: [{ email: 'root@example.com' }, INVALID],
  },
  'PUT /api/user/setting': {
    path: '/api/user/setting',
    malformed: INVALID,
    wrongType: [{ notify_type: 'email', quota_warning_threshold: '1' }, INVALID],
    missing: [{ quota_warning_threshold: 1 }, refused('Invalid warning type')],
  },
  // AddToken and UpdateToken answer the decoder's own error text (`common.ApiError(c, err)`).
  'POST /api/token/': {
    path: '/api/token/',
    malformed: refused('unexpected EOF'),
    wrongType: [{ name: 123 }, refused('json: cannot unmarshal number into Go struct field Token.name of type string')],
    // unlimited_quota left out is false, so the quota range applies.
    missing: [{ remain_quota: -1 }, refused('Quota value cannot be negative')],
  },
  'PUT /api/token/': {
    path: '/api/token/',
    malformed: refused('unexpected EOF'),
    wrongType: [{ id: '1', name: 'x' }, refused('json: cannot unmarshal string into Go struct field Token.id of type int')],
    missing: [{ name: 'x' }, IDS_EMPTY],
    unknownId: [{ id: 999999, name: 'x' }, NOT_FOUND],
  },
  'POST /api/token/batch': {
    path: '/api/token/batch',
    malformed: INVALID,
    wrongType: [{ ids: ['1'] }, INVALID],
    missing: [{}, INVALID],
    unknownId: [{ ids: [999999] }, { success: true, message: '', data: 0 }],
  },
  'POST /api/token/batch/keys': {
    path: '/api/token/batch/keys',
    malformed: INVALID,
    wrongType: [{ ids: 1 }, INVALID],
    missing: [{ ids: [] }, INVALID],
    unknownId: [{ ids: [999999] }, { success: true, message: '', data: { keys: {} } }],
  },
  // controller/twofa.go: hard-coded Chinese in every version.
  'POST /api/user/2fa/enable': { path: '/api/user/2fa/enable', malformed: PARAM_ERROR, wrongType: [{ code: 123456 }, PARAM_ERROR], missing: [{}, PARAM_ERROR] },
  'POST /api/user/2fa/disable': { path: '/api/user/2fa/disable', malformed: PARAM_ERROR, wrongType: [{ code: true }, PARAM_ERROR], missing: [{ code: '' }, PARAM_ERROR] },
  'POST /api/user/2fa/backup_codes': { path: '/api/user/2fa/backup_codes', malformed: PARAM_ERROR, wrongType: [{ code: [] }, PARAM_ERROR], missing: [{}, PARAM_ERROR] },
  // ShouldBindJSON + common.ApiError: the raw encoding/json and validator texts.
  'POST /api/user/aff_transfer': {
    path: '/api/user/aff_transfer',
    malformed: refused('unexpected EOF'),
    wrongType: [{ quota: '500000' }, refused('json: cannot unmarshal string into Go struct field TransferAffQuotaRequest.quota of type int')],
    missing: [{}, refused("Key: 'TransferAffQuotaRequest.Quota' Error:Field validation for 'Quota' failed on the 'required' tag")],
  },
  'POST /api/user/topup': {
    path: '/api/user/topup',
    malformed: refused('unexpected EOF'),
    wrongType: [{ key: 123 }, refused('json: cannot unmarshal number into Go struct field topUpRequest.key of type string')],
    missing: [{}, REDEEM_FAILED],
    unknownId: [{ key: '0123456789abcdef0123456789abcdef' }, REDEEM_FAILED],
  },
  // The payment envelope: no `success`, the reason in `data`, Chinese in every language.
  'POST /api/user/amount': {
    path: '/api/user/amount',
    malformed: payError('参数错误'),
    wrongType: [{ amount: '10' }, payError('参数错误')],
    missing: [{}, payError('充值数量不能小于 1')],
  },
  'POST /api/user/pay': {
    path: '/api/user/pay',
    malformed: payError('参数错误'),
    wrongType: [{ amount: 1.5, payment_method: 'alipay' }, payError('参数错误')],
    missing: [{ amount: 1 }, payError('支付方式不存在')],
  },
  // Not a form body, so no parameters: plain-text `fail`, HTTP 200 whatever comes in.
  'POST /api/user/epay/notify': {
    path: '/api/user/epay/notify',
    malformed: 'fail',
    wrongType: [{ out_trade_no: 1 }, 'fail'],
    missing: [{}, 'fail'],
    tooLarge: [200, 'fail'],
  },
  'POST /api/redemption/': {
    path: '/api/redemption/',
    malformed: refused('unexpected EOF'),
    wrongType: [{ name: 'x', count: '1' }, refused('json: cannot unmarshal string into Go struct field Redemption.count of type int')],
    missing: [{ name: 'x' }, refused('Redemption code count must be greater than 0')],
  },
  'PUT /api/redemption/': {
    path: '/api/redemption/',
    malformed: refused('unexpected EOF'),
    wrongType: [{ id: '1' }, refused('json: cannot unmarshal string into Go struct field Redemption.id of type int')],
    missing: [{ name: 'x' }, refused('id 为空！')],
    unknownId: [{ id: 999999, name: 'x' }, NOT_FOUND],
  },
};

/** What each id route answers for ids that are not a live user's. */
const ID_ROUTES: Record<string, (id: string) => string> = {
  'GET /api/user/{id}': (id) => `/api/user/${id}`,
  'DELETE /api/user/{id}': (id) => `/api/user/${id}`,
  'GET /api/token/{id}': (id) => `/api/token/${id}`,
  'DELETE /api/token/{id}': (id) => `/api/token/${id}`,
  'POST /api/token/{id}/key': (id) => `/api/token/${id}/key`,
  'DELETE /api/user/{id}/2fa': (id) => `/api/user/${id}/2fa`,
  'GET /api/redemption/{id}': (id) => `/api/redemption/${id}`,
  'DELETE /api/redemption/{id}': (id) => `/api/redemption/${id}`,
};
/** Where a route answers a bad id differently from {@link BAD_IDS}, keyed by the id as sent. */
const ID_ANSWERS: Record<string, Record<string, Answer>> = {
  'GET /api/token/{id}': { '0': IDS_EMPTY },
  'POST /api/token/{id}/key': { '0': IDS_EMPTY },
  // DeleteToken ignores the parse error: bad syntax becomes id 0, an out-of-range value is clamped to int64.
  'DELETE /api/token/{id}': { abc: IDS_EMPTY, '1.5': IDS_EMPTY, '99999999999999999999': NOT_FOUND, '0': IDS_EMPTY },
  'DELETE /api/user/{id}/2fa': { abc: BAD_USER_ID, '1.5': BAD_USER_ID, '99999999999999999999': BAD_USER_ID },
  // DeleteRedemption ignores the parse error too.
  'DELETE /api/redemption/{id}': { abc: refused('id 为空！'), '1.5': refused('id 为空！'), '99999999999999999999': NOT_FOUND },
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
      {
        ...base,
        name: `${op}: a body over 1 MiB`,
        body: JSON.stringify({ username: 'x'.repeat(1024 * 1024) }),
        status: route.tooLarge?.[0] ?? 413,
        answer: route.tooLarge?.[1] ?? refused('Request body too large'),
      },
    ];
  }),
  ...Object.entries(ID_ROUTES).flatMap(([op, path]) =>
    BAD_IDS.map(([id, answer]) => ({ name: `${op}: id ${id}`, method: op.split(' ')[0]!, path: path(id), status: 200, answer: ID_ANSWERS[op]?.[id] ?? answer })),
  ),
];

const DOCUMENTED_WITH_INPUT = documentedOperations(DIALECTS.newapi.contract).filter((op) => op.hasBody || op.pathParams.length > 0);

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
  const json = (response.headers.get('content-type') ?? '').includes('json');
  expect(json ? await response.json() : await response.text()).toEqual(answer);
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

test('bad input: user bodies decode as encoding/json does: bytes after the first value are ignored', async () => {
  const response = await api.raw('/api/user/login', jsonInit('POST', '{"username": "root", "password": "123456"} trailing', {}));
  expect(await response.json()).toMatchObject({ success: true, data: { id: 1, username: 'root' } });
});

test('bad input: an int field written 1.0 or 1e0 is refused, as Go refuses it, and nothing is created', async () => {
  const root = await sessionHeaders(api, 'root');
  const before = await exportedState();
  for (const role of ['1.0', '1e0']) {
    const response = await api.raw('/api/user/', jsonInit('POST', `{"username": "bob", "password": "password123", "role": ${role}}`, root));
    expect(await response.json()).toEqual(INVALID);
  }
  expect(await exportedState()).toEqual(before);
});
