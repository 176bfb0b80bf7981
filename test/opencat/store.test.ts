import { expect, test } from 'vitest';
import { useReferenceServer } from '../support/lifecycle.js';
import { openCatRaw } from '../support/opencat-raw.js';

/**
 * What the SQLite store does behind the routes, seen through raw answers: soft-deleted users, hard-deleted keys,
 * `AUTOINCREMENT` ids that are never handed out again, and the bytes `json.Marshal` writes (field order,
 * HTML escaping, the zero `gorm.Model` extras, RFC 3339 times with their fraction in the server's zone).
 */
const life = useReferenceServer('opencat');
const api = openCatRaw(life);
const state = () => life.server.state;
const NOW = Date.UTC(2024, 6, 19, 10, 48, 29, 18);

test('users: a soft-deleted user leaves the list, keeps its name taken, keeps its usage, and deleting again is ok', async () => {
  const victim = state().users[2]!;
  await api.recordUsage({ user_id: victim.id, model: 'x', prompt_units: 7, completion_units: 0, cost: 0 });
  expect((await api.call('DELETE', `/1/users/${victim.id}`)).text).toBe('{"message":"ok"}');
  const listed = (await api.call('GET', '/1/users')).json as { id: number }[];
  expect(listed.map((u) => u.id)).not.toContain(victim.id);
  expect((await api.call('POST', '/1/users', { body: { name: victim.name } })).text).toBe('{"error":"constraint failed: UNIQUE constraint failed: users.name (2067)"}');
  expect(((await api.call('GET', '/1/usages')).json as { userId: number }[]).map((u) => u.userId)).toContain(victim.id);
  expect((await api.call('DELETE', `/1/users/${victim.id}`)).text).toBe('{"message":"ok"}');
  // The row stays, with its token: a reset cannot take it over (the unique index still holds it).
  expect(state().users.find((u) => u.id === victim.id)!.deleted_at).not.toBeNull();
});

test('users: root cannot be deleted, by 1 or by anything to.Int reads as 1 or less', async () => {
  for (const id of ['1', 'true', '1.5', 'T', '0', '-1']) expect((await api.call('DELETE', `/1/users/${id}`)).text, id).toBe('{"error":"invalid user id"}');
  expect(state().users[0]!.deleted_at).toBeNull();
});

test('ids: users and keys get AUTOINCREMENT ids: a deleted key\'s id is never handed out again, even the highest', async () => {
  const created = (await api.call('POST', '/1/keys', { body: { name: 'last', key: 'sk-last' } })).json as { id: number };
  expect(created.id).toBe(5);
  await api.call('DELETE', '/1/keys/5');
  expect(state().keys.map((k) => k.id)).toEqual([1, 2, 3, 4]);
  expect(((await api.call('POST', '/1/keys', { body: { name: 'again', key: 'sk-again' } })).json as { id: number }).id).toBe(6);
  const nextUser = state().next_user_id;
  await api.call('DELETE', `/1/users/${nextUser - 2}`);
  expect(((await api.call('POST', '/1/users', { body: { name: 'fresh' } })).json as { id: number }).id).toBe(nextUser);
  // A refused insert takes no id.
  await api.call('POST', '/1/keys', { body: { name: 'again', key: 'sk-other' } });
  expect(((await api.call('POST', '/1/keys', { body: { name: 'third', key: 'sk-third' } })).json as { id: number }).id).toBe(7);
});

test('encoding: a created user is the store shape byte for byte: gorm.Model\'s zero extras first, < > & escaped', async () => {
  life.server.clock.set(NOW);
  const answer = await api.call('POST', '/1/users', { body: { name: 'u<1>&' } });
  const user = answer.json as { id: number; token: string };
  expect(answer.text).toBe(
    `{"ID":0,"CreatedAt":"0001-01-01T00:00:00Z","UpdatedAt":"0001-01-01T00:00:00Z","DeletedAt":null,"IsDelete":false,"id":${user.id},` +
      `"name":"u\\u003c1\\u003e\\u0026","token":"${user.token}","createdAt":"2024-07-19T18:48:29.018+08:00","updatedAt":"2024-07-19T18:48:29.018+08:00"}`,
  );
});

test('encoding: \\b and \\f are written \\u0008 and \\u000c, as encoding/json before Go 1.22 (the image builds with golang:1.21)', async () => {
  const answer = await api.call('POST', '/1/users', { body: { name: 'a\bb\fc\\b\n' } });
  expect(answer.status).toBe(200);
  expect(answer.text).toContain('"name":"a\\u0008b\\u000cc\\\\b\\n"');
  const me = await api.call('GET', '/1/me', { headers: { authorization: `Bearer ${(answer.json as { token: string }).token}` } });
  expect(me.text).toContain('"name":"a\\u0008b\\u000cc\\\\b\\n"');
});

test('encoding: /1/me is the trimmed shape with second precision; the list shows the same times with the fraction', async () => {
  const root = state().users[0]!;
  root.created_at = NOW;
  root.updated_at = NOW + 982;
  expect((await api.call('GET', '/1/me')).text).toBe(`{"id":1,"updatedAt":"2024-07-19T18:48:30+08:00","name":"root","token":"${api.rootToken()}","createdAt":"2024-07-19T18:48:29+08:00"}`);
  const listed = ((await api.call('GET', '/1/users')).json as { createdAt: string; updatedAt: string }[])[0]!;
  expect([listed.createdAt, listed.updatedAt]).toEqual(['2024-07-19T18:48:29.018+08:00', '2024-07-19T18:48:30+08:00']);
});

test('encoding: a key is id, key, name, then the untagged Go names (ResourceNmae sic), then the times', async () => {
  life.server.clock.set(NOW - 18);
  const answer = await api.call('POST', '/1/keys', { body: { name: 'azure.res', key: 'sk-<x>', endpoint: 'https://e' } });
  expect(answer.text).toBe(
    '{"id":5,"key":"sk-\\u003cx\\u003e","name":"azure.res","ApiType":"azure","EndPoint":"https://e","ResourceNmae":"res","DeploymentName":"",' +
      '"createdAt":"2024-07-19T18:48:29+08:00","updatedAt":"2024-07-19T18:48:29+08:00"}',
  );
  expect(((await api.call('GET', '/1/keys')).json as { key: string }[]).at(-1)!.key).toBe('sk-<x>');
});

test('reset: a new token and a bumped updatedAt; createdAt stays', async () => {
  const user = state().users[1]!;
  const [created, old] = [user.created_at, api.tokenOf(user.id)];
  life.server.clock.set(NOW);
  const answer = (await api.call('POST', `/1/users/${user.id}/reset`)).json as { token: string; createdAt: string; updatedAt: string };
  expect(answer.updatedAt).toBe('2024-07-19T18:48:29.018+08:00');
  expect(state().users[1]!.created_at).toBe(created);
  expect(answer.token).not.toBe(old);
});

test('keys: a delete is for good: the key leaves the list and its name and secret are free again', async () => {
  const [first] = (await api.call('GET', '/1/keys')).json as { id: number; name: string; key: string }[];
  await api.call('DELETE', `/1/keys/${first!.id}`);
  expect(((await api.call('GET', '/1/keys')).json as { id: number }[]).map((k) => k.id)).toEqual([2, 3, 4]);
  const again = await api.call('POST', '/1/keys', { body: { name: first!.name, key: first!.key } });
  expect([again.status, (again.json as { id: number }).id]).toEqual([200, 5]);
});

test('ids: an imported state whose sequence lags its rows still hands out fresh ids, as AUTOINCREMENT takes the larger', async () => {
  state().next_user_id = 2;
  state().next_key_id = 1;
  const user = (await api.call('POST', '/1/users', { body: { name: 'after-import' } })).json as { id: number };
  const key = (await api.call('POST', '/1/keys', { body: { name: 'after-import', key: 'sk-after' } })).json as { id: number };
  expect([user.id, key.id]).toEqual([8, 5]);
});
