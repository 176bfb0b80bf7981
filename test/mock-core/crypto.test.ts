import { expect, onTestFinished, test, vi } from 'vitest';
import { hashPassword, unverifiableHash, verifyPassword } from '../../mocks/core/password.js';
import { createRandom } from '../../mocks/core/random.js';
import { derivedSecret, registerSealer, seal, unseal } from '../../mocks/core/sealer.js';
import { totpCode, verifyTotp } from '../../mocks/core/totp.js';

test('password: stored as pbkdf2$<iterations>$<salt>$<hash> and verified', async () => {
  const stored = await hashPassword('123456', { iterations: 1000, random: createRandom() });
  expect(stored).toMatch(/^pbkdf2\$1000\$[A-Za-z0-9+/]{22}==\$[A-Za-z0-9+/]{43}=$/);
  expect(await verifyPassword('123456', stored)).toBe(true);
  expect(await verifyPassword('1234567', stored)).toBe(false);
});

test('password: salts differ, so equal passwords hash differently', async () => {
  const random = createRandom();
  expect(await hashPassword('same', { iterations: 1000, random })).not.toBe(await hashPassword('same', { iterations: 1000, random }));
});

test('password: a malformed or empty stored value never matches', async () => {
  for (const stored of ['', 'bcrypt$x', 'pbkdf2$0$AA==$AA==', 'pbkdf2$10$!!$AA==']) expect(await verifyPassword('x', stored)).toBe(false);
});

test('password: a stored hash past 1,000,000 iterations never matches and is not derived, instead of throwing', async () => {
  const stored = await hashPassword('123456', { iterations: 1000, random: createRandom() });
  const [, , salt, hash] = stored.split('$');
  for (const iterations of ['99999999999', '1000001']) expect(await verifyPassword('123456', `pbkdf2$${iterations}$${salt}$${hash}`)).toBe(false);
  expect(unverifiableHash(`pbkdf2$99999999999$${salt}$${hash}`)).toBe('must name 1 to 1000000 iterations');
  expect(unverifiableHash(stored)).toBeUndefined();
});

test('password: at most two derivations run at once, so they leave WebCrypto threads to every other write', async () => {
  const stored = await hashPassword('123456', { iterations: 1000, random: createRandom() });
  const importKey = vi.spyOn(crypto.subtle, 'importKey');
  onTestFinished(() => importKey.mockRestore());
  // A derivation starts (imports its key) in the same turn as the call, unless it has to wait for a slot.
  const checks = Array.from({ length: 6 }, (_, i) => verifyPassword(i === 0 ? '123456' : 'wrong', stored));
  const started = importKey.mock.calls.length;
  expect(started).toBeGreaterThanOrEqual(1);
  expect(started).toBeLessThanOrEqual(2);
  expect(await Promise.all(checks)).toEqual([true, false, false, false, false, false]);
  expect(importKey).toHaveBeenCalledTimes(6);
});

test('random: the same seed gives the same sequence; save and restore rewind it', () => {
  const a = createRandom('s');
  const b = createRandom('s');
  expect(a.string(16, 'ab')).toBe(b.string(16, 'ab'));
  const position = a.save();
  const next = a.bytes(8);
  a.restore(position);
  expect(a.bytes(8)).toEqual(next);
  expect(createRandom('t').string(16, 'ab')).not.toBe(createRandom('s').string(16, 'ab'));
});

test('totp: matches the RFC 6238 SHA-1 test vectors (last six digits)', async () => {
  const secret = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ'; // "12345678901234567890"
  expect(await totpCode(secret, 59_000)).toBe('287082');
  expect(await totpCode(secret, 1_111_111_109_000)).toBe('081804');
  expect(await totpCode(secret, 2_000_000_000_000)).toBe('279037');
});

test('totp: one period of skew is accepted either way, two are not', async () => {
  const secret = 'JBSWY3DPEHPK3PXP';
  const now = 1_700_000_000_000;
  expect(await verifyTotp(secret, await totpCode(secret, now - 30_000), now)).toBe(true);
  expect(await verifyTotp(secret, await totpCode(secret, now + 30_000), now)).toBe(true);
  expect(await verifyTotp(secret, await totpCode(secret, now - 60_000), now)).toBe(false);
  expect(await verifyTotp(secret, 'abcdef', now)).toBe(false);
});

test('sealer: one seed and namespace seal alike; another namespace, label or server cannot open the value', async () => {
  const [a, b, other] = [createRandom(1), createRandom(1), createRandom(1)];
  registerSealer(a, 7, 'gatewaykit/test');
  registerSealer(b, 7, 'gatewaykit/test');
  registerSealer(other, 7, 'gatewaykit/other');
  const sealed = await seal(a, 'sk-secret', 'api-key');
  expect(sealed).toBe(await seal(b, 'sk-secret', 'api-key'));
  expect(sealed).not.toContain('sk-secret');
  expect(await unseal(b, sealed, 'api-key')).toBe('sk-secret');
  expect(await unseal(b, sealed, 'user-token')).toBeUndefined();
  expect(await unseal(other, sealed, 'api-key')).toBeUndefined();
  expect(await derivedSecret(a, 'jwt')).toEqual(await derivedSecret(b, 'jwt'));
  expect(await derivedSecret(a, 'jwt')).not.toEqual(await derivedSecret(other, 'jwt'));
  expect(await derivedSecret(a, 'jwt')).not.toEqual(await derivedSecret(a, 'other'));
});
