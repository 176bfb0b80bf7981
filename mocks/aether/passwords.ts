/**
 * Passwords as upstream's bcrypt 4.3.0 (the `uv.lock` pin) sees them: only the first 72 bytes of the UTF-8 text
 * count, so a longer password also opens with any text after its 72nd byte. The core hashes those bytes, one
 * character per byte, so two passwords bcrypt cannot tell apart hash alike here too.
 * @module
 */
import type { RequestContext } from '../core/types.js';
import type { AetherState } from './state.js';

const BCRYPT_MAX_BYTES = 72;

function bcryptInput(password: string): string {
  const bytes = new TextEncoder().encode(password).subarray(0, BCRYPT_MAX_BYTES);
  return String.fromCharCode(...bytes);
}

/**
 * `user.set_password(password)`.
 *
 * @example
 * user.password_hash = await hashUserPassword(ctx, body.password);
 */
export function hashUserPassword(ctx: Pick<RequestContext<AetherState>, 'hashPassword'>, password: string): Promise<string> {
  return ctx.hashPassword(bcryptInput(password));
}

/**
 * `user.verify_password(password)`; an empty stored hash never matches.
 *
 * @example
 * if (!(await checkUserPassword(ctx, body.old_password, user.password_hash))) throw invalidRequest(LOGIN.wrongOldPassword);
 */
export function checkUserPassword(ctx: Pick<RequestContext<AetherState>, 'verifyPassword'>, password: string, stored: string): Promise<boolean> {
  return ctx.verifyPassword(bcryptInput(password), stored);
}

/**
 * The same, for the seed (which hashes before any request exists).
 *
 * @example
 * user.password_hash = await seedHash(ctx.hashPassword, password);
 */
export function seedHash(hash: (password: string) => Promise<string>, password: string): Promise<string> {
  return hash(bcryptInput(password));
}
