/**
 * The server's RSA key ring (decision 006): a new 2048-bit key every 24 h on the server clock, made lazily when
 * the public key is asked for; each key is accepted until 10 minutes after its successor was due; expired keys
 * are dropped with their replay hashes, and their ids kept so they answer "expired", not "unknown".
 * @module
 */
import { fromBase64, toBase64 } from '../core/encoding.js';
import { rsaKeyPairFor, seedOfKey } from '../core/rsa.js';
import { utcDateStamp } from './ids.js';
import type { PlatformState, RsaKeyRecord } from './state.js';

/** How long a key is the current one. */
export const KEY_ROTATION_MS = 24 * 3_600_000;
/** How long a key stays valid after its successor was due. */
export const KEY_GRACE_MS = 10 * 60_000;

const OAEP_SHA256 = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

/**
 * A new key record: `rsa_key_<UTC date>_<sequence of that day>`, valid for 24 h plus the grace window. With a
 * `seed`, the key material is the ring's nth key of that seed (n: how many keys the ring ever held), made once per
 * process, so a second server with the seed and every reset reuse it.
 *
 * @example
 * state.rsa_keys.push(await createKey(state, clock.now(), ctx.seed));
 */
export async function createKey(
  state: Pick<PlatformState, 'rsa_keys' | 'retired_key_ids'>,
  nowMs: number,
  seed?: number | string,
): Promise<RsaKeyRecord> {
  const pair = await rsaKeyPairFor(seed, state.rsa_keys.length + state.retired_key_ids.length);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const day = utcDateStamp(nowMs);
  const sameDay = [...state.retired_key_ids, ...state.rsa_keys.map((k) => k.key_id)].filter((id) => id.startsWith(`rsa_key_${day}_`)).length;
  return {
    key_id: `rsa_key_${day}_${String(sameDay + 1).padStart(3, '0')}`,
    private_pkcs8: toBase64(pkcs8),
    public_key_pem: pair.publicKeyPem,
    created_at: nowMs,
    expires_at: nowMs + KEY_ROTATION_MS + KEY_GRACE_MS,
    used: [],
  };
}

/**
 * The current key, rotating first when the newest one is 24 h old, and dropping keys past their expiry.
 * Writes state: only the public-key route calls it, so password routes never change the ring on a refusal.
 *
 * @example
 * const key = await currentKey(ctx.state, ctx.clock.now());
 */
export async function currentKey(state: PlatformState, nowMs: number): Promise<RsaKeyRecord> {
  // A ring that began with a seeded key rotates within its seed; read before pruning drops the keys that say so.
  const seed = state.rsa_keys.map((k) => seedOfKey(k.public_key_pem)).find((s) => s !== undefined);
  pruneKeys(state, nowMs);
  const newest = state.rsa_keys[state.rsa_keys.length - 1];
  if (newest && nowMs < newest.created_at + KEY_ROTATION_MS) return newest;
  const key = await createKey(state, nowMs, seed);
  state.rsa_keys.push(key);
  return key;
}

/**
 * Drops every key past its `expires_at` (and the hashes of the ciphertexts it accepted), remembering its id.
 *
 * @example
 * pruneKeys(ctx.state, ctx.clock.now());
 */
export function pruneKeys(state: PlatformState, nowMs: number): void {
  const expired = state.rsa_keys.filter((k) => nowMs >= k.expires_at);
  if (expired.length === 0) return;
  state.retired_key_ids.push(...expired.map((k) => k.key_id));
  state.rsa_keys = state.rsa_keys.filter((k) => nowMs < k.expires_at);
}

/** What a `key_id` names: a live key, a dead one, or nothing this server issued. */
export type KeyLookup = { kind: 'live'; key: RsaKeyRecord } | { kind: 'expired' } | { kind: 'unknown' };

/**
 * Looks up `keyId` without writing state.
 *
 * @example
 * const found = lookupKey(ctx.state, body.key_id, ctx.clock.now());
 */
export function lookupKey(state: PlatformState, keyId: string, nowMs: number): KeyLookup {
  const key = state.rsa_keys.find((k) => k.key_id === keyId);
  if (key) return nowMs < key.expires_at ? { kind: 'live', key } : { kind: 'expired' };
  return state.retired_key_ids.includes(keyId) ? { kind: 'expired' } : { kind: 'unknown' };
}

// Importing PKCS#8 costs a few milliseconds; decrypting under a cached key well under one. The cache is keyed by
// the key material itself, so servers (and state imports) never see each other's keys by id collision.
const imported = new Map<string, Promise<CryptoKey>>();
const CACHE_LIMIT = 32;

/**
 * The private key of a record as a WebCrypto key (non-extractable, decrypt only), imported once per process.
 *
 * @example
 * const privateKey = await privateKeyOf(found.key);
 */
export function privateKeyOf(key: RsaKeyRecord): Promise<CryptoKey> {
  let cached = imported.get(key.private_pkcs8);
  if (!cached) {
    if (imported.size >= CACHE_LIMIT) imported.delete(imported.keys().next().value!);
    cached = crypto.subtle.importKey('pkcs8', fromBase64(key.private_pkcs8) as BufferSource, OAEP_SHA256, false, ['decrypt']);
    // A failed import (a corrupted state import) must not stay cached.
    cached.catch(() => imported.delete(key.private_pkcs8));
    imported.set(key.private_pkcs8, cached);
  }
  return cached;
}
