/**
 * Base64 without Buffer, so the SDK runs in browsers and workers. `btoa`/`atob` take binary strings;
 * the loops turn bytes into those and back.
 *
 * @example
 * bytesToBase64(new Uint8Array([1, 2, 3])); // 'AQID'
 */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Base64 (whitespace ignored) to bytes.
 *
 * @example
 * base64ToBytes('AQID'); // Uint8Array [1, 2, 3]
 */
export function base64ToBytes(base64: string): Uint8Array {
  const binary = atob(base64.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
