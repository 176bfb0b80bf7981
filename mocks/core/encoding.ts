/**
 * Byte encodings with Web APIs only (`btoa`/`atob` exist in browsers, workers and Node ≥ 16), so the reference
 * server runs anywhere without `Buffer`.
 * @module
 */

/**
 * Standard base64 (with `+/` and `=` padding) of `bytes`.
 *
 * @example
 * toBase64(new Uint8Array([1, 2, 3])); // 'AQID'
 */
export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i++) binary += String.fromCharCode(bytes[i]!);
  return btoa(binary);
}

/**
 * Bytes of a standard base64 string; throws on invalid input.
 *
 * @example
 * fromBase64('AQID'); // Uint8Array [1, 2, 3]
 */
export function fromBase64(text: string): Uint8Array {
  const binary = atob(text);
  const out = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
  return out;
}

/**
 * URL-safe base64 without padding, for ids that travel in cookies and URLs.
 *
 * @example
 * toBase64Url(new Uint8Array([251, 255])); // '-_8'
 */
export function toBase64Url(bytes: Uint8Array): string {
  return toBase64(bytes).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/**
 * Lowercase hex of `bytes`.
 *
 * @example
 * toHex(new Uint8Array([0, 255])); // '00ff'
 */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) out += bytes[i]!.toString(16).padStart(2, '0');
  return out;
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
