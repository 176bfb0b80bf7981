import { expect, test } from 'vitest';
import { createRandom } from '../../mocks/core/random.js';
import { registerSealer, seal, unseal } from '../../mocks/core/sealer.js';

test('sealer: a sealed value opens again for its purpose on the server that sealed it', async () => {
  const random = createRandom(1);
  registerSealer(random, 1, 'gatewaykit/test');
  const sealed = await seal(random, 'sk-secret', 'upstream-key');
  expect(sealed).toMatch(/^aesgcm\$/);
  expect(sealed).not.toContain('sk-secret');
  expect(await unseal(random, sealed, 'upstream-key')).toBe('sk-secret');
  expect(await unseal(random, sealed, 'user-token')).toBeUndefined();
});

test('sealer: one seed under two namespaces gives two keys; the same seed and namespace the same sealing', async () => {
  const [a, b, c] = [createRandom(1), createRandom(1), createRandom(1)];
  registerSealer(a, 7, 'gatewaykit/newapi/token-keys');
  registerSealer(b, 7, 'gatewaykit/opencat/secrets');
  registerSealer(c, 7, 'gatewaykit/newapi/token-keys');
  const sealed = await seal(a, 'token', 'user-token');
  expect(await unseal(b, sealed, 'user-token')).toBeUndefined();
  expect(await seal(c, 'token', 'user-token')).toBe(sealed);
  expect(await unseal(c, sealed, 'user-token')).toBe('token');
});

test('sealer: a value opened once is served from memory, and still only by the server that can open it', async () => {
  const [mine, other] = [createRandom(2), createRandom(3)];
  registerSealer(mine, 2, 'gatewaykit/test');
  registerSealer(other, 3, 'gatewaykit/test');
  const sealed = await seal(mine, 'cached', 'user-token');
  expect(await unseal(mine, sealed, 'user-token')).toBe('cached');
  expect(await unseal(mine, sealed, 'user-token')).toBe('cached');
  expect(await unseal(other, sealed, 'user-token')).toBeUndefined();
});
