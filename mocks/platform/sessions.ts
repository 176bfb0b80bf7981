/**
 * Sessions and their opaque tokens (decision 008): 15-minute access tokens, a rotating refresh token with
 * reuse detection, sessions that end 30 days after login. Only SHA-256 hashes of tokens are stored, and every
 * call looks its token up, so logout, password changes and freezes act at once.
 * @module
 */
import { sha256Hex } from '../core/encoding.js';
import { makeRoomForSession } from '../core/session-cap.js';
import { sweepWhenDue } from '../core/sweep.js';
import type { RequestContext } from '../core/types.js';
import { iso, newId, newSecret } from './ids.js';
import type { PlatformState, SessionRecord, UserRecord } from './state.js';

type Ctx = RequestContext<PlatformState>;

export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;
export const SESSION_TTL_MS = 30 * 86_400_000;
/** Access tokens a session keeps, newest first: a refresh loop must not grow the table; older ones answer 40101. */
export const ACCESS_TOKENS_KEPT = 4;
/**
 * Refresh tokens a session keeps: the live one and the newest rotated ones, whose reuse still revokes the session.
 * An older rotated one is unknown, which answers the same 40103 (without revoking: it grants nothing either way).
 */
export const REFRESH_TOKENS_KEPT = 8;

/** The token part of a login or refresh answer (`TokenPair`). */
export interface TokenPair {
  token_type: 'Bearer';
  access_token: string;
  expires_in: number;
  expires_at: string;
  refresh_token: string;
  refresh_expires_at: string;
}

/**
 * Starts a session for `user` and returns its first token pair.
 *
 * @example
 * const pair = await startSession(ctx, user);
 */
export async function startSession(ctx: Ctx, user: UserRecord): Promise<TokenPair> {
  const now = ctx.clock.now();
  pruneSessions(ctx.state, now);
  // Ended (revoked) sessions end first, so at the cap they go before any live one does.
  for (const dropped of makeRoomForSession(ctx.state.sessions, (s) => Math.min(s.expires_at, s.revoked_at ?? Infinity))) {
    forgetTokensHeldBy(ctx.state, dropped);
  }
  const session: SessionRecord = { session_id: newId('ses_', now, ctx.random), user_id: user.user_id, created_at: now, expires_at: now + SESSION_TTL_MS, revoked_at: null, tokens: { access: [], refresh: [] } };
  ctx.state.sessions[session.session_id] = session;
  return issuePair(ctx, session);
}

/**
 * A new access and refresh token for `session` (the session's end does not move).
 *
 * @example
 * return ok(await issuePair(ctx, session));
 */
export async function issuePair(ctx: Ctx, session: SessionRecord): Promise<TokenPair> {
  const now = ctx.clock.now();
  const access = newSecret('at_', ctx.random);
  const refresh = newSecret('rt_', ctx.random);
  const accessExpires = Math.min(now + ACCESS_TOKEN_TTL_MS, session.expires_at);
  const [accessHash, refreshHash] = [await sha256Hex(access), await sha256Hex(refresh)];
  ctx.state.access_tokens[accessHash] = { session_id: session.session_id, expires_at: accessExpires };
  ctx.state.refresh_tokens[refreshHash] = { session_id: session.session_id, rotated_at: null };
  // Sessions from exports that predate the lists keep their older tokens until the session is swept.
  const held = (session.tokens ??= { access: [], refresh: [] });
  keepNewest(ctx.state.access_tokens, held.access, accessHash, ACCESS_TOKENS_KEPT);
  keepNewest(ctx.state.refresh_tokens, held.refresh, refreshHash, REFRESH_TOKENS_KEPT);
  return {
    token_type: 'Bearer',
    access_token: access,
    expires_in: Math.max(1, Math.round((accessExpires - now) / 1000)),
    expires_at: iso(accessExpires),
    refresh_token: refresh,
    refresh_expires_at: iso(session.expires_at),
  };
}

function keepNewest(table: Record<string, unknown>, held: string[], hash: string, max: number): void {
  held.push(hash);
  for (const old of held.splice(0, Math.max(0, held.length - max))) delete table[old];
}

/**
 * Revokes sessions of `userId`: all of them, or all but `keep` (a password change keeps the caller's).
 *
 * @example
 * revokeSessions(ctx.state, user.user_id, ctx.clock.now());
 */
export function revokeSessions(state: PlatformState, userId: string, nowMs: number, keep?: string): void {
  for (const session of Object.values(state.sessions)) {
    if (session.user_id === userId && session.session_id !== keep && session.revoked_at === null) session.revoked_at = nowMs;
  }
}

/**
 * Forgets sessions that ended (by time or revocation) more than a day ago, with their tokens: a reused refresh
 * token of a long-dead session is simply unknown then, which answers the same 40103. Runs by the hourly sweep
 * (`mocks/core/sweep.ts`), so a sandbox holding thousands of sessions does not walk them all on every login.
 *
 * @example
 * pruneSessions(ctx.state, ctx.clock.now());
 */
export function pruneSessions(state: PlatformState, nowMs: number): void {
  sweepWhenDue(state.swept_at, 'sessions', nowMs, () => forgetDeadSessions(state, nowMs));
}

function forgetDeadSessions(state: PlatformState, nowMs: number): void {
  const dead = new Set<string>();
  for (const session of Object.values(state.sessions)) {
    const ended = Math.min(session.expires_at, session.revoked_at ?? Infinity);
    if (nowMs - ended > 86_400_000) dead.add(session.session_id);
  }
  if (dead.size === 0) return;
  for (const id of dead) delete state.sessions[id];
  forgetTokensOf(state, dead);
}

// What the session lists, without walking the token tables at every login at the cap; a session imported from
// before sessions listed their tokens has its rows found by walking.
function forgetTokensHeldBy(state: PlatformState, session: SessionRecord): void {
  if (!session.tokens) return forgetTokensOf(state, new Set([session.session_id]));
  for (const hash of session.tokens.access) delete state.access_tokens[hash];
  for (const hash of session.tokens.refresh) delete state.refresh_tokens[hash];
}

function forgetTokensOf(state: PlatformState, sessionIds: ReadonlySet<string>): void {
  for (const [hash, token] of Object.entries(state.access_tokens)) if (sessionIds.has(token.session_id)) delete state.access_tokens[hash];
  for (const [hash, token] of Object.entries(state.refresh_tokens)) if (sessionIds.has(token.session_id)) delete state.refresh_tokens[hash];
}

/** The outcome of looking up a bearer token, in the contract's check order. */
export type BearerLookup =
  | { kind: 'ok'; user: UserRecord; session: SessionRecord }
  | { kind: 'missing' | 'unknown' | 'revoked' | 'expired' }
  | { kind: 'frozen' };

/**
 * Resolves `Authorization: Bearer <token>` without writing state: missing or malformed → unknown token →
 * frozen user → revoked or ended session → expired access token.
 *
 * @example
 * const found = await lookupBearer(ctx);
 */
export async function lookupBearer(ctx: Ctx): Promise<BearerLookup> {
  const header = ctx.headers.get('authorization');
  const match = header ? /^Bearer +(\S+)$/i.exec(header.trim()) : null;
  if (!match) return { kind: 'missing' };
  const token = ctx.state.access_tokens[await sha256Hex(match[1]!)];
  const session = token ? ctx.state.sessions[token.session_id] : undefined;
  const user = session ? ctx.state.users.find((u) => u.user_id === session.user_id) : undefined;
  if (!token || !session || !user) return { kind: 'unknown' };
  if (user.status === 'frozen') return { kind: 'frozen' };
  const now = ctx.clock.now();
  if (session.revoked_at !== null || now >= session.expires_at) return { kind: 'revoked' };
  if (now >= token.expires_at) return { kind: 'expired' };
  return { kind: 'ok', user, session };
}
