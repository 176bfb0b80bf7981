/**
 * Password transport checks (decision 006/009), in the contract's order: `key_id` (40010 unknown, 40011
 * expired), then each ciphertext (40013 not 256 bytes of standard base64 that decrypt with RSA-OAEP-256 to
 * UTF-8, then 40012 already accepted). Nothing is written until the caller says the request got past its
 * captcha step, so a refusal before it leaves no state behind. There is no plaintext fallback.
 * @module
 */
import { toHex } from '../core/encoding.js';
import { decryptRsaOaep } from '../core/rsa.js';
import type { RequestContext } from '../core/types.js';
import { fail } from './envelope.js';
import { meetsPasswordPolicy } from './checks.js';
import { CODE } from './messages.js';
import { lookupKey, privateKeyOf } from './rsa-keys.js';
import type { PlatformState } from './state.js';

type Ctx = RequestContext<PlatformState>;

/** Decrypted password fields, and the step that marks their ciphertexts as used. */
export interface OpenedPasswords {
  /** The plaintexts, in the order the fields were given. */
  plain: string[];
  /** Records the ciphertexts as used under their key (from now on, a resend is 40012). */
  record(): void;
}

/** 256 bytes in standard base64 with padding: 344 characters ending in `==`. */
const CIPHERTEXT_FORMAT = /^[A-Za-z0-9+/]{342}==$/;

/**
 * Checks `key_id` and decrypts `ciphertexts` (one or two password fields sent under that key). Two equal
 * ciphertexts in one request are a replay of the first.
 *
 * @example
 * const opened = await openPasswords(ctx, body.key_id, [body.password]);
 * if (!opened.ok) return opened.response;
 */
export async function openPasswords(ctx: Ctx, keyId: string, ciphertexts: string[]): Promise<({ ok: true } & OpenedPasswords) | { ok: false; response: Response }> {
  const found = lookupKey(ctx.state, keyId, ctx.clock.now());
  if (found.kind === 'unknown') return { ok: false, response: fail(ctx, CODE.rsa_key_unknown) };
  if (found.kind === 'expired') return { ok: false, response: fail(ctx, CODE.rsa_key_expired) };
  const { key } = found;
  const privateKey = await privateKeyOf(key);
  const plain: string[] = [];
  const hashes: string[] = [];
  for (const field of ciphertexts) {
    const text = CIPHERTEXT_FORMAT.test(field) ? await decryptRsaOaep(privateKey, field) : undefined;
    if (text === undefined) return { ok: false, response: fail(ctx, CODE.ciphertext_invalid) };
    const hash = toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(field))));
    if (key.used.includes(hash) || hashes.includes(hash)) return { ok: false, response: fail(ctx, CODE.ciphertext_replayed) };
    plain.push(text);
    hashes.push(hash);
  }
  return { ok: true, plain, record: () => key.used.push(...hashes) };
}

/**
 * 42201 unless `password` meets the policy (8–32 printable ASCII, a letter and a digit).
 *
 * @example
 * const refused = policyRefusal(ctx, newPassword);
 * if (refused) return refused;
 */
export function policyRefusal(ctx: Ctx, password: string): Response | undefined {
  return meetsPasswordPolicy(password) ? undefined : fail(ctx, CODE.password_policy);
}
