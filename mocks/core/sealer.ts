/**
 * The server's sealing key: AES-GCM under a key held only in the memory of the server that made it, for the
 * credentials a handler must read back in clear while a state export must hand out none of them (new-api's API
 * token keys and TOTP secrets, opencat's user tokens and upstream keys, Aether's API keys), plus secrets derived
 * from the same root (Aether's JWT signing key). Upstream stores them in clear (Aether: Fernet).
 *
 * The key of a seeded server is derived from its seed (the seed already determines every secret it draws, so this
 * discloses nothing new, and one seed still gives byte-identical state); an unseeded server draws a random one.
 * The IV is synthetic (an HMAC of the purpose and the plaintext), so sealing is deterministic and never reuses an
 * IV for two values. Each purpose is bound in as additional data: a sealed TOTP secret never opens as a token key.
 * @module
 */
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { fromBase64, toBase64, toHex } from './encoding.js';
import { ALPHANUMERIC, type Random } from './random.js';
import { asUuidV4, uuidText } from './uuid.js';

/** What a sealed value is: token keys keep the empty label they were sealed with before there were two purposes. */
export type SealPurpose = 'token-key' | 'totp-secret' | 'user-token' | 'upstream-key' | 'api-key';

const LABELS: Record<SealPurpose, string> = {
  'token-key': '',
  'totp-secret': 'totp-secret\u0000',
  'user-token': 'user-token\u0000',
  'upstream-key': 'upstream-key\u0000',
  // Aether's API keys, sealed under this label from the first.
  'api-key': 'aether/api-key',
};
/**
 * The form a derived secret takes where it is not `length` letters and digits: Aether's API keys carry `sk-`, and
 * opencat's user tokens are v4 UUIDs (from the first 16 bytes, so they are derived with `length` 16).
 */
const DERIVED_FORMS: Partial<Record<SealPurpose, (bytes: Uint8Array, length: number) => string>> = {
  'api-key': (bytes, length) => ['sk-', alphanumeric(bytes, length)].join(''),
  'user-token': (bytes) => uuidText(toHex(asUuidV4(bytes.slice(0, 16)))),
};
/** Opened values kept per server, so a list of thousands of sealed tokens decrypts each once; cleared when full. */
const OPENED_CACHE_LIMIT = 100_000;

interface Sealer {
  root: Uint8Array;
  seal(text: string, purpose: SealPurpose): Promise<string>;
  unseal(sealed: string, purpose: SealPurpose): Promise<string | undefined>;
  derive(index: number, length: number, purpose: SealPurpose): DerivedSecret;
}

/** A secret {@link derivedSecrets} made, and the value a row stores for it. */
export interface DerivedSecret {
  secret: string;
  /** `derived$<index>$<length>$<tag>`: no secret in it; {@link unseal} opens it on the server that made it. */
  sealed: string;
}

// Keyed by the engine's Random, the one object both the seed step and every request context share.
const sealers = new WeakMap<Random, Promise<Sealer>>();

/**
 * Creates the sealing key of the server that owns `random`, from its seed when it has one (under the dialect's
 * `namespace`, so two dialects with one seed never share a key). Called once, by the dialect's seed.
 *
 * @example
 * registerSealer(ctx.random, ctx.seed, 'gatewaykit/newapi/token-keys');
 */
export function registerSealer(random: Random, seed: number | string | undefined, namespace: string): void {
  const root = seed === undefined ? Promise.resolve(crypto.getRandomValues(new Uint8Array(32))) : digest(`${namespace}\u0000${String(seed)}`);
  sealers.set(random, root.then(createSealer));
}

/**
 * `text` sealed under the key of the server that owns `random`: `aesgcm$<iv>$<ciphertext>`.
 *
 * @example
 * record.secret_sealed = await seal(ctx.random, secret, 'totp-secret');
 */
export async function seal(random: Random, text: string, purpose: SealPurpose): Promise<string> {
  return (await sealerOf(random)).seal(text, purpose);
}

/**
 * The clear text of a {@link seal}ed value, or `undefined` when another server sealed it (an imported state) or it
 * was sealed for another purpose.
 *
 * @example
 * const secret = await unseal(ctx.random, twofa.secret_sealed, 'totp-secret');
 */
export async function unseal(random: Random, sealed: string, purpose: SealPurpose): Promise<string | undefined> {
  return (await sealerOf(random)).unseal(sealed, purpose);
}

/**
 * A synchronous maker of secrets for generated rows (`--users N`): the `index`th secret of `purpose`, `length`
 * alphanumeric characters derived from the server's root key (Aether's keys with `sk-` before them, opencat's
 * tokens a v4 UUID from 16 bytes), and what to store for it. Sealing a hundred thousand
 * keys through WebCrypto takes over ten seconds (two calls each, a thread hop apiece); deriving them is an HMAC.
 * Like a sealed value, the stored one opens only on a server with the same root (the same seed).
 *
 * @example
 * const derive = await derivedSecrets(ctx.random);
 * const { secret, sealed } = derive(7, 48, 'token-key');
 */
export async function derivedSecrets(random: Random): Promise<(index: number, length: number, purpose: SealPurpose) => DerivedSecret> {
  const sealer = await sealerOf(random);
  return (index, length, purpose) => sealer.derive(index, length, purpose);
}

/**
 * 32 bytes derived from the server's root key for `purpose` (a signing key, say): stable for one seed, never in
 * the state, and unrelated to the sealing keys.
 *
 * @example
 * const jwtKey = toHex(await derivedSecret(ctx.random, 'jwt'));
 */
export async function derivedSecret(random: Random, purpose: string): Promise<Uint8Array> {
  return concatDigest((await sealerOf(random)).root, `derived\u0000${purpose}`);
}

function sealerOf(random: Random): Promise<Sealer> {
  let sealer = sealers.get(random);
  if (!sealer) {
    registerSealer(random, undefined, '');
    sealer = sealers.get(random)!;
  }
  return sealer;
}

async function createSealer(root: Uint8Array): Promise<Sealer> {
  const aes = await crypto.subtle.importKey('raw', (await concatDigest(root, 'aes')) as BufferSource, 'AES-GCM', false, ['encrypt', 'decrypt']);
  const mac = await crypto.subtle.importKey('raw', (await concatDigest(root, 'siv')) as BufferSource, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const encoder = new TextEncoder();
  // Only this server's key opens these, so a value read from the cache is one it sealed itself.
  const opened = new Map<string, string>();
  const remember = (key: string, plain: string) => {
    if (opened.size >= OPENED_CACHE_LIMIT) opened.clear();
    opened.set(key, plain);
  };
  const params = (iv: Uint8Array, purpose: SealPurpose): AesGcmParams => {
    const label = LABELS[purpose];
    return label === '' ? { name: 'AES-GCM', iv: iv as BufferSource } : { name: 'AES-GCM', iv: iv as BufferSource, additionalData: encoder.encode(label) };
  };
  // Keyed once: each secret then costs two HMAC blocks, not a key schedule apiece.
  const keyed = hmac.create(sha256, await concatDigest(root, 'derived-secrets'));
  const derive = (index: number, length: number, purpose: SealPurpose): DerivedSecret => {
    // Bytes from HMAC blocks: `length` characters, then 8 bytes of tag that a foreign root cannot reproduce.
    const bytes = new Uint8Array(Math.ceil((length + 8) / 32) * 32);
    for (let block = 0; block * 32 < length + 8; block++) bytes.set(keyed.clone().update(encoder.encode(`${LABELS[purpose]}${index}\u0000${length}\u0000${block}`)).digest(), block * 32);
    const secret = (DERIVED_FORMS[purpose] ?? alphanumeric)(bytes, length);
    return { secret, sealed: ['derived', index, length, toHex(bytes.subarray(length, length + 8))].join('$') };
  };
  const openDerived = (index: number, length: number, purpose: SealPurpose, value: string): string | undefined => {
    if (!Number.isSafeInteger(index) || index < 0 || !Number.isInteger(length) || length < 1 || length > 256) return undefined;
    const derived = derive(index, length, purpose);
    return derived.sealed === value ? derived.secret : undefined;
  };
  return {
    root,
    derive,
    async seal(text, purpose) {
      const plain = encoder.encode(text);
      const iv = new Uint8Array(await crypto.subtle.sign('HMAC', mac, encoder.encode(LABELS[purpose] + text))).slice(0, 12);
      const sealed = new Uint8Array(await crypto.subtle.encrypt(params(iv, purpose), aes, plain));
      const value = `aesgcm$${toBase64(iv)}$${toBase64(sealed)}`;
      remember(`${purpose}$${value}`, text);
      return value;
    },
    async unseal(value, purpose) {
      const cacheKey = `${purpose}$${value}`;
      const cached = opened.get(cacheKey);
      if (cached !== undefined) return cached;
      const [scheme, iv, sealed] = value.split('$');
      if (scheme === 'derived') return openDerived(Number(iv), Number(sealed), purpose, value);
      if (scheme !== 'aesgcm' || iv === undefined || sealed === undefined) return undefined;
      try {
        const plain = new TextDecoder().decode(await crypto.subtle.decrypt(params(fromBase64(iv), purpose), aes, fromBase64(sealed) as BufferSource));
        remember(cacheKey, plain);
        return plain;
      } catch {
        return undefined;
      }
    },
  };
}

function alphanumeric(bytes: Uint8Array, length: number): string {
  const chars = new Array<string>(length);
  for (let i = 0; i < length; i++) chars[i] = ALPHANUMERIC[bytes[i]! % ALPHANUMERIC.length]!;
  return chars.join('');
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
