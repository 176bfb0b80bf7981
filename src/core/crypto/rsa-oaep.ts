import { base64ToBytes, bytesToBase64 } from './base64.js';

const OAEP_SHA256 = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

/**
 * Imports an SPKI public key in PEM form (`-----BEGIN PUBLIC KEY-----`) for RSA-OAEP with SHA-256.
 *
 * @example
 * const key = await importRsaOaepPublicKey(pem);
 */
export function importRsaOaepPublicKey(pem: string): Promise<CryptoKey> {
  const body = pem.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '');
  return crypto.subtle.importKey('spki', base64ToBytes(body) as BufferSource, OAEP_SHA256, false, ['encrypt']);
}

/**
 * Encrypts a UTF-8 string with RSA-OAEP (SHA-256) and returns the ciphertext in base64. OAEP is
 * randomized: the same password gives a different ciphertext every time, which is what lets a server
 * refuse replays.
 *
 * @example
 * const field = await encryptRsaOaep(key, 'Aa123456!');
 */
export async function encryptRsaOaep(key: CryptoKey, plaintext: string): Promise<string> {
  const ciphertext = await crypto.subtle.encrypt(OAEP_SHA256, key, new TextEncoder().encode(plaintext));
  return bytesToBase64(new Uint8Array(ciphertext));
}
