import { afterAll, expect, test } from 'vitest';
import { createReferenceServer } from '../../mocks/index.js';
import { likePattern } from '../../mocks/newapi/token-search.js';
import { json, loginAs, newApiServer, serverErrors } from './support.js';

afterAll(() => expect(serverErrors.splice(0)).toEqual([]));

const reveal = async (server: Awaited<ReturnType<typeof newApiServer>>, id: number) => {
  const headers = await loginAs(server, 'root', '123456');
  return (await server.fetch(`/api/token/${id}/key`, { method: 'POST', headers })).json();
};

test('token keys: every live seeded user starts with tokens; the same seed gives the same keys and sealed copies', async () => {
  const a = await newApiServer({ seed: 'keys' });
  const b = await newApiServer({ seed: 'keys' });
  expect(a.state.tokens).toEqual(b.state.tokens);
  const live = a.state.users.filter((u) => u.deleted_at === null).map((u) => u.id);
  expect([...new Set(a.state.tokens.map((t) => t.user_id))].sort()).toEqual(live.sort());
  expect((await reveal(a, 1)).data.key).toBe((await reveal(b, 1)).data.key);
});

test('token keys: a state exported by a server with another seed imports, but its keys cannot be revealed', async () => {
  const source = await newApiServer({ seed: 'one' });
  const target = await newApiServer({ seed: 'two' });
  const state = await (await source.fetch('/__mock/state')).json();
  expect((await target.fetch('/__mock/state', json('PUT', state))).status).toBe(200);
  expect(await reveal(target, 1)).toEqual({
    success: false,
    message: 'Failed to reveal the key: it was sealed by another reference server (imported state). Please create a new token.',
  });
});

test('token keys: an unseeded server seals with a random key, and still reveals its own keys after a reset', async () => {
  const server = createReferenceServer({ dialect: 'newapi', clock: { frozen: true } });
  await server.ready;
  const before = (await reveal(server, 1)).data.key;
  await server.reset();
  expect((await reveal(server, 1)).data.key).toBe(before);
  expect(before).toMatch(/^[0-9A-Za-z]{48}$/);
});

test('likePattern: checks run on the escaped text and count bytes', () => {
  expect(likePattern('%%a')).toEqual({ ok: false, error: '搜索模式中不允许包含连续的 % 通配符' });
  expect(likePattern('%a%b%')).toEqual({ ok: false, error: '搜索模式中最多允许包含 2 个 % 通配符' });
  expect(likePattern('a%')).toEqual({ ok: false, error: '使用模糊搜索时，关键词长度至少为 2 个字符' });
  expect(likePattern('!%').ok).toBe(true);
  expect(likePattern('é%').ok).toBe(true);
  const like = likePattern('a.b%');
  expect(like.ok && [like.test('A.Bxyz'), like.test('aXbxyz'), like.test('xa.b')]).toEqual([true, false, false]);
  const exact = likePattern('Émile');
  expect(exact.ok && [exact.test('Émile'), exact.test('émile')]).toEqual([true, false]);
});

const ROUTES: Array<[string, string]> = [
  ['GET', '/api/token/'], ['GET', '/api/token/search'], ['GET', '/api/token/1'], ['POST', '/api/token/'], ['PUT', '/api/token/'],
  ['DELETE', '/api/token/2'], ['POST', '/api/token/batch'], ['POST', '/api/token/1/key'], ['POST', '/api/token/batch/keys'],
  ['GET', '/api/user/2fa/status'], ['POST', '/api/user/2fa/setup'], ['POST', '/api/user/2fa/enable'], ['POST', '/api/user/2fa/disable'],
  ['POST', '/api/user/2fa/backup_codes'], ['GET', '/api/user/2fa/stats'], ['DELETE', '/api/user/3/2fa'], ['DELETE', '/api/user/x/2fa'],
];
const BODIES = [
  '', '{', 'null', '[]', '"text"', '42', '{"id":"1"}', '{"id":1e300}', '{"ids":null}', '{"ids":[1,"2"]}', '{"ids":[1.5]}',
  `{"ids":[${Array.from({ length: 150 }, (_, i) => i).join(',')}]}`, '{"name":"\\ud800","allow_ips":7}', '{"remain_quota":1e400}',
  '{"code":123456}', '{"code":"\\u0000"}', '{"code":"ABCD-123"}', '{"id":1,"status":1,"expired_time":-7}', '{"name":"x"} trailing',
  `{"a":${'['.repeat(500)}${']'.repeat(500)}}`,
];
const QUERIES = ['', '?p=-3&page_size=-1', '?keyword=%25_%25&token=sk-%25', '?keyword=%25%25&status_only=1', '?size=abc&token=!!'];

test('robustness: token and 2FA routes never answer 500, whatever the body or query', async () => {
  const server = await newApiServer();
  for (const [method, path] of ROUTES) {
    await server.reset();
    const root = await loginAs(server, 'root', '123456');
    for (const query of QUERIES) {
      for (const body of method === 'GET' ? [undefined] : BODIES) {
        const response = await server.fetch(`${path}${query}`, { method, headers: root, body });
        expect(response.status, `${method} ${path}${query} ${body ?? ''}`).not.toBe(500);
        await response.arrayBuffer();
      }
    }
  }
}, 30_000);
