/**
 * RFC 6238 TOTP (HMAC-SHA1, 6 digits, 30 s) with WebCrypto, the parameters authenticator apps and
 * `pquerna/otp` default to. Tests use {@link totpCode} to log in as a user whose 2FA is on.
 * @module
 */

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const PERIOD_SECONDS = 30;

/**
 * RFC 4648 base32 without padding, the form authenticator secrets take.
 *
 * @example
 * toBase32(new Uint8Array([0x66, 0x6f])); // 'MZXQ'
 */
export function toBase32(bytes: Uint8Array): string {
  let bits = 0, value = 0, out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

function fromBase32(text: string): Uint8Array {
  const clean = text.toUpperCase().replace(/[\s=]/g, '');
  const out: number[] = [];
  let bits = 0, value = 0;
  for (const char of clean) {
    const index = BASE32.indexOf(char);
    if (index < 0) throw new Error('Failed to decode the TOTP secret: it is not base32.');
    value = (value << 5) | index;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return new Uint8Array(out);
}

/**
 * The 6-digit TOTP code for `secret` (base32) at `atMs` epoch milliseconds.
 *
 * @example
 * const code = await totpCode(user.twofa.secret, server.clock.now());
 */
export async function totpCode(secret: string, atMs: number): Promise<string> {
  const counter = Math.floor(atMs / 1000 / PERIOD_SECONDS);
  const message = new Uint8Array(8);
  new DataView(message.buffer).setBigUint64(0, BigInt(counter));
  const key = await crypto.subtle.importKey('raw', fromBase32(secret) as BufferSource, { name: 'HMAC', hash: 'SHA-1' }, false, ['sign']);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 1_000_000).padStart(6, '0');
}

/**
 * Whether `code` is valid for `secret` at `atMs`, accepting one period of skew either way (pquerna/otp's default).
 *
 * @example
 * if (await verifyTotp(secret, '123456', clock.now())) { ... }
 */
export async function verifyTotp(secret: string, code: string, atMs: number): Promise<boolean> {
  if (!/^\d{6}$/.test(code)) return false;
  for (const skew of [0, -1, 1]) {
    if ((await totpCode(secret, atMs + skew * PERIOD_SECONDS * 1000)) === code) return true;
  }
  return false;
}
