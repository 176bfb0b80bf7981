/**
 * API token keys: generation (`common.GenerateKey`: 48 characters of `[0-9a-zA-Z]`), masking (`MaskTokenKey`) and
 * storage. Upstream stores keys in clear. Here a row keeps the key's SHA-256, its masked form, and a copy sealed
 * with AES-GCM under a key held in memory by the server that made it, because the reveal routes must answer the
 * full key while a state export must hand out no working credential.
 *
 * The sealing key of a seeded server is derived from its seed (the seed already determines every key it draws,
 * so this discloses nothing new, and one seed still gives byte-identical state); an unseeded server draws a random
 * one. The IV is synthetic (an HMAC of the key), so sealing is deterministic and never reuses an IV for two keys.
 * @module
 */
import { fromBase64, sha256Hex, toBase64 } from '../core/encoding.js';
import { ALPHANUMERIC, type Random } from '../core/random.js';

/** The length of a key, without `sk-`. */
export const TOKEN_KEY_LENGTH = 48;

/** What a row stores about its key. */
export interface StoredKey {
  key_sha256: string;
  key_masked: string;
  key_sealed: string;
}

interface Sealer {
  seal(key: string): Promise<string>;
  unseal(sealed: string): Promise<string | undefined>;
}

// Keyed by the engine's Random, the one object both the seed step and every request context share.
const sealers = new WeakMap<Random, Promise<Sealer>>();

/**
 * Creates the sealing key of the server that owns `random`, from its seed when it has one. Called once, by the seed.
 *
 * @example
 * registerSealer(ctx.random, ctx.seed);
 */
export function registerSealer(random: Random, seed: number | string | undefined): void {
  const root = seed === undefined ? Promise.resolve(crypto.getRandomValues(new Uint8Array(32))) : digest(`gatewaykit/newapi/token-keys\u0000${String(seed)}`);
  sealers.set(random, root.then(createSealer));
}

/**
 * `model.MaskTokenKey`: 4 characters, 10 asterisks, 4 characters (shorter keys are masked harder).
 *
 * @example
 * maskKey('abcd' + 'x'.repeat(40) + 'wxyz'); // 'abcd**********wxyz'
 */
export function maskKey(key: string): string {
  if (key === '') return '';
  if (key.length <= 4) return '*'.repeat(key.length);
  if (key.length <= 8) return `${key.slice(0, 2)}****${key.slice(-2)}`;
  return `${key.slice(0, 4)}**********${key.slice(-4)}`;
}

/**
 * A fresh key (unique among `taken` hashes, as upstream's unique index would have it) and what to store about it.
 *
 * @example
 * const { key, stored } = await newTokenKey(ctx.random, new Set(ctx.state.tokens.map((t) => t.key_sha256)));
 */
export async function newTokenKey(random: Random, taken: ReadonlySet<string>): Promise<{ key: string; stored: StoredKey }> {
  for (;;) {
    const key = random.string(TOKEN_KEY_LENGTH, ALPHANUMERIC);
    const key_sha256 = await sha256Hex(key);
    if (taken.has(key_sha256)) continue;
    const key_sealed = await (await sealerOf(random)).seal(key);
    return { key, stored: { key_sha256, key_masked: maskKey(key), key_sealed } };
  }
}

/**
 * The full key of a row, or `undefined` when it was sealed by another server (a state imported from elsewhere).
 *
 * @example
 * const key = await revealKey(ctx.random, token);
 */
export async function revealKey(random: Random, row: { key_sealed: string }): Promise<string | undefined> {
  return (await sealerOf(random)).unseal(row.key_sealed);
}

function sealerOf(random: Random): Promise<Sealer> {
  let sealer = sealers.get(random);
  if (!sealer) {
    registerSealer(random, undefined);
    sealer = sealers.get(random)!;
  }
  return sealer;
}

async function createSealer(root: Uint8Array): Promise<Sealer> {
  const derive = async (label: string) => concatDigest(root, label);
  const aes = await crypto.subtle.importKey('raw', (await derive('aes')) as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);
  const mac = await crypto.subtle.importKey('raw', (await derive('siv')) as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return {
    async seal(key) {
      const plain = new TextEncoder().encode(key);
      const iv = new Uint8Array(await crypto.subtle.sign('HMAC', mac, plain)).slice(0, 12);
      const sealed = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, aes, plain));
      return `aesgcm$${toBase64(iv)}$${toBase64(sealed)}`;
    },
    async unseal(value) {
      const [scheme, iv, sealed] = value.split('$');
      if (scheme !== 'aesgcm' || iv === undefined || sealed === undefined) return undefined;
      try {
        const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(iv) as BufferSource }, aes, fromBase64(sealed) as BufferSource);
        return new TextDecoder().decode(plain);
      } catch {
        return undefined;
      }
    },
  };
}

async function digest(text: string): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
}

async function concatDigest(root: Uint8Array, label: string): Promise<Uint8Array> {
  const labelBytes = new TextEncoder().encode(label);
  const input = new Uint8Array(root.length + labelBytes.length);
  input.set(root);
  input.set(labelBytes, root.length);
  return new Uint8Array(await crypto.subtle.digest('SHA-256', input));
}
