/**
 * Identifiers, opaque secrets and timestamps in the formats the platform contract fixes: prefixed ULIDs,
 * `at_`/`rt_`/`captcha_` tokens, RFC 3339 seconds, and the UTC+8 day that quotas reset on.
 * @module
 */
import { toBase64Url } from '../core/encoding.js';
import type { Random } from '../core/random.js';

/** Crockford base32, the ULID alphabet (no I, L, O, U). */
const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/**
 * `prefix` + a 26-character ULID: 10 characters of time (so ids sort by creation) and 16 random ones, drawn
 * from the server's random source (a seeded server repeats its ids).
 *
 * @example
 * newId('u_', ctx.clock.now(), ctx.random); // 'u_01J…'
 */
export function newId(prefix: string, nowMs: number, random: Random): string {
  let time = '';
  let t = Math.max(0, Math.floor(nowMs));
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32]! + time;
    t = Math.floor(t / 32);
  }
  return prefix + time + random.string(16, CROCKFORD);
}

/**
 * The id pattern of one prefix, for path parameters (a malformed id is answered like an unknown one).
 *
 * @example
 * idPattern('key_').test(ctx.params.key_id!);
 */
export function idPattern(prefix: string): RegExp {
  return new RegExp(`^${prefix}[0-7][0-9A-HJKMNP-TV-Z]{25}$`);
}

/**
 * `prefix` + 43 base64url characters (32 random bytes): access, refresh and invitation tokens.
 *
 * @example
 * const accessToken = newSecret('at_', ctx.random);
 */
export function newSecret(prefix: string, random: Random, bytes = 32): string {
  return prefix + toBase64Url(random.bytes(bytes));
}

/**
 * RFC 3339 in UTC with second precision (`2024-01-01T12:00:00Z`), as every timestamp of the contract.
 *
 * @example
 * iso(ctx.clock.now());
 */
export function iso(ms: number): string {
  return new Date(Math.floor(ms / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * `iso` for nullable columns.
 *
 * @example
 * isoOrNull(user.last_login_at);
 */
export function isoOrNull(ms: number | null): string | null {
  return ms === null ? null : iso(ms);
}

/**
 * The date in China Standard Time (UTC+8), `YYYY-MM-DD`: daily quotas reset at its midnight.
 *
 * @example
 * chinaDay(ctx.clock.now()); // '2026-07-01'
 */
export function chinaDay(ms: number): string {
  return new Date(ms + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/**
 * The next 00:00 UTC+8 after `ms`, in epoch milliseconds (16:00Z).
 *
 * @example
 * iso(nextChinaMidnight(ctx.clock.now())); // '2026-07-01T16:00:00Z'
 */
export function nextChinaMidnight(ms: number): number {
  return (Math.floor((ms + CHINA_OFFSET_MS) / DAY_MS) + 1) * DAY_MS - CHINA_OFFSET_MS;
}

/**
 * The UTC date of `ms` as `YYYYMMDD`, for `rsa_key_YYYYMMDD_NNN`.
 *
 * @example
 * utcDateStamp(Date.UTC(2024, 0, 1)); // '20240101'
 */
export function utcDateStamp(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replace(/-/g, '');
}
