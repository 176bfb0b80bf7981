import { expect, expectTypeOf, test } from 'vitest';
import { AetherClient } from '../../src/aether/index.js';
import { NewApiClient } from '../../src/newapi/index.js';
import { OpenCatClient } from '../../src/opencat/index.js';
import { AuthenticationError, connect, isUnsupportedOperationError, OPERATIONS, UnsupportedOperationError, type Gateway } from '../../src/index.js';
import { useReferenceServer } from '../support/lifecycle.js';
import { aetherGateway, connectTo, newApiAccount, openCatGateway } from './support.js';

const newapi = useReferenceServer('newapi');
const aether = useReferenceServer('aether');
const opencat = useReferenceServer('opencat');

test('connect: newapi logs in and answers a Gateway over a NewApiClient', async () => {
  const root = newApiAccount(newapi.server, 100);
  const gateway = await connectTo(newapi, 'newapi', { username: root.username, password: root.password });
  expect(gateway.dialect).toBe('newapi');
  expect(gateway.native).toBeInstanceOf(NewApiClient);
  expectTypeOf(gateway).toEqualTypeOf<Gateway<'newapi'>>();
  expectTypeOf(gateway.native).toEqualTypeOf<NewApiClient>();
  expect(await gateway.me()).toMatchObject({ id: String(gateway.native.userId), name: root.username, role: 'owner', status: 'active' });
});

test('connect: newapi takes an access token and user id instead of a login', async () => {
  const root = newApiAccount(newapi.server, 100);
  const login = await connectTo(newapi, 'newapi', { username: root.username, password: root.password });
  const accessToken = await login.native.self.generateAccessToken();
  const gateway = await connectTo(newapi, 'newapi', { accessToken, userId: login.native.userId! });
  expect((await gateway.me()).name).toBe(root.username);
});

test('connect: a wrong password is the dialect client’s own error, before any Gateway exists', async () => {
  const root = newApiAccount(newapi.server, 100);
  await expect(connectTo(newapi, 'newapi', { username: root.username, password: 'wrong-password' })).rejects.toBeInstanceOf(AuthenticationError);
  await expect(connectTo(newapi, 'newapi', { username: root.username, password: 'wrong-password' })).rejects.toMatchObject({ dialect: 'newapi', status: 200 });
});

test('connect: an unknown dialect is a TypeError naming the dialects', async () => {
  await expect(connect({ baseURL: newapi.baseURL, dialect: 'oneapi' as never, auth: {} as never })).rejects.toThrow(
    'Failed to connect: "oneapi" is not a dialect. Please pass newapi, platform, aether, opencat or auto.',
  );
});

test('capabilities: every operation has an entry, and every unsupported one names an alternative', async () => {
  const root = newApiAccount(newapi.server, 100);
  const { capabilities } = await connectTo(newapi, 'newapi', { username: root.username, password: root.password });
  expect(Object.keys(capabilities).sort()).toEqual([...OPERATIONS].sort());
  for (const [operation, capability] of Object.entries(capabilities)) if (!capability.supported) expect(capability.alternative, operation).toMatch(/\S/);
});

test('capabilities: an unsupported call rejects with UnsupportedOperationError naming the dialect and the alternative, and sends nothing', async () => {
  const root = newApiAccount(newapi.server, 100);
  const gateway = await connectTo(newapi, 'newapi', { username: root.username, password: root.password });
  const before = newapi.server.requests.length;
  const error = await gateway.usage.summary({ from: '2026-11-01', to: '2026-12-01' }).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(UnsupportedOperationError);
  expect(isUnsupportedOperationError(error)).toBe(true);
  expect(error).toMatchObject({ dialect: 'newapi', operation: 'usage.summary', alternative: gateway.capabilities['usage.summary'].alternative });
  expect((error as Error).message).toBe(
    `Failed to call usage.summary: the newapi dialect does not support it. Please use ${gateway.capabilities['usage.summary'].alternative} instead.`,
  );
  expect(newapi.server.requests.length).toBe(before);
});

test('capabilities: a userId on a keys call rejects as keys.forUser where the dialect has no such route', async () => {
  const root = newApiAccount(newapi.server, 100);
  const gateway = await connectTo(newapi, 'newapi', { username: root.username, password: root.password });
  await expect(gateway.keys.list({ userId: '2' })).rejects.toMatchObject({ name: 'UnsupportedOperationError', operation: 'keys.forUser' });
  await expect(gateway.keys.create({ name: 'ci', userId: '2' })).rejects.toMatchObject({ operation: 'keys.forUser' });
  await expect(gateway.keys.revoke('1', { userId: '2' })).rejects.toMatchObject({ operation: 'keys.forUser' });
});

test('connect: aether logs in by email and answers a Gateway over an AetherClient holding the tokens', async () => {
  const gateway = await aetherGateway(aether);
  expect(gateway.native).toBeInstanceOf(AetherClient);
  expectTypeOf(gateway.native).toEqualTypeOf<AetherClient>();
  expect(gateway.native.tokens?.access_token).toEqual(expect.any(String));
  expect(await gateway.me()).toMatchObject({ email: 'admin@localhost', role: 'admin' });
});

test('connect: aether starts from kept tokens without a login, and a wrong password is upstream’s own AuthenticationError', async () => {
  const tokens = (await aetherGateway(aether)).native.tokens!;
  const before = aether.server.requests.length;
  const kept = await connectTo(aether, 'aether', { tokens });
  expect(aether.server.requests.length).toBe(before);
  expect((await kept.me()).role).toBe('admin');
  const refused = await connectTo(aether, 'aether', { email: 'admin@localhost', password: 'not-the-password' }).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(AuthenticationError);
  expect(refused).toMatchObject({ dialect: 'aether', message: '邮箱或密码错误' });
});

test('connect: opencat takes a token and sends nothing until the first call; a wrong token fails there, as Unauthorized', async () => {
  const before = opencat.server.requests.length;
  const gateway = await connectTo(opencat, 'opencat', { token: 'not-a-team-token' });
  expect(opencat.server.requests.length).toBe(before);
  expect(gateway.native).toBeInstanceOf(OpenCatClient);
  await expect(gateway.me()).rejects.toMatchObject({ name: 'AuthenticationError', dialect: 'opencat', message: 'Unauthorized' });
  expect((await (await openCatGateway(opencat)).me()).role).toBe('owner');
});
