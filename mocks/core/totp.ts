/**
 * TOTP as new-api's `pquerna/otp` configures it: HMAC-SHA1, 6 digits, 30 s periods, one period of skew
 * either way. The algorithm is otpauth's; this file only pins the parameters. Async so callers stay
 * unchanged should the implementation move to WebCrypto.
 * @module
 */
import { Secret, TOTP } from 'otpauth';

function totp(secret: string): TOTP {
  return new TOTP({ secret: Secret.fromBase32(secret), algorithm: 'SHA1', digits: 6, period: 30 });
}

/**
 * A base32 secret (no padding) from 20 bytes, the size authenticator apps expect: fresh random bytes by default,
 * or the given ones (a seeded server draws them from its own random source).
 *
 * @example
 * user.twofa = { secret: newTotpSecret(ctx.random.bytes(20)), ... };
 */
export function newTotpSecret(bytes?: Uint8Array): string {
  return (bytes ? new Secret({ buffer: bytes.slice().buffer }) : new Secret({ size: 20 })).base32;
}

/**
 * The 6-digit TOTP code for `secret` (base32) at `atMs` epoch milliseconds.
 *
 * @example
 * const code = await totpCode(user.twofa.secret, server.clock.now());
 */
export async function totpCode(secret: string, atMs: number): Promise<string> {
  return totp(secret).generate({ timestamp: atMs });
}

/**
 * Whether `code` is valid for `secret` at `atMs`, accepting one period of skew either way (pquerna/otp's default).
 *
 * @example
 * if (await verifyTotp(secret, '123456', clock.now())) { ... }
 */
export async function verifyTotp(secret: string, code: string, atMs: number): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  return totp(secret).validate({ token: code, timestamp: atMs, window: 1 }) !== null;
}
