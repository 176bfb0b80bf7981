import { expect, test } from 'vitest';
import { useReferenceServer } from '../support/lifecycle.js';
import { openCatRaw } from '../support/opencat-raw.js';
import type { components } from '../../src/opencat/generated/schema.js';

/**
 * What upstream checks, in its order, and the rules it applies to what it accepts: binding before the name
 * check, encoding/json's case-insensitive fields, untrimmed case-sensitive user names, the key name-prefix
 * rules, `to.Int` on path ids, and `?token=` taken as sent.
 */
const life = useReferenceServer('opencat');
const api = openCatRaw(life);
const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type KeyAnswer = components['schemas']['Key'];
const createKey = async (body: Record<string, unknown>) => (await api.call('POST', '/1/keys', { body })).json as KeyAnswer;

test('users: the bind runs first: a wrong type anywhere is 400 even when the name is empty', async () => {
  const answer = await api.call('POST', '/1/users', { body: { name: '', createdAt: 5 } });
  expect([answer.status, answer.text]).toEqual([400, '{"error":"json: cannot unmarshal number into Go struct field User.createdAt of type string"}']);
});

test('users: encoding/json matches member names case-insensitively and the last one wins', async () => {
  expect((await api.call('POST', '/1/users', { body: { NAME: 'shouty' } })).json).toMatchObject({ name: 'shouty' });
  expect((await api.call('POST', '/1/users', { body: '{"name":"first","Name":"second"}' })).json).toMatchObject({ name: 'second' });
  // A later null leaves the name as it was (Go skips null for a string).
  expect((await api.call('POST', '/1/users', { body: '{"name":"kept","name":null}' })).json).toMatchObject({ name: 'kept' });
});

test('users: a lone surrogate escape decodes to U+FFFD, so two names that differ only there are the same name', async () => {
  expect((await api.call('POST', '/1/users', { body: '{"name":"x\\ud800"}' })).json).toMatchObject({ name: 'x\ufffd' });
  expect((await api.call('POST', '/1/users', { body: '{"name":"x\\udbff"}' })).text).toBe('{"error":"constraint failed: UNIQUE constraint failed: users.name (2067)"}');
});

test('users: names are taken as sent: not trimmed, case-sensitive, a lone space allowed', async () => {
  for (const name of [' ', ' bob', 'bob', 'Bob', '<b>&']) {
    const answer = await api.call('POST', '/1/users', { body: { name } });
    expect([answer.status, (answer.json as { name: string }).name], JSON.stringify(name)).toEqual([200, name]);
  }
});

test('users: a token or id in the body is ignored; the id comes from the sequence and the token is fresh', async () => {
  const next = life.server.state.next_user_id;
  const user = (await api.call('POST', '/1/users', { body: { name: 'picky', token: 'chosen', id: 1, IsDelete: true } })).json as { id: number; token: string };
  expect(user.id).toBe(next);
  expect(user.token).toMatch(UUID_V4);
});

test('keys: the name is trimmed (Go\'s spaces, not U+FEFF) and lower-cased one code point at a time', async () => {
  expect((await createKey({ name: '\u00a0 My-KEY\u3000', key: ' sk-1 \n' })).name).toBe('my-key');
  expect((await createKey({ name: '\ufeffBom', key: 'sk-2' })).name).toBe('\ufeffbom');
  expect((await createKey({ name: 'İSTANBUL', key: 'sk-3' })).name).toBe('istanbul');
  expect(((await api.call('GET', '/1/keys')).json as KeyAnswer[]).find((k) => k.name === 'my-key')!.key).toBe('sk-1');
});

test('keys: the name prefix picks the type before api_type; the second dot segment is the resource', async () => {
  expect(await createKey({ name: 'Azure.Res.EastUS', key: 'a', api_type: 'claude', endpoint: 'https://e' })).toMatchObject({
    name: 'azure.res.eastus', ApiType: 'azure', EndPoint: 'https://e', ResourceNmae: 'res', DeploymentName: '',
  });
  expect(await createKey({ name: 'claude.crew', key: 'c' })).toMatchObject({ ApiType: 'claude', EndPoint: 'https://api.anthropic.com', ResourceNmae: 'crew' });
  expect(await createKey({ name: 'claude.own', key: 'c2', endpoint: 'https://proxy' })).toMatchObject({ ApiType: 'claude', EndPoint: 'https://proxy' });
  expect(await createKey({ name: 'google.x', key: 'g' })).toMatchObject({ ApiType: 'google', EndPoint: '', ResourceNmae: 'x' });
  expect(await createKey({ name: 'azure.', key: 'a2' })).toMatchObject({ ApiType: 'azure', ResourceNmae: '' });
});

test('keys: without a prefix, no api_type is openai and drops the endpoint; any other api_type is kept verbatim', async () => {
  expect(await createKey({ name: 'plain', key: 'p', endpoint: 'https://dropped' })).toMatchObject({ ApiType: 'openai', EndPoint: '', ResourceNmae: '' });
  expect(await createKey({ name: 'doc', key: 'd', api_type: 'azure_openai', endpoint: 'https://my-res.openai.azure.com/' })).toMatchObject({
    ApiType: 'azure_openai', EndPoint: 'https://my-res.openai.azure.com/', ResourceNmae: 'my-res',
  });
  expect(await createKey({ name: 'explicit', key: 'e', api_type: 'openai', endpoint: 'https://a.b.openai.azure.com' })).toMatchObject({ ApiType: 'openai', ResourceNmae: 'a.b' });
  expect(await createKey({ name: 'upper', key: 'u', api_type: ' OpenAI ' })).toMatchObject({ ApiType: ' OpenAI ' });
});

test('keys: an empty key and name are accepted once, and the answer then has no key or name member', async () => {
  const answer = await api.call('POST', '/1/keys', { body: {} });
  expect(answer.status).toBe(200);
  expect(answer.json).not.toHaveProperty('key');
  expect(answer.json).not.toHaveProperty('name');
  // SQLite checks the name's unique index before the key's (docs/fidelity.md).
  expect((await api.call('POST', '/1/keys', { body: {} })).text).toBe('{"error":{"message":"constraint failed: UNIQUE constraint failed: keys.name (2067)"}}');
});

test('ids: to.Int parses ParseBool first, then truncates ParseFloat: 5.9 deletes 5, 3e0 deletes 3, true resets root', async () => {
  const live = () => life.server.state.users.filter((u) => u.deleted_at === null).map((u) => u.id);
  expect(live()).toEqual([1, 2, 3, 4, 5, 6]);
  await api.call('DELETE', '/1/users/5.9');
  await api.call('DELETE', '/1/users/3e0');
  await api.call('DELETE', '/1/users/+4');
  expect(live()).toEqual([1, 2, 6]);
  const reset = (await api.call('POST', '/1/users/true/reset?token=via-true')).json as { id: number; token: string };
  expect([reset.id, reset.token]).toEqual([1, 'via-true']);
  await api.call('DELETE', '/1/keys/2.999', { headers: { authorization: 'Bearer via-true' } });
  await api.call('DELETE', '/1/keys/1_0', { headers: { authorization: 'Bearer via-true' } });
  await api.call('DELETE', '/1/keys/0x1p0', { headers: { authorization: 'Bearer via-true' } });
  expect(life.server.state.keys.map((k) => k.id)).toEqual([3, 4]);
});

test('reset: ?token= is stored as sent (no format check), an empty one means a fresh UUID, the own token is no conflict', async () => {
  const odd = (await api.call('POST', `/1/users/2/reset?token=${encodeURIComponent('with space & ünï')}`)).json as { token: string };
  expect(odd.token).toBe('with space & ünï');
  await api.call('POST', `/1/users/2/reset?token=${encodeURIComponent('a b&c')}`);
  expect((await api.call('GET', '/1/me', { headers: { authorization: 'Bearer a b&c' } })).status).toBe(200);
  const fresh = (await api.call('POST', '/1/users/2/reset?token=')).json as { token: string };
  expect(fresh.token).toMatch(UUID_V4);
  const same = await api.call('POST', `/1/users/2/reset?token=${fresh.token}`);
  expect([same.status, (same.json as { token: string }).token]).toEqual([200, fresh.token]);
});

test('reset: Go\'s query parsing: a pair with a semicolon or a bad escape is dropped, so the token is fresh', async () => {
  for (const query of ['token=a;b', 'token=100%', 'token=%zz']) {
    const answer = (await api.call('POST', `/1/users/2/reset?${query}`)).json as { token: string };
    expect(answer.token, query).toMatch(UUID_V4);
  }
});
