import { beforeAll, beforeEach, expect, test } from 'vitest';
import { useReferenceServer } from '../support/lifecycle.js';
import { openCatRaw } from '../support/opencat-raw.js';

/**
 * Bad input on every route that reads a body, a path id or a query, sent as root: each answer is upstream's
 * status and body (Go's and SQLite's own texts), and the state is exactly what it was before.
 */
const life = useReferenceServer('opencat');
const api = openCatRaw(life);
// The last seeded account, soft-deleted before each case: its token and name are taken but dead.
let deletedId = 0;
beforeEach(async () => {
  deletedId = await api.softDeleteLast();
});
// Secrets are sealed in the state; the seeded first key's is read where root reads it.
let firstKey = '';
beforeAll(async () => {
  firstKey = ((await api.call('GET', '/1/keys')).json as { key: string }[])[0]!.key;
});

const users = () => life.server.state.users;
const deletedUser = () => ({ ...users().find((u) => u.id === deletedId)!, token: api.tokenOf(deletedId) });
const text = (error: string) => JSON.stringify({ error });
const nested = (message: string) => JSON.stringify({ error: { message } });

interface Case {
  label: string;
  method: string;
  path: () => string;
  body?: () => unknown;
  status: number;
  text: () => string;
}

const USER_CASES: Case[] = [
  { label: 'an empty body', method: 'POST', path: () => '/1/users', body: () => '', status: 400, text: () => text('EOF') },
  { label: 'a cut-off body', method: 'POST', path: () => '/1/users', body: () => '{"name":', status: 400, text: () => text('unexpected EOF') },
  { label: 'a bare word', method: 'POST', path: () => '/1/users', body: () => '{bad}', status: 400, text: () => text("invalid character 'b' looking for beginning of object key string") },
  { label: 'a non-ASCII character where a value starts', method: 'POST', path: () => '/1/users', body: () => '{"name":é}', status: 400, text: () => text("invalid character 'Ã' looking for beginning of value") },
  { label: 'a number for name', method: 'POST', path: () => '/1/users', body: () => ({ name: 5 }), status: 400, text: () => text('json: cannot unmarshal number into Go struct field User.name of type string') },
  { label: 'an array', method: 'POST', path: () => '/1/users', body: () => '[]', status: 400, text: () => text('json: cannot unmarshal array into Go value of type router.User') },
  { label: 'a string id beside a good name', method: 'POST', path: () => '/1/users', body: () => ({ name: 'x', id: '7' }), status: 400, text: () => text('json: cannot unmarshal string into Go struct field User.id of type int') },
  { label: 'a fractional id', method: 'POST', path: () => '/1/users', body: () => '{"name":"x","id":1.5}', status: 400, text: () => text('json: cannot unmarshal number 1.5 into Go struct field User.id of type int') },
  { label: 'a string IsDelete', method: 'POST', path: () => '/1/users', body: () => ({ name: 'x', IsDelete: 'yes' }), status: 400, text: () => text('json: cannot unmarshal string into Go struct field User.IsDelete of type bool') },
  { label: 'a number name repeated by a good one', method: 'POST', path: () => '/1/users', body: () => '{"name":5,"name":"dup"}', status: 400, text: () => text('json: cannot unmarshal number into Go struct field User.name of type string') },
  { label: 'a string IsDelete spelt with a long s', method: 'POST', path: () => '/1/users', body: () => '{"name":"x","I\u017fDelete":"yes"}', status: 400, text: () => text('json: cannot unmarshal string into Go struct field User.IsDelete of type bool') },
  { label: 'null', method: 'POST', path: () => '/1/users', body: () => 'null', status: 200, text: () => text('invalid user name') },
  { label: 'an empty name', method: 'POST', path: () => '/1/users', body: () => ({ name: '' }), status: 200, text: () => text('invalid user name') },
  { label: 'a taken name', method: 'POST', path: () => '/1/users', body: () => ({ name: 'root' }), status: 200, text: () => text('constraint failed: UNIQUE constraint failed: users.name (2067)') },
  { label: 'a deleted user\'s name', method: 'POST', path: () => '/1/users', body: () => ({ name: deletedUser().name }), status: 200, text: () => text('constraint failed: UNIQUE constraint failed: users.name (2067)') },
  { label: 'a body over 1 MiB', method: 'POST', path: () => '/1/users', body: () => ({ name: 'x'.repeat(1024 * 1024) }), status: 413, text: () => text('http: request body too large') },
];

const KEY_CASES: Case[] = [
  { label: 'an empty body', method: 'POST', path: () => '/1/keys', body: () => '', status: 400, text: () => nested('EOF') },
  { label: 'a cut-off body', method: 'POST', path: () => '/1/keys', body: () => '{"key":"sk', status: 400, text: () => nested('unexpected EOF') },
  { label: 'a number for name', method: 'POST', path: () => '/1/keys', body: () => ({ name: 5 }), status: 400, text: () => nested('json: cannot unmarshal number into Go struct field Key.name of type string') },
  { label: 'an object for api_type', method: 'POST', path: () => '/1/keys', body: () => ({ name: 'k', api_type: {} }), status: 400, text: () => nested('json: cannot unmarshal object into Go struct field Key.api_type of type string') },
  { label: 'an array', method: 'POST', path: () => '/1/keys', body: () => '[1]', status: 400, text: () => nested('json: cannot unmarshal array into Go value of type router.Key') },
  { label: 'a taken name (any case)', method: 'POST', path: () => '/1/keys', body: () => ({ name: ' OpenAI-Main ', key: 'sk-new' }), status: 500, text: () => nested('constraint failed: UNIQUE constraint failed: keys.name (2067)') },
  { label: 'a taken key', method: 'POST', path: () => '/1/keys', body: () => ({ name: 'fresh', key: ` ${firstKey} ` }), status: 500, text: () => nested('constraint failed: UNIQUE constraint failed: keys.key (2067)') },
  { label: 'a body over 1 MiB', method: 'POST', path: () => '/1/keys', body: () => ({ key: 'k'.repeat(1024 * 1024) }), status: 413, text: () => nested('http: request body too large') },
];

const ID_CASES: Case[] = [
  ...['abc', '1', '0', '-5', 'true', 'T', 'f', '0.9', '1.99', 'NaN', 'Inf', '1e400', '1e19', ' 3', '0x10', '%20'].map((id): Case => ({
    label: `user id ${JSON.stringify(id)}`, method: 'DELETE', path: () => `/1/users/${id}`, status: 200, text: () => text('invalid user id'),
  })),
  ...['abc', '0', '-1', 'false', 'F', '0.5', '-Infinity', '9.3e18'].map((id): Case => ({
    label: `key id ${JSON.stringify(id)}`, method: 'DELETE', path: () => `/1/keys/${id}`, status: 200, text: () => text('invalid key id'),
  })),
  { label: 'an unknown user id', method: 'DELETE', path: () => '/1/users/999', status: 200, text: () => '{"message":"ok"}' },
  { label: 'an already deleted user', method: 'DELETE', path: () => `/1/users/${deletedUser().id}`, status: 200, text: () => '{"message":"ok"}' },
  { label: 'an unknown key id', method: 'DELETE', path: () => '/1/keys/999', status: 200, text: () => '{"message":"ok"}' },
  ...['abc', '0', '999', '-1', 'NaN', '1e400'].map((id): Case => ({
    label: `reset of user id ${JSON.stringify(id)}`, method: 'POST', path: () => `/1/users/${id}/reset`, status: 403, text: () => text('record not found'),
  })),
  { label: 'reset of a deleted user', method: 'POST', path: () => `/1/users/${deletedUser().id}/reset`, status: 403, text: () => text('record not found') },
  { label: 'reset to another user\'s token', method: 'POST', path: () => `/1/users/2/reset?token=${api.tokenOf(3)}`, status: 403, text: () => text('constraint failed: UNIQUE constraint failed: users.token (2067)') },
  { label: 'reset to a deleted user\'s token', method: 'POST', path: () => `/1/users/2/reset?token=${deletedUser().token}`, status: 403, text: () => text('constraint failed: UNIQUE constraint failed: users.token (2067)') },
  { label: 'reset of an unknown user to a taken token', method: 'POST', path: () => `/1/users/999/reset?token=${api.tokenOf(3)}`, status: 403, text: () => text('record not found') },
  { label: 'usages with bounds that are not dates', method: 'GET', path: () => '/1/usages?from=zzz&to=zzzz', status: 200, text: () => '[]' },
  { label: 'usages with a range that ends before it starts', method: 'GET', path: () => '/1/usages?from=2030-01-01&to=2000-01-01', status: 200, text: () => '[]' },
];

test.each([...USER_CASES, ...KEY_CASES, ...ID_CASES])('bad input: $method $label gets upstream\'s answer and changes nothing', async ({ method, path, body, status, text: expected }) => {
  const before = api.snapshot();
  const sent = body?.();
  const expectedText = expected();
  const answer = await api.call(method, path(), { body: sent });
  expect({ status: answer.status, text: answer.text }).toEqual({ status, text: expectedText });
  expect(answer.type).toBe('application/json; charset=utf-8');
  expect(api.snapshot()).toBe(before);
  // The duplicate key's 500 is upstream's answer, not a bug of the mock.
  life.serverErrors.splice(0);
});

test('bad input: a duplicate key is the only body that makes POST /1/keys answer 500', async () => {
  await api.call('POST', '/1/keys', { body: { name: 'k1', key: 'same' } });
  expect((await api.call('POST', '/1/keys', { body: { name: 'k2', key: 'same' } })).status).toBe(500);
  expect(life.serverErrors.splice(0)).toHaveLength(1);
});

test('bad input: bytes after the first JSON value are never read, so the user is created', async () => {
  const answer = await api.call('POST', '/1/users', { body: '{"name":"trailing"} and then garbage' });
  expect(answer.status).toBe(200);
  expect(users().at(-1)!.name).toBe('trailing');
});
