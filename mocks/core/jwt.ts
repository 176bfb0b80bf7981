/**
 * JWT HS256 for the dialects whose upstream signs its own tokens (aether: PyJWT, access + refresh). Signing and
 * verification are `jose`'s; what this module adds is time from the server clock, so `exp` and `iat` follow
 * `server.clock.advance()` and a test never waits for a token to expire. Expiry is PyJWT's and jose's rule alike:
 * a token is expired once `exp <= now` (whole seconds), with no leeway.
 * @module
 */
import { errors, jwtVerify, SignJWT, type JWTPayload } from 'jose';
import type { Clock } from './clock.js';

/** The claims of a token; `exp` and `iat` are seconds since the epoch. */
export type JwtClaims = JWTPayload & Record<string, unknown>;

/** Why a token was refused, without anything of the token or the key in it. */
export type JwtFailure = 'expired' | 'invalid';

/**
 * Signs `claims` with HS256 under `secret`. `expiresInSeconds` sets `exp` from the server clock; claims are
 * written in the order given, header `{"alg":"HS256","typ":"JWT"}` as PyJWT writes it.
 *
 * @example
 * const access = await signJwt({ user_id: id, type: 'access' }, secret, ctx.clock, { expiresInSeconds: 86_400 });
 */
export async function signJwt(claims: JwtClaims, secret: string, clock: Pick<Clock, 'now'>, options: { expiresInSeconds?: number } = {}): Promise<string> {
  const payload: JwtClaims = { ...claims };
  if (options.expiresInSeconds !== undefined) payload.exp = Math.floor(clock.now() / 1000) + options.expiresInSeconds;
  return new SignJWT(payload).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(keyOf(secret));
}

/**
 * Verifies an HS256 token under `secret` at the server clock's time: the signature, the algorithm (only HS256) and
 * `exp`/`nbf` when present.
 *
 * @example
 * const checked = await verifyJwt(token, secret, ctx.clock);
 * if (!checked.ok) return unauthorized(checked.reason === 'expired' ? 'Token expired' : 'Invalid token');
 */
export async function verifyJwt(token: string, secret: string, clock: Pick<Clock, 'now'>): Promise<{ ok: true; claims: JwtClaims } | { ok: false; reason: JwtFailure }> {
  try {
    const { payload } = await jwtVerify(token, keyOf(secret), { algorithms: ['HS256'], currentDate: new Date(clock.now()) });
    return { ok: true, claims: payload as JwtClaims };
  } catch (error) {
    if (error instanceof errors.JWTExpired) return { ok: false, reason: 'expired' };
    if (error instanceof errors.JOSEError || error instanceof TypeError) return { ok: false, reason: 'invalid' };
    throw error;
  }
}

function keyOf(secret: string): Uint8Array {
  return new TextEncoder().encode(secret);
}
