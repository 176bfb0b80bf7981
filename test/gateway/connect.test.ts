import { expect, expectTypeOf, test } from 'vitest';
import { NewApiClient } from '../../src/newapi/index.js';
import { AuthenticationError, connect, isUnsupportedOperationError, OPERATIONS, UnsupportedOperationError, type Gateway } from '../../src/index.js';
import { useReferenceServer } from '../support/lifecycle.js';
import { connectTo, newApiAccount } from './support.js';

const newapi = useReferenceServer('newapi');

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
