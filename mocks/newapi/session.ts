/**
 * Sessions. Upstream keeps them in a signed cookie (gin-contrib cookie store); here the cookie carries a random id
 * and the data lives in state, with the same attributes, lifetime and "one bag per cookie" semantics. State keys
 * a session by the SHA-256 of its id, never the id itself: a state export must hand out no working cookie.
 * @module
 */
import { serializeCookie } from '../core/cookies.js';
import { sha256HexSync, toBase64Url } from '../core/encoding.js';
import { makeRoomForSession } from '../core/session-cap.js';
import type { RequestContext } from '../core/types.js';
import type { NewApiState, SessionData, SessionRecord } from './state.js';

/** The cookie name (`sessions.Sessions("session", store)`). */
export const SESSION_COOKIE = 'session';
/** 30 days, upstream's `MaxAge`. */
export const SESSION_MAX_AGE_SECONDS = 2_592_000;

type Ctx = RequestContext<NewApiState>;

/**
 * The request's live session, if its cookie names one that has not expired.
 *
 * @example
 * const session = loadSession(ctx); if (session?.record.data.username !== undefined) { ... }
 */
export function loadSession(ctx: Ctx): { id: string; record: SessionRecord } | undefined {
  const id = ctx.cookies[SESSION_COOKIE];
  if (!id) return undefined;
  const key = sessionKey(id);
  const record = Object.hasOwn(ctx.state.sessions, key) ? ctx.state.sessions[key] : undefined;
  if (!record || record.expires_at <= ctx.clock.now()) return undefined;
  return { id, record };
}

/**
 * The key of the session whose cookie carries `id` in `state.sessions`.
 *
 * @example
 * server.state.sessions[sessionKey(cookieValue)];
 */
export function sessionKey(id: string): string {
  return sha256HexSync(id);
}

/**
 * Writes `data` into the request's session (creating one when there is none), refreshes its expiry as
 * gorilla's `Save` does, and returns the `Set-Cookie` value to send.
 *
 * @example
 * const cookie = saveSession(ctx, { id: user.id, username: user.username });
 */
export function saveSession(ctx: Ctx, data: SessionData, remove: ReadonlyArray<keyof SessionData> = []): string {
  const now = ctx.clock.now();
  const existing = loadSession(ctx);
  const id = existing?.id ?? newSessionId(ctx);
  const merged: SessionData = { ...existing?.record.data, ...data };
  for (const key of remove) delete merged[key];
  ctx.state.sessions[sessionKey(id)] = { data: merged, expires_at: now + SESSION_MAX_AGE_SECONDS * 1000 };
  return sessionCookie(id, SESSION_MAX_AGE_SECONDS, now);
}

/**
 * Ends the request's session (logout) and returns a `Set-Cookie` that expires the cookie.
 *
 * @example
 * const cookie = clearSession(ctx);
 */
export function clearSession(ctx: Ctx): string {
  const id = ctx.cookies[SESSION_COOKIE];
  if (id) delete ctx.state.sessions[sessionKey(id)];
  return sessionCookie('', -1, ctx.clock.now());
}

function sessionCookie(value: string, maxAge: number, now: number): string {
  return serializeCookie(SESSION_COOKIE, value, { path: '/', maxAge, now, httpOnly: true, sameSite: 'Strict' });
}

function newSessionId(ctx: Ctx): string {
  const sessions = ctx.state.sessions;
  const now = ctx.clock.now();
  for (const key of Object.keys(sessions)) if (sessions[key]!.expires_at <= now) delete sessions[key];
  makeRoomForSession(sessions, (session) => session.expires_at);
  return toBase64Url(ctx.random.bytes(32));
}
