/**
 * Byte encodings with Web APIs only (`btoa`/`atob` exist in browsers, workers and Node ≥ 16), so the reference
 * server runs anywhere without `Buffer`.
 * @module
 */

// Standard base64 lives once, in the SDK core: the client and the server must agree byte for byte.
export { base64ToBytes as fromBase64, bytesToBase64 as toBase64 } from '../../src/core/crypto/base64.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToBase64 } from '../../src/core/crypto/base64.js';

/**
 * URL-safe base64 without padding, for ids that travel in cookies and URLs.
 *
 * @example
 * toBase64Url(new Uint8Array([251, 255])); // '-_8'
 */
export function toBase64Url(bytes: Uint8Array): string {
  return bytesToBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const HEX_BYTES = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));

/**
 * Lowercase hex of `bytes`.
 *
 * @example
 * toHex(new Uint8Array([0, 255])); // '00ff'
 */
export function toHex(bytes: Uint8Array): string {
  // Joined, not appended: `+=` leaves a rope of short pieces that a row keeps for life (700 bytes for one
  // SHA-256 instead of 80), which a hundred thousand token rows pay in full.
  const out = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) out[i] = HEX_BYTES[bytes[i]!]!;
  return out.join('');
}

/**
 * SHA-256 of a UTF-8 string, as lowercase hex. Used to store credentials (access tokens) as hashes only.
 *
 * @example
 * await sha256Hex('abc'); // 'ba7816bf…'
 */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return toHex(new Uint8Array(digest));
}

/**
 * {@link sha256Hex} without the promise, for lookups on paths that stay synchronous (the new-api session cookie is
 * read by sync helpers all over the handlers); the same digest, from @noble/hashes instead of WebCrypto.
 *
 * @example
 * sha256HexSync('abc'); // 'ba7816bf…'
 */
export function sha256HexSync(text: string): string {
  return toHex(sha256(new TextEncoder().encode(text)));
}

/**
 * Standard base64 of the SHA-256 of `text`, the form a Content-Security-Policy hash source (`'sha256-…'`) takes.
 *
 * @example
 * sha256Base64Sync('abc'); // 'ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0='
 */
export function sha256Base64Sync(text: string): string {
  return bytesToBase64(sha256(new TextEncoder().encode(text)));
}

/**
 * Compares two byte arrays in time that depends only on their length, not on where they differ.
 *
 * @example
 * constantTimeEqual(a, b);
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
