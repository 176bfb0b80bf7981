import { afterAll, expect, test } from 'vitest';
import { GENERATED_USER_PASSWORD, MAX_GENERATED_USERS } from '../../mocks/core/generated-users.js';
import { createRandom } from '../../mocks/core/random.js';
import { derivedSecrets, registerSealer, unseal } from '../../mocks/core/sealer.js';
import { createReferenceServer } from '../../mocks/index.js';
import { json, loginAs, newApiServer, serverErrors } from './support.js';

afterAll(() => expect(serverErrors.splice(0)).toEqual([]));

const exported = async (server: { fetch(path: string): Promise<Response> }) => (await server.fetch('/__mock/state')).text();

test('users: the same seed and count give byte-identical state; the seeded accounts stay as they were', async () => {
  const [a, b, plain] = await Promise.all([newApiServer({ seed: 3, users: 300 }), newApiServer({ seed: 3, users: 300 }), newApiServer({ seed: 3 })]);
  expect(await exported(a)).toBe(await exported(b));
  expect(a.state.users).toHaveLength(plain.state.users.length + 300);
  expect(a.state.users.slice(0, plain.state.users.length).map((u) => u.username)).toEqual(plain.state.users.map((u) => u.username));
  expect(a.accounts).toEqual(plain.accounts);
  expect(new Set(a.state.users.map((u) => u.username)).size).toBe(a.state.users.length);
  expect(new Set(a.state.users.map((u) => u.aff_code)).size).toBe(a.state.users.length);
});

test('users: 0 changes nothing', async () => {
  const [a, b] = await Promise.all([newApiServer({ seed: 4, users: 0 }), newApiServer({ seed: 4 })]);
  expect(await exported(a)).toBe(await exported(b));
});

test('users: a generated user logs in with the documented password and reveals their own key', async () => {
  const server = await newApiServer({ seed: 5, users: 20 });
  const user = server.state.users.at(-1)!;
  const headers = await loginAs(server, user.username, GENERATED_USER_PASSWORD);
  const list = (await (await server.fetch('/api/token/', { headers })).json()) as { data: { items: Array<{ id: number; key: string }> } };
  expect(list.data.items).toHaveLength(1);
  const token = server.state.tokens.find((t) => t.user_id === user.id)!;
  const revealed = (await (await server.fetch(`/api/token/${token.id}/key`, json('POST', {}, headers))).json()) as { data: { key: string } };
  expect(revealed.data.key).toMatch(/^[A-Za-z0-9]{48}$/);
  expect(revealed.data.key.slice(0, 4)).toBe(list.data.items[0]!.key.slice(0, 4));
  // The state holds the key's digest and a derivation note, never the key.
  expect(await exported(server)).not.toContain(revealed.data.key);
});

test('users: every generated user shares one password hash, so seeding does not hash per user', async () => {
  const server = await newApiServer({ seed: 6, users: 50 });
  const generated = server.state.users.slice(-50);
  expect(new Set(generated.map((u) => u.password_hash)).size).toBe(1);
});

test('users: a reset seeds the generated users again, to the same bytes', async () => {
  const server = await newApiServer({ seed: 7, users: 40 });
  const before = await exported(server);
  server.state.users.pop();
  server.state.tokens.length = 0;
  await server.reset();
  expect(await exported(server)).toBe(before);
});

test('users: a count that is not a whole number from 0 to 1,000,000 is refused before anything starts', () => {
  for (const users of [-1, 1.5, MAX_GENERATED_USERS + 1, Number.NaN]) {
    expect(() => createReferenceServer({ dialect: 'newapi', users })).toThrow(/users .* is out of range\. Please use a whole number from 0 to 1,000,000\./);
  }
});

test('sealer: a derived secret opens on a server with the same root and on no other', async () => {
  const [mine, same, other] = [createRandom(1), createRandom(1), createRandom(2)];
  registerSealer(mine, 1, 'gatewaykit/test');
  registerSealer(same, 1, 'gatewaykit/test');
  registerSealer(other, 2, 'gatewaykit/test');
  const { secret, sealed } = (await derivedSecrets(mine))(9, 48, 'token-key');
  expect(secret).toMatch(/^[A-Za-z0-9]{48}$/);
  expect(sealed).not.toContain(secret);
  expect(await unseal(same, sealed, 'token-key')).toBe(secret);
  expect(await unseal(same, sealed, 'user-token')).toBeUndefined();
  expect(await unseal(other, sealed, 'token-key')).toBeUndefined();
  expect(await unseal(same, sealed.replace('derived$9$', 'derived$10$'), 'token-key')).toBeUndefined();
});

test('users: every dialect generates users, so none refuses a count', async () => {
  for (const dialect of ['newapi', 'platform', 'aether', 'opencat'] as const) {
    const [server, plain] = [createReferenceServer({ dialect, seed: 1, users: 3 }), createReferenceServer({ dialect, seed: 1 })];
    await Promise.all([server.ready, plain.ready]);
    expect(server.state.users.length, dialect).toBe(plain.state.users.length + 3);
  }
});

test('sealer: a derived Aether key carries sk- and a derived opencat token is a v4 UUID; each opens as itself', async () => {
  const random = createRandom(3);
  registerSealer(random, 3, 'gatewaykit/test');
  const derive = await derivedSecrets(random);
  const key = derive(4, 32, 'api-key');
  const token = derive(4, 16, 'user-token');
  expect(key.secret).toMatch(/^sk-[A-Za-z0-9]{32}$/);
  expect(token.secret).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  expect([await unseal(random, key.sealed, 'api-key'), await unseal(random, token.sealed, 'user-token')]).toEqual([key.secret, token.secret]);
  expect(derive(9, 48, 'token-key').secret).toMatch(/^[A-Za-z0-9]{48}$/);
});
