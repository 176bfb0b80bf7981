/**
 * new-api's use of the server's sealing key (mocks/core/sealer.ts): API token keys and TOTP secrets, which a
 * handler must read back in clear while a state export hands out none of them. Upstream stores both in clear.
 * @module
 */
import { registerSealer as registerCoreSealer, seal as sealCore, unseal as unsealCore } from '../core/sealer.js';
import type { Random } from '../core/random.js';

/** What a sealed value is: token keys keep the empty label they were sealed with before there were two purposes. */
export type SealPurpose = 'token-key' | 'totp-secret';

const LABELS: Record<SealPurpose, string> = { 'token-key': '', 'totp-secret': 'totp-secret\u0000' };

/**
 * Creates the sealing key of the server that owns `random`, from its seed when it has one. Called once, by the seed.
 *
 * @example
 * registerSealer(ctx.random, ctx.seed);
 */
export function registerSealer(random: Random, seed: number | string | undefined): void {
  registerCoreSealer(random, seed, 'gatewaykit/newapi/token-keys');
}

/**
 * `text` sealed under the key of the server that owns `random`: `aesgcm$<iv>$<ciphertext>`.
 *
 * @example
 * record.secret_sealed = await seal(ctx.random, secret, 'totp-secret');
 */
export function seal(random: Random, text: string, purpose: SealPurpose): Promise<string> {
  return sealCore(random, text, LABELS[purpose]);
}

/**
 * The clear text of a {@link seal}ed value, or `undefined` when another server sealed it (an imported state) or it
 * was sealed for another purpose.
 *
 * @example
 * const secret = await unseal(ctx.random, twofa.secret_sealed, 'totp-secret');
 */
export function unseal(random: Random, sealed: string, purpose: SealPurpose): Promise<string | undefined> {
  return unsealCore(random, sealed, LABELS[purpose]);
}
