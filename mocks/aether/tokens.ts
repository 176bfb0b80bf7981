/**
 * Upstream's JWTs (`src/services/auth/service.py`): HS256, access tokens for 24 hours with the claims
 * `{user_id, email, role, created_at, exp, type}`, refresh tokens for 7 days with `{user_id, email, exp, type}`, no
 * `iat` or `jti` (two logins in one second give the same token), and a blacklist of revoked access tokens keyed by
 * SHA-256, kept as long as Redis would keep it. The signing key is derived from the server's root key, so it is in
 * no state export.
 * @module
 */
import { sha256Hex, toHex } from '../core/encoding.js';
import { signJwt, verifyJwt, type JwtClaims } from '../core/jwt.js';
import { derivedSecret } from '../core/sealer.js';
import { sweepWhenDue } from '../core/sweep.js';
import { pythonIsoformat } from '../core/time-format.js';
import type { RequestContext } from '../core/types.js';
import { httpError } from './envelope.js';
import { AUTH } from './messages.js';
import type { AetherState, AetherUser } from './state.js';

type Ctx = Pick<RequestContext<AetherState>, 'random' | 'clock' | 'state'>;

/** `JWT_EXPIRATION_HOURS` (24). */
export const ACCESS_TOKEN_SECONDS = 24 * 3600;
/** `REFRESH_TOKEN_EXPIRATION_DAYS` (7). */
export const REFRESH_TOKEN_SECONDS = 7 * 86_400;

/** A new token pair for `user`, as login and refresh issue it. */
export async function issueTokens(ctx: Ctx, user: AetherUser): Promise<{ access_token: string; refresh_token: string }> {
  const secret = await signingKey(ctx);
  const nowSeconds = Math.floor(ctx.clock.now() / 1000);
  // Claims in upstream's order: the data, then `exp`, then `type`.
  const access = { user_id: user.id, email: user.email, role: user.role, created_at: pythonIsoformat(user.created_at), exp: nowSeconds + ACCESS_TOKEN_SECONDS, type: 'access' };
  const refresh = { user_id: user.id, email: user.email, exp: nowSeconds + REFRESH_TOKEN_SECONDS, type: 'refresh' };
  return { access_token: await signJwt(access, secret, ctx.clock), refresh_token: await signJwt(refresh, secret, ctx.clock) };
}

/**
 * `verify_token(token, type)`: the claims, or the 401 upstream raises (`无效的Token`, `Token已过期`, `Token类型错误…`,
 * `Token已被撤销`, in that order of checks).
 *
 * @example
 * const claims = await verifyToken(ctx, token, 'access');
 */
export async function verifyToken(ctx: Ctx, token: string, type: 'access' | 'refresh'): Promise<JwtClaims> {
  const checked = await verifyJwt(token, await signingKey(ctx), ctx.clock);
  if (!checked.ok) throw httpError(401, checked.reason === 'expired' ? AUTH.expired : AUTH.invalidToken);
  if (checked.claims.type !== type) throw httpError(401, AUTH.wrongType(type, checked.claims.type));
  if (await isRevoked(ctx, token)) throw httpError(401, AUTH.revoked);
  return checked.claims;
}

/**
 * `AuthService.logout(token)`: blacklists a token that verifies (its type and revocation unchecked) for the whole
 * seconds it has left, as Redis' `SETEX` would; `false` when it does not verify or has no `exp`.
 *
 * @example
 * const revoked = await revokeToken(ctx, token);
 */
export async function revokeToken(ctx: Ctx, token: string): Promise<boolean> {
  const checked = await verifyJwt(token, await signingKey(ctx), ctx.clock);
  if (!checked.ok || typeof checked.claims.exp !== 'number') return false;
  const now = ctx.clock.now();
  const ttlSeconds = Math.max(Math.trunc(checked.claims.exp - now / 1000), 0);
  if (ttlSeconds <= 0) return true;
  const revoked = ctx.state.revoked_tokens;
  sweepWhenDue(ctx.state.swept_at, 'revoked_tokens', now, () => {
    for (const [hash, until] of Object.entries(revoked)) if (until <= now) delete revoked[hash];
  });
  revoked[await sha256Hex(token)] = now + ttlSeconds * 1000;
  return true;
}

async function isRevoked(ctx: Ctx, token: string): Promise<boolean> {
  const hash = await sha256Hex(token);
  return Object.hasOwn(ctx.state.revoked_tokens, hash) && ctx.state.revoked_tokens[hash]! > ctx.clock.now();
}

async function signingKey(ctx: Pick<Ctx, 'random'>): Promise<string> {
  return toHex(await derivedSecret(ctx.random, 'aether/jwt'));
}
