/**
 * How opencat keeps the secrets upstream stores in clear (user tokens, upstream keys): a SHA-256 to look them up
 * and check uniqueness by, and a copy sealed under the server's in-memory key (mocks/core/sealer.ts) to answer
 * them in clear, as `GET /1/users` and `GET /1/keys` must. A state export hands out neither.
 * @module
 */
import { sha256HexSync } from '../core/encoding.js';
import type { Random } from '../core/random.js';
import { registerSealer, seal, unseal, type SealPurpose } from '../core/sealer.js';

/**
 * The digest a secret is looked up by.
 *
 * @example
 * users.find((u) => u.token_sha256 === digest(token));
 */
export function digest(secret: string): string {
  return sha256HexSync(secret);
}

/**
 * Creates the server's sealing key (from the seed when there is one). Called by the seed.
 *
 * @example
 * registerSecrets(ctx.random, ctx.seed);
 */
export function registerSecrets(random: Random, seed: number | string | undefined): void {
  registerSealer(random, seed, 'gatewaykit/opencat/secrets');
}

/**
 * The stored form of a user token.
 *
 * @example
 * Object.assign(user, await storedToken(ctx.random, uuidV4(ctx.random)));
 */
export async function storedToken(random: Random, token: string): Promise<{ token_sha256: string; token_sealed: string }> {
  return { token_sha256: digest(token), token_sealed: await seal(random, token, 'user-token') };
}

/**
 * The stored form of an upstream key's secret.
 *
 * @example
 * Object.assign(row, await storedKey(ctx.random, 'sk-…'));
 */
export async function storedKey(random: Random, key: string): Promise<{ key_sha256: string; key_sealed: string }> {
  return { key_sha256: digest(key), key_sealed: await seal(random, key, 'upstream-key') };
}

/**
 * A user token in clear.
 *
 * @example
 * const token = await openToken(ctx.random, user);
 */
export function openToken(random: Random, user: { token_sealed: string }): Promise<string> {
  return open(random, user.token_sealed, 'user-token');
}

/**
 * An upstream key's secret in clear.
 *
 * @example
 * const secret = await openKey(ctx.random, row);
 */
export function openKey(random: Random, key: { key_sealed: string }): Promise<string> {
  return open(random, key.key_sealed, 'upstream-key');
}

async function open(random: Random, sealed: string, purpose: SealPurpose): Promise<string> {
  const plain = await unseal(random, sealed, purpose);
  if (plain === undefined) {
    throw new Error('Failed to open a stored secret: it was sealed by another reference server (a state exported with another seed). Please import states from a server with the same seed.');
  }
  return plain;
}
