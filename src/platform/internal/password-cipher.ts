import { encryptRsaOaep, importRsaOaepPublicKey } from '../../core/crypto/rsa-oaep.js';
import { ApiError } from '../../core/errors/api-error.js';
import { GatewayError } from '../../core/errors/gateway-error.js';
import { abortable } from '../../core/internal/abortable.js';
import type { RequestOptions } from '../../core/options.js';
import type { EncryptPassword, PasswordKey } from '../password.js';

/** The key is dropped this long before its `expires_at`, so a call never races the expiry (decision 006). */
const EARLY_MS = 60_000;
/** "Unknown key_id" and "expired key_id": the answers that a fresh key cures. */
const KEY_REFUSALS = new Set<unknown>([40010, 40011]);

interface CachedKey {
  key: PasswordKey;
  expiresAt: number;
  imported?: Promise<CryptoKey> | undefined;
}

/**
 * Encrypts password fields for one client: fetches the public key once and keeps it until shortly
 * before it expires, and when the server refuses the key (40010/40011) fetches a new one and sends
 * the call once more. Plaintext lives only in the arguments of {@link PasswordCipher.send}.
 */
export class PasswordCipher {
  #cached: CachedKey | undefined;
  #fetching: Promise<CachedKey> | undefined;
  readonly #fetchKey: (options?: RequestOptions) => Promise<PasswordKey & { expires_at: string }>;
  readonly #hook: EncryptPassword | undefined;

  constructor(fetchKey: (options?: RequestOptions) => Promise<PasswordKey & { expires_at: string }>, hook: EncryptPassword | undefined) {
    this.#fetchKey = fetchKey;
    this.#hook = hook;
  }

  /**
   * Encrypts every field of `passwords` under one key and hands `call` the ciphertexts plus `key_id`.
   * On a key refusal, `call` runs once more with a fresh key; its other inputs (the captcha token)
   * stay the same, which the server allows because it refuses before consuming them.
   */
  async send<K extends string, T>(passwords: Record<K, string>, call: (fields: Record<K, string> & { key_id: string }) => Promise<T>, options?: RequestOptions): Promise<T> {
    for (let attempt = 0; ; attempt++) {
      const entry = await this.#current(options);
      const fields = { key_id: entry.key.key_id } as Record<K, string> & { key_id: string };
      for (const name of Object.keys(passwords) as K[]) (fields as Record<K, string>)[name] = await this.#encrypt(entry, passwords[name]);
      try {
        return await call(fields);
      } catch (error) {
        if (attempt > 0 || !(error instanceof ApiError) || !KEY_REFUSALS.has(error.code)) throw error;
        if (this.#cached === entry) this.#cached = undefined;
      }
    }
  }

  #current(options: RequestOptions | undefined): Promise<CachedKey> {
    const cached = this.#cached;
    if (cached && Date.now() < cached.expiresAt) return Promise.resolve(cached);
    // Concurrent password calls share one key fetch. It runs without the first caller's signal, so aborting one
    // login does not cancel another's key; each caller still stops waiting when its own signal aborts.
    const { signal, ...shared } = options ?? {};
    this.#fetching ??= this.#fetchKey(shared)
      .then((key) => {
        const { key_id, public_key, algorithm } = key;
        return (this.#cached = { key: { key_id, public_key, algorithm }, expiresAt: Date.parse(key.expires_at) - EARLY_MS });
      })
      .finally(() => {
        this.#fetching = undefined;
      });
    return abortable(this.#fetching, signal);
  }

  async #encrypt(entry: CachedKey, password: string): Promise<string> {
    let ciphertext: unknown;
    if (this.#hook) {
      ciphertext = await this.#hook(password, entry.key);
    } else {
      try {
        ciphertext = await encryptRsaOaep(await this.#import(entry), password);
      } catch (cause) {
        if (cause instanceof GatewayError) throw cause;
        throw new GatewayError('Failed to encrypt a password: WebCrypto refused the key or the input.', { cause });
      }
    }
    // A hook that hands back its input would put the plaintext on the wire: refuse to send it.
    if (typeof ciphertext !== 'string' || ciphertext === '' || ciphertext === password) {
      throw new GatewayError('Failed to encrypt a password: the encryption gave no ciphertext. Please check the encryptPassword option.');
    }
    return ciphertext;
  }

  #import(entry: CachedKey): Promise<CryptoKey> {
    if (entry.key.algorithm !== 'RSA-OAEP-256') {
      const algorithm = String(entry.key.algorithm).slice(0, 40);
      throw new GatewayError(`Failed to encrypt a password: the server's key is for ${algorithm}, not RSA-OAEP-256. Please pass an encryptPassword option that does ${algorithm}.`);
    }
    return (entry.imported ??= importRsaOaepPublicKey(entry.key.public_key).catch((error: unknown) => {
      entry.imported = undefined;
      throw error;
    }));
  }
}
