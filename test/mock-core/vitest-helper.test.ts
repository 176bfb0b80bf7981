import { describe, expect, test } from 'vitest';
import { DIALECT_NAMES } from '../../mocks/index.js';
import { DIALECT_CLIENTS, useReferenceServer } from '../../mocks/vitest.js';

test('vitest helper: every dialect of the registry has its SDK client', () => {
  expect(Object.keys(DIALECT_CLIENTS).sort()).toEqual([...DIALECT_NAMES].sort());
});

describe('newapi, in-process', () => {
  const sandbox = useReferenceServer({ dialect: 'newapi' });

  test('vitest helper: a ready client logs in as the seeded root', async () => {
    const client = sandbox.client();
    await client.auth.login({ username: 'root', password: '123456' });
    expect((await client.self.retrieve()).username).toBe('root');
  });

  test('vitest helper: each test starts from the seed (the previous test changed nothing here)', async () => {
    expect(sandbox.server.requests).toEqual([]);
    const frozen = sandbox.server.clock.now();
    await Promise.resolve();
    expect(sandbox.server.clock.now()).toBe(frozen);
  });
});

describe('opencat, over HTTP', () => {
  const sandbox = useReferenceServer({ dialect: 'opencat', transport: 'http' });

  test('vitest helper: the client reaches the server over a loopback port with the root token', async () => {
    expect(sandbox.baseURL).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const root = sandbox.server.accounts[0]!;
    const users = await sandbox.client({ token: root.token }).users.list();
    expect(users.items.map((u) => u.name)).toContain(root.username);
  });
});

describe('aether, in-process', () => {
  const sandbox = useReferenceServer({ dialect: 'aether' });

  test('vitest helper: the seeded admin logs in by email', async () => {
    const admin = sandbox.server.accounts.find((a) => a.role === 'admin')!;
    const client = sandbox.client();
    await client.auth.login({ email: admin.email!, password: admin.password });
    expect((await client.me.retrieve()).email).toBe(admin.email);
  });
});

describe('before the file starts', () => {
  const sandbox = useReferenceServer({ dialect: 'platform' });
  // Read while vitest collects the tests, before any beforeAll ran.
  let early: unknown;
  try {
    void sandbox.server;
  } catch (error) {
    early = error;
  }

  test('vitest helper: reading the server before it started says where it is available', () => {
    expect(early).toEqual(new Error('Failed to use the reference server: it starts in beforeAll. Please call this inside a test or hook.'));
    expect(sandbox.server.dialect).toBe('platform');
  });
});
