/**
 * Password hashing for the reference server: PBKDF2-SHA256 via WebCrypto, stored as
 * `pbkdf2$<iterations>$<saltB64>$<hashB64>`. Upstream servers use bcrypt; PBKDF2 is what WebCrypto offers in
 * every runtime, and the stored format is internal to the mock.
 * @module
 */
import { constantTimeEqual, fromBase64, toBase64 } from './encoding.js';
import type { Random } from './random.js';

/**
 * Cheap by default so in-process test suites stay fast; the CLI sandbox passes 310000 (OWASP 2023).
 * @default 1000
 */
export const DEFAULT_PASSWORD_HASH_ITERATIONS = 1000;

const SALT_BYTES = 16;
const HASH_BITS = 256;

/**
 * Hashes `password` with a fresh salt drawn from `random` (seeded servers therefore produce identical hashes).
 *
 * @example
 * const stored = await hashPassword('123456', { iterations: 1000, random: createRandom() });
 */
export async function hashPassword(password: string, options: { iterations: number; random: Random }): Promise<string> {
  const salt = options.random.bytes(SALT_BYTES);
  const hash = await derive(password, salt, options.iterations);
  return `pbkdf2$${options.iterations}$${toBase64(salt)}$${toBase64(hash)}`;
}

/**
 * Checks `password` against a stored hash in constant time. A malformed or empty stored value never matches.
 *
 * @example
 * if (await verifyPassword(input, user.password_hash)) { ... }
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== 'pbkdf2') return false;
  const iterations = Number(parts[1]);
  if (!Number.isSafeInteger(iterations) || iterations < 1) return false;
  let salt: Uint8Array, expected: Uint8Array;
  try {
    salt = fromBase64(parts[2]!);
    expected = fromBase64(parts[3]!);
  } catch {
    return false;
  }
  return constantTimeEqual(await derive(password, salt, iterations), expected);
}

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}
