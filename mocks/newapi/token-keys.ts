/**
 * API token keys: generation (`common.GenerateKey`: 48 characters of `[0-9a-zA-Z]`), masking (`MaskTokenKey`) and
 * storage. Upstream stores keys in clear. Here a row keeps the key's SHA-256, its masked form, and a copy sealed
 * by the server's sealer (`mocks/core/sealer.ts`), because the reveal routes must answer the full key while a state export
 * must hand out no working credential.
 * @module
 */
import { sha256Hex } from '../core/encoding.js';
import { ALPHANUMERIC, type Random } from '../core/random.js';
import { seal, unseal } from '../core/sealer.js';

/** The length of a key, without `sk-`. */
export const TOKEN_KEY_LENGTH = 48;

/** What a row stores about its key. */
export interface StoredKey {
  key_sha256: string;
  key_masked: string;
  key_sealed: string;
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
  // Joined, not a template: a template leaves a rope of three pieces that every token row would keep.
  return [key.slice(0, 4), '**********', key.slice(-4)].join('');
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
    const key_sealed = await seal(random, key, 'token-key');
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
  return unseal(random, row.key_sealed, 'token-key');
}
