/**
 * The server side of RSA password transport: 2048-bit RSA-OAEP (SHA-256) key pairs from WebCrypto,
 * exported as SPKI PEM, and decryption that never throws (a bad ciphertext is an answer, not a crash).
 * @module
 */
import { fromBase64 as base64ToBytes, toBase64 as bytesToBase64 } from './encoding.js';

const OAEP_SHA256 = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

/** A generated key pair with its public half already in PEM. */
export interface RsaKeyPair {
  privateKey: CryptoKey;
  publicKeyPem: string;
}

/**
 * Generates a 2048-bit RSA-OAEP key pair. Extractable so the public half can be exported; the private
 * half is only ever used for `decrypt`.
 *
 * @example
 * const { publicKeyPem } = await generateRsaKeyPair();
 */
export async function generateRsaKeyPair(): Promise<RsaKeyPair> {
  const pair = await crypto.subtle.generateKey(
    { ...OAEP_SHA256, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['encrypt', 'decrypt'],
  );
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const lines = bytesToBase64(spki).match(/.{1,64}/g) ?? [];
  return { privateKey: pair.privateKey, publicKeyPem: `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n` };
}

// Generating a 2048-bit key costs 100-900 ms of CPU, most of a seeded server's start (issue 9: ready in <= 30 ms).
// A seeded server's keys are therefore made once per process and seed: the nth key of seed S is the same pair in
// every server started with S, before and after a reset. String(seed), as for the PRNG: seed 1 and '1' give one
// state. Unseeded servers never touch the cache. Bounded, so a run over many seeds (property tests) stays small.
const seededPairs = new Map<string, Promise<RsaKeyPair>>();
/** Public key PEM → the seed it was made for. */
const seedOfPem = new Map<string, string>();
const SEEDED_LIMIT = 256;

/**
 * The `index`th key pair of a server seeded with `seed`, generated on first use and cached for the process; a fresh
 * pair every call when `seed` is `undefined`. Two seeds never share a pair.
 *
 * @example
 * const first = await rsaKeyPairFor(1, 0); // the same pair for every server with seed 1
 */
export function rsaKeyPairFor(seed: number | string | undefined, index: number): Promise<RsaKeyPair> {
  if (seed === undefined) return generateRsaKeyPair();
  const name = JSON.stringify([String(seed), index]);
  const cached = seededPairs.get(name);
  if (cached) return cached;
  if (seededPairs.size >= SEEDED_LIMIT) {
    const [oldest, evicted] = seededPairs.entries().next().value!;
    seededPairs.delete(oldest);
    void evicted.then((pair) => seedOfPem.delete(pair.publicKeyPem), () => undefined);
  }
  const pair = generateRsaKeyPair();
  pair.then(
    (made) => seedOfPem.set(made.publicKeyPem, String(seed)),
    // A failed generation must not stay cached.
    () => seededPairs.delete(name),
  );
  seededPairs.set(name, pair);
  return pair;
}

/**
 * The seed a public key was made for by {@link rsaKeyPairFor}, or `undefined` for a key of an unseeded server (or
 * one this process did not make). Lets a key ring rotate within its seed without being told the seed again.
 *
 * @example
 * const seed = seedOfKey(state.rsa_keys[0].public_key_pem);
 */
export function seedOfKey(publicKeyPem: string): string | undefined {
  return seedOfPem.get(publicKeyPem);
}

/**
 * Decrypts a base64 RSA-OAEP ciphertext to a UTF-8 string, or `undefined` when it is not valid base64,
 * has the wrong length, or does not decrypt under this key. Never falls back to the input as plaintext.
 *
 * @example
 * const password = await decryptRsaOaep(privateKey, body.password);
 * if (password === undefined) return refuse('ciphertext undecryptable');
 */
export async function decryptRsaOaep(privateKey: CryptoKey, ciphertextBase64: string): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(ciphertextBase64);
  } catch {
    return undefined;
  }
  // A 2048-bit key only produces 256-byte ciphertexts; anything else is refused before the decrypt.
  if (bytes.length !== 256) return undefined;
  try {
    const plain = await crypto.subtle.decrypt(OAEP_SHA256, privateKey, bytes as BufferSource);
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return undefined;
  }
}

/**
 * Why `privatePkcs8Base64` and `publicKeyPem` are not a pair this server can use, or `undefined` when they are: the
 * private half must import as RSA-OAEP SHA-256 PKCS#8 with the 2048-bit modulus {@link decryptRsaOaep} expects, and
 * the PEM must be the SPKI of that same key (clients encrypt to the PEM; the server decrypts with the PKCS#8).
 * The state import refuses what this names, so a login never meets a key that throws.
 *
 * @example
 * const problem = await unusableRsaKeyPair(record.private_pkcs8, record.public_key_pem);
 * if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.reason });
 */
export async function unusableRsaKeyPair(privatePkcs8Base64: string, publicKeyPem: string): Promise<{ field: 'private_pkcs8' | 'public_key_pem'; reason: string } | undefined> {
  const privateHalf = await imported('pkcs8', () => base64ToBytes(privatePkcs8Base64));
  if (!privateHalf) return { field: 'private_pkcs8', reason: 'must be a base64 PKCS#8 RSA private key' };
  if (privateHalf.modulusLength !== 2048) return { field: 'private_pkcs8', reason: 'must be a 2048-bit RSA key' };
  const publicHalf = await imported('spki', () => base64ToBytes(pemBody(publicKeyPem)));
  if (!publicHalf) return { field: 'public_key_pem', reason: 'must be a PEM "PUBLIC KEY" (SPKI) of an RSA key' };
  if (publicHalf.jwk.n !== privateHalf.jwk.n || publicHalf.jwk.e !== privateHalf.jwk.e) return { field: 'public_key_pem', reason: 'must be the public half of private_pkcs8' };
  return undefined;
}

function pemBody(pem: string): string {
  const match = /^-----BEGIN PUBLIC KEY-----\r?\n([A-Za-z0-9+/=\r\n]+)-----END PUBLIC KEY-----\r?\n?$/.exec(pem);
  if (!match) throw new SyntaxError('not a PEM public key');
  return match[1]!;
}

// Extractable only here, to compare the modulus of both halves; the key the server decrypts with is imported apart.
async function imported(format: 'pkcs8' | 'spki', bytes: () => Uint8Array): Promise<{ jwk: JsonWebKey; modulusLength: number } | undefined> {
  try {
    const key = await crypto.subtle.importKey(format, bytes() as BufferSource, OAEP_SHA256, true, format === 'pkcs8' ? ['decrypt'] : ['encrypt']);
    return { jwk: await crypto.subtle.exportKey('jwk', key), modulusLength: (key.algorithm as RsaHashedKeyAlgorithm).modulusLength };
  } catch {
    return undefined;
  }
}
