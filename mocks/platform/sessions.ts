/**
 * Sessions and their opaque tokens (decision 008): 15-minute access tokens, a rotating refresh token with
 * reuse detection, sessions that end 30 days after login. Only SHA-256 hashes of tokens are stored, and every
 * call looks its token up, so logout, password changes and freezes act at once.
 * @module
 */
import { sha256Hex } from '../core/encoding.js';
import type { RequestContext } from '../core/types.js';
import { iso, newId, newSecret } from './ids.js';
import type { PlatformState, SessionRecord, UserRecord } from './state.js';

type Ctx = RequestContext<PlatformState>;

export const ACCESS_TOKEN_TTL_MS = 15 * 60_000;
export const SESSION_TTL_MS = 30 * 86_400_000;

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
  const session: SessionRecord = { session_id: newId('ses_', now, ctx.random), user_id: user.user_id, created_at: now, expires_at: now + SESSION_TTL_MS, revoked_at: null };
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
  ctx.state.access_tokens[await sha256Hex(access)] = { session_id: session.session_id, expires_at: accessExpires };
  ctx.state.refresh_tokens[await sha256Hex(refresh)] = { session_id: session.session_id, rotated_at: null };
  return {
    token_type: 'Bearer',
    access_token: access,
    expires_in: Math.max(1, Math.round((accessExpires - now) / 1000)),
    expires_at: iso(accessExpires),
    refresh_token: refresh,
    refresh_expires_at: iso(session.expires_at),
  };
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

/** How often the sweep runs: it walks every session, so not on every login. */
const PRUNE_EVERY_MS = 3_600_000;

/**
 * Forgets sessions that ended (by time or revocation) more than a day ago, with their tokens: a reused refresh
 * token of a long-dead session is simply unknown then, which answers the same 40103. Runs at most once an hour
 * of server time, so a sandbox holding thousands of sessions does not walk them all on every login; when a
 * dead session is forgotten is invisible to clients.
 *
 * @example
 * pruneSessions(ctx.state, ctx.clock.now());
 */
export function pruneSessions(state: PlatformState, nowMs: number): void {
  // A sweep time ahead of the clock (moved back, or a state imported from a later one) must not stop sweeps.
  if (nowMs >= state.sessions_pruned_at && nowMs - state.sessions_pruned_at < PRUNE_EVERY_MS) return;
  state.sessions_pruned_at = nowMs;
  const dead = new Set<string>();
  for (const session of Object.values(state.sessions)) {
    const ended = Math.min(session.expires_at, session.revoked_at ?? Infinity);
    if (nowMs - ended > 86_400_000) dead.add(session.session_id);
  }
  if (dead.size === 0) return;
  for (const id of dead) delete state.sessions[id];
  for (const [hash, token] of Object.entries(state.access_tokens)) if (dead.has(token.session_id)) delete state.access_tokens[hash];
  for (const [hash, token] of Object.entries(state.refresh_tokens)) if (dead.has(token.session_id)) delete state.refresh_tokens[hash];
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
