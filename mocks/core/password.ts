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

/** OWASP's 2023 figure for PBKDF2-SHA256, what the CLI sandbox uses: logins cost what they cost on a real server. */
export const SANDBOX_PASSWORD_HASH_ITERATIONS = 310_000;

/**
 * The most iterations a stored hash may name: above OWASP's current 600,000 for PBKDF2-SHA256 and the sandbox's
 * 310,000, and about a second of one core per login here. An imported hash past it would tie up a WebCrypto thread
 * for every login attempt against that account (WebCrypto itself takes up to 2^32 - 1: over an hour).
 */
export const MAX_PASSWORD_HASH_ITERATIONS = 1_000_000;

const SALT_BYTES = 16;
const HASH_BITS = 256;
// What a check without a stored hash derives against; its result is thrown away.
const NO_SALT = new Uint8Array(SALT_BYTES);

/**
 * Hashes `password` with a fresh salt drawn from `random` (seeded servers therefore produce identical hashes).
 *
 * @example
 * const stored = await hashPassword('123456', { iterations: 1000, random: createRandom() });
 */
export function hashPassword(password: string, options: { iterations: number; random: Random }): Promise<string> {
  return hashWithSalt(password, drawSalt(options.random), options.iterations);
}

/**
 * The salt {@link hashPassword} draws: split out so the engine draws it under the write lock, where the random
 * sequence is in request order, and derives the hash after releasing it (see docs/decisions/014).
 *
 * @example
 * const stored = await hashWithSalt('123456', drawSalt(random), 1000);
 */
export function drawSalt(random: Random): Uint8Array {
  return random.bytes(SALT_BYTES);
}

/**
 * {@link hashPassword} with a given salt.
 *
 * @example
 * const stored = await hashWithSalt('123456', drawSalt(random), 1000);
 */
export async function hashWithSalt(password: string, salt: Uint8Array, iterations: number): Promise<string> {
  const hash = await derive(password, salt, iterations);
  return `pbkdf2$${iterations}$${toBase64(salt)}$${toBase64(hash)}`;
}

/**
 * Checks `password` against a stored hash in constant time. A malformed or empty stored value (no account, an
 * account without a password) never matches, and still costs a derivation at `options.iterations`: the answer
 * time must not tell an unknown account from a wrong password.
 *
 * @example
 * if (await verifyPassword(input, user?.password_hash ?? '', { iterations: 310000 })) { ... }
 */
export async function verifyPassword(password: string, stored: string, options: { iterations: number } = { iterations: DEFAULT_PASSWORD_HASH_ITERATIONS }): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) {
    await derive(password, NO_SALT, options.iterations);
    return false;
  }
  return constantTimeEqual(await derive(password, parsed.salt, parsed.iterations), parsed.expected);
}

/**
 * Why the server could not verify a password against `stored`, or `undefined` when it can: the format
 * {@link hashPassword} writes, iterations within 1 … {@link MAX_PASSWORD_HASH_ITERATIONS}, a 256-bit hash.
 * The state import refuses what this names.
 *
 * @example
 * unverifiableHash('pbkdf2$99999999999$AAAA$AAAA'); // 'must name 1 to 1000000 iterations'
 */
export function unverifiableHash(stored: string): string | undefined {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== 'pbkdf2') return 'must be pbkdf2$<iterations>$<base64 salt>$<base64 hash>';
  if (parseIterations(parts[1]!) === undefined) return `must name 1 to ${MAX_PASSWORD_HASH_ITERATIONS} iterations`;
  const parsed = parseStored(stored);
  if (!parsed) return 'must hold base64 salt and hash';
  if (parsed.expected.length !== HASH_BITS / 8) return `must hold a ${HASH_BITS}-bit hash`;
  return undefined;
}

function parseIterations(text: string): number | undefined {
  const iterations = /^[1-9][0-9]*$/.test(text) ? Number(text) : NaN;
  return iterations >= 1 && iterations <= MAX_PASSWORD_HASH_ITERATIONS ? iterations : undefined;
}

function parseStored(stored: string): { iterations: number; salt: Uint8Array; expected: Uint8Array } | undefined {
  const parts = stored.split('$');
  if (parts.length !== 4 || parts[0] !== 'pbkdf2') return undefined;
  // Past the bound the hash is treated as unusable (never matches, costs the usual work), not derived for an hour.
  const iterations = parseIterations(parts[1]!);
  if (iterations === undefined) return undefined;
  try {
    return { iterations, salt: fromBase64(parts[2]!), expected: fromBase64(parts[3]!) };
  } catch {
    return undefined;
  }
}

// WebCrypto runs derivations on the same few threads (libuv's pool: 4 in Node) as the small operations most writes
// make (SHA-256, HMAC, AES-GCM), and PBKDF2 keeps a core busy. Eight logins at the sandbox's 310,000 iterations
// filled the pool: a token create waited ~300 ms for three small operations, and at two derivations at a time on 2
// cores it still took 1.8-2.8x its idle time. One derivation per core but one, at most two, leaves a core and most
// of the pool to everything else (docs/decisions/014). Process-wide, as the pool is.
const MAX_CONCURRENT_DERIVATIONS = Math.min(2, Math.max(1, ((globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator?.hardwareConcurrency ?? 2) - 1));
let running = 0;
const waiting: Array<() => void> = [];

async function derive(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  if (running >= MAX_CONCURRENT_DERIVATIONS) await new Promise<void>((resolve) => waiting.push(resolve));
  else running += 1;
  try {
    return await deriveNow(password, salt, iterations);
  } finally {
    // The slot passes straight to the next in line, so `running` never drops while anyone waits.
    const next = waiting.shift();
    if (next) next();
    else running -= 1;
  }
}

async function deriveNow(password: string, salt: Uint8Array, iterations: number): Promise<Uint8Array> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(password), 'PBKDF2', false, ['deriveBits']);
  const bits = await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, key, HASH_BITS);
  return new Uint8Array(bits);
}
