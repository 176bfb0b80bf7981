/**
 * The server's sealing key: AES-GCM under a key held only in the memory of the server that made it, for the
 * credentials a handler must read back in clear while a state export must hand out none of them (new-api's token
 * keys and TOTP secrets, Aether's API keys), plus secrets derived from the same root (Aether's JWT signing key).
 *
 * The key of a seeded server is derived from its seed and the dialect's namespace (the seed already determines
 * every secret it draws, so this discloses nothing new, and one seed still gives byte-identical state); an unseeded
 * server draws a random one. The IV is synthetic (an HMAC of the label and the plaintext), so sealing is
 * deterministic and never reuses an IV for two values. A non-empty label is bound in as additional data: a value
 * sealed under one label never opens under another.
 * @module
 */
import { fromBase64, toBase64 } from './encoding.js';
import type { Random } from './random.js';

interface Sealer {
  root: Uint8Array;
  seal(text: string, label: string): Promise<string>;
  unseal(sealed: string, label: string): Promise<string | undefined>;
}

// Keyed by the engine's Random, the one object both the seed step and every request context share.
const sealers = new WeakMap<Random, Promise<Sealer>>();

/**
 * Creates the sealing key of the server that owns `random`, from its seed (within `namespace`) when it has one.
 * Called once, by the dialect's seed.
 *
 * @example
 * registerSealer(ctx.random, ctx.seed, 'gatewaykit/aether/keys');
 */
export function registerSealer(random: Random, seed: number | string | undefined, namespace: string): void {
  const root = seed === undefined ? Promise.resolve(crypto.getRandomValues(new Uint8Array(32))) : digest(`${namespace}\u0000${String(seed)}`);
  sealers.set(random, root.then(createSealer));
}

/**
 * `text` sealed under the key of the server that owns `random`: `aesgcm$<iv>$<ciphertext>`.
 *
 * @example
 * record.key_encrypted = await seal(ctx.random, plainKey, 'api-key');
 */
export async function seal(random: Random, text: string, label: string): Promise<string> {
  return (await sealerOf(random)).seal(text, label);
}

/**
 * The clear text of a {@link seal}ed value, or `undefined` when another server sealed it (an imported state) or it
 * was sealed under another label.
 *
 * @example
 * const key = await unseal(ctx.random, record.key_encrypted, 'api-key');
 */
export async function unseal(random: Random, sealed: string, label: string): Promise<string | undefined> {
  return (await sealerOf(random)).unseal(sealed, label);
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
  const params = (iv: Uint8Array, label: string): AesGcmParams =>
    label === '' ? { name: 'AES-GCM', iv: iv as BufferSource } : { name: 'AES-GCM', iv: iv as BufferSource, additionalData: encoder.encode(label) };
  return {
    root,
    async seal(text, label) {
      const plain = encoder.encode(text);
      const iv = new Uint8Array(await crypto.subtle.sign('HMAC', mac, encoder.encode(label + text))).slice(0, 12);
      const sealed = new Uint8Array(await crypto.subtle.encrypt(params(iv, label), aes, plain));
      return `aesgcm$${toBase64(iv)}$${toBase64(sealed)}`;
    },
    async unseal(value, label) {
      const [scheme, iv, sealed] = value.split('$');
      if (scheme !== 'aesgcm' || iv === undefined || sealed === undefined) return undefined;
      try {
        const plain = await crypto.subtle.decrypt(params(fromBase64(iv), label), aes, fromBase64(sealed) as BufferSource);
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
