import { expect, test } from 'vitest';
import { AuthenticationError, NotFoundError } from '../../src/index.js';
import { OpenCatClient } from '../../src/opencat/index.js';
import { useReferenceServer } from '../support/lifecycle.js';
import { aetherGateway, newApiGateway, openCatGateway, platformGateway } from './support.js';

const newapi = useReferenceServer('newapi');
const platform = useReferenceServer('platform');
const aether = useReferenceServer('aether');
const opencat = useReferenceServer('opencat');

test('keys.create (newapi): answers the new token with its id and full sk- secret, found after the id-less create', async () => {
  const gateway = await newApiGateway(newapi, 1);
  const before = newapi.server.requests.length;
  const key = await gateway.keys.create({ name: 'ci' });
  // The journal is newest first. GET /api/token/, POST /api/token/, GET /api/token/, POST /api/token/:id/key: as the JSDoc says.
  expect(newapi.server.requests.slice(0, newapi.server.requests.length - before).reverse().map((r) => `${r.method} ${r.path.split('?')[0]}`)).toEqual([
    'GET /api/token/',
    'POST /api/token/',
    'GET /api/token/',
    `POST /api/token/${key.id}/key`,
  ]);
  expect(key).toMatchObject({ name: 'ci', status: 'active', userId: String(gateway.native.userId) });
  expect(key.secret).toMatch(/^sk-[A-Za-z0-9]{48}$/);
  expect(key.masked).toBe(`sk-${key.secret.slice(3, 7)}**********${key.secret.slice(-4)}`);
  expect(key.expiresAt).toBeUndefined();
});

test('keys.list (newapi): the caller’s tokens masked, no secret; raw is the token as the list answers it', async () => {
  const gateway = await newApiGateway(newapi, 1);
  const created = await gateway.keys.create({ name: 'ci' });
  const listed = (await gateway.keys.list()).items.find((k) => k.id === created.id)!;
  expect(listed).toEqual({ ...created, secret: undefined, raw: listed.raw });
  expect('secret' in listed).toBe(false);
  expect(listed.raw).toEqual(await gateway.native.tokens.retrieve(Number(created.id)));
});

test('keys.create (newapi): expiresAt is sent as expired_time in Unix seconds', async () => {
  const gateway = await newApiGateway(newapi, 1);
  const at = new Date(newapi.server.clock.now() + 86_400_000);
  const key = await gateway.keys.create({ name: 'ci', expiresAt: at });
  expect(key.raw.expired_time).toBe(Math.floor(at.getTime() / 1000));
  expect(key.expiresAt).toBe(new Date(Math.floor(at.getTime() / 1000) * 1000).toISOString());
});

test('keys.revoke (newapi): the token is deleted; revoking it again is a NotFoundError', async () => {
  const gateway = await newApiGateway(newapi, 1);
  const { id } = await gateway.keys.create({ name: 'ci' });
  await gateway.keys.revoke(id);
  expect((await gateway.keys.list()).items.map((k) => k.id)).not.toContain(id);
  await expect(gateway.keys.revoke(id)).rejects.toBeInstanceOf(NotFoundError);
});

test('keys.create (platform): a production key with its secret; the list shows it by its prefix only', async () => {
  const gateway = await platformGateway(platform, 'personal');
  const key = await gateway.keys.create({ name: 'CI' });
  expect(key).toMatchObject({ id: key.raw.key_id, name: 'CI', status: 'active', masked: key.raw.key_prefix, secret: key.raw.api_key });
  expect(key.raw.key_type).toBe('production');
  const listed = (await gateway.keys.list()).items.find((k) => k.id === key.id)!;
  expect(listed).toMatchObject({ id: key.id, masked: key.masked, status: 'active' });
  expect('secret' in listed).toBe(false);
  expect(listed.raw).toEqual(await gateway.native.apiKeys.retrieve(key.id));
});

test('keys.create (platform): expiresAt is sent as expires_at and read back', async () => {
  const gateway = await platformGateway(platform, 'personal');
  // Whole seconds: the platform keeps expiry times to the second.
  const at = new Date(Math.floor(platform.server.clock.now() / 1000) * 1000 + 7 * 86_400_000).toISOString();
  const key = await gateway.keys.create({ name: 'CI', expiresAt: at });
  expect(new Date(key.expiresAt!).getTime()).toBe(new Date(at).getTime());
});

test('keys.revoke (platform): the key is deleted and gone from the list', async () => {
  const gateway = await platformGateway(platform, 'personal');
  const { id } = await gateway.keys.create({ name: 'CI' });
  await gateway.keys.revoke(id);
  expect((await gateway.keys.list()).items.map((k) => k.id)).not.toContain(id);
  await expect(gateway.keys.revoke(id)).rejects.toBeInstanceOf(NotFoundError);
});

test('keys.forUser: unsupported on newapi and platform, each naming connect() as that user', async () => {
  for (const gateway of [await newApiGateway(newapi), await platformGateway(platform)]) {
    expect(gateway.capabilities['keys.forUser']).toMatchObject({ supported: false });
    await expect(gateway.keys.list({ userId: '2' })).rejects.toMatchObject({ dialect: gateway.dialect, operation: 'keys.forUser', alternative: expect.stringContaining('connect() as that user') });
  }
});

test('keys.create / list / revoke (aether): for a user by userId, for the caller without; secret once, key_display as the mask', async () => {
  const gateway = await aetherGateway(aether);
  const mei = await gateway.users.create({ name: 'mei_chen', email: 'mei@example.com', password: 'Blue-lotus-42' });
  const issued = await gateway.keys.create({ name: 'laptop', userId: mei.id });
  expect(issued).toMatchObject({ name: 'laptop', status: 'active', userId: mei.id, masked: issued.raw.key_display });
  expect(issued.secret).toMatch(/^sk-[A-Za-z0-9]{32}$/);
  const [listed] = (await gateway.keys.list({ userId: mei.id })).items;
  expect(listed).toEqual({ ...issued, secret: undefined, raw: listed!.raw, expiresAt: undefined });
  expect(listed!.raw).toEqual((await gateway.native.users.apiKeys.list(mei.id)).api_keys[0]);

  const own = await gateway.keys.create({ name: 'mine' });
  expect((await gateway.keys.list()).items.map((k) => k.id)).toContain(own.id);
  await gateway.keys.revoke(own.id);
  await gateway.keys.revoke(issued.id, { userId: mei.id });
  expect((await gateway.keys.list({ userId: mei.id })).items).toEqual([]);
  expect((await gateway.keys.list()).items.map((k) => k.id)).not.toContain(own.id);
});

test('keys.create (aether): an expiry date is refused before any request (Aether counts whole days from its own now)', async () => {
  const gateway = await aetherGateway(aether);
  const before = aether.server.requests.length;
  await expect(gateway.keys.create({ name: 'laptop', expiresAt: '2030-01-01T00:00:00Z' })).rejects.toThrow('expire_days');
  expect(aether.server.requests.length).toBe(before);
});

test('keys (opencat): a user’s token is their one key; create replaces it, and the old token stops working', async () => {
  const gateway = await openCatGateway(opencat);
  const alice = await gateway.users.create({ name: 'alice' });
  const [first] = (await gateway.keys.list({ userId: alice.id })).items;
  expect(first).toMatchObject({ name: 'alice', userId: alice.id, status: 'active', masked: `${alice.raw.token.slice(0, 4)}...${alice.raw.token.slice(-4)}` });
  const issued = await gateway.keys.create({ name: 'laptop', userId: alice.id });
  expect(issued.id).not.toBe(first!.id);
  expect(issued.secret).toBe(issued.raw.token);
  expect((await gateway.keys.list({ userId: alice.id })).items.map((k) => k.id)).toEqual([issued.id]);
  await expect(new OpenCatClient({ baseURL: opencat.baseURL, fetch: opencat.fetch, token: alice.raw.token }).users.me()).rejects.toBeInstanceOf(AuthenticationError);
  expect((await new OpenCatClient({ baseURL: opencat.baseURL, fetch: opencat.fetch, token: issued.secret }).users.me()).name).toBe('alice');
});

test('keys.revoke (opencat): ends the token; a stale key id is a NotFoundError and leaves the token that replaced it working', async () => {
  const gateway = await openCatGateway(opencat);
  const alice = await gateway.users.create({ name: 'alice' });
  const issued = await gateway.keys.create({ name: 'laptop', userId: alice.id });
  await gateway.keys.revoke(issued.id, { userId: alice.id });
  await expect(new OpenCatClient({ baseURL: opencat.baseURL, fetch: opencat.fetch, token: issued.secret }).users.me()).rejects.toBeInstanceOf(AuthenticationError);

  const next = await gateway.keys.create({ name: 'laptop', userId: alice.id });
  await expect(gateway.keys.revoke(issued.id)).rejects.toBeInstanceOf(NotFoundError);
  expect((await new OpenCatClient({ baseURL: opencat.baseURL, fetch: opencat.fetch, token: next.secret }).users.me()).name).toBe('alice');
});

test('keys (opencat): an id that is no key id, or an expiry, is refused before any request', async () => {
  const gateway = await openCatGateway(opencat);
  const before = opencat.server.requests.length;
  await expect(gateway.keys.revoke('2')).rejects.toThrow('is not an OpenCat key id');
  await expect(gateway.keys.create({ name: 'x', userId: '2', expiresAt: new Date(0) })).rejects.toThrow('OpenCat tokens never expire');
  expect(opencat.server.requests.length).toBe(before);
});

test('keys.create / revoke (opencat): the caller’s own token is refused, so the gateway never ends the token it sends', async () => {
  const gateway = await openCatGateway(opencat);
  const before = opencat.server.requests.length;
  await expect(gateway.keys.create({ name: 'mine' })).rejects.toThrow('it would replace the token this gateway sends');
  expect(opencat.server.requests.length).toBe(before);
  await expect(gateway.keys.create({ name: 'mine', userId: '1' })).rejects.toBeInstanceOf(TypeError);
  const [own] = (await gateway.keys.list()).items;
  await expect(gateway.keys.revoke(own!.id)).rejects.toBeInstanceOf(TypeError);
  expect((await gateway.me()).role).toBe('owner');
});

test('keys.list().withResponse() (aether, one unpaged list): the keys and the answer of the dialect list they came from', async () => {
  const gateway = await aetherGateway(aether);
  const kai = await gateway.users.create({ name: 'kai_list', email: 'kai@example.com', password: 'Blue-lotus-42' });
  await gateway.keys.create({ name: 'desk', userId: kai.id });
  const { data: page, response } = await gateway.keys.list({ userId: kai.id }).withResponse();
  expect(page.items.map((k) => k.name)).toEqual(['desk']);
  expect([response.status, new URL(response.url).pathname]).toEqual([200, `/api/admin/users/${kai.id}/api-keys`]);
  expect((await response.json()).api_keys.map((k: { name: string }) => k.name)).toEqual(['desk']);
});
