/**
 * The server side of RSA password transport: 2048-bit RSA-OAEP (SHA-256) key pairs from WebCrypto,
 * exported as SPKI PEM, and decryption that never throws (a bad ciphertext is an answer, not a crash).
 * @module
 */
import { fromBase64 as base64ToBytes, toBase64 as bytesToBase64 } from './encoding.js';

const OAEP_SHA256 = { name: 'RSA-OAEP', hash: 'SHA-256' } as const;

/** A generated key pair with its public half already in PEM. */
export interface RsaKeyPair {
  privateKey: CryptoKey;
  publicKeyPem: string;
}

/**
 * Generates a 2048-bit RSA-OAEP key pair. Extractable so the public half can be exported; the private
 * half is only ever used for `decrypt`.
 *
 * @example
 * const { publicKeyPem } = await generateRsaKeyPair();
 */
export async function generateRsaKeyPair(): Promise<RsaKeyPair> {
  const pair = await crypto.subtle.generateKey(
    { ...OAEP_SHA256, modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]) },
    true,
    ['encrypt', 'decrypt'],
  );
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  const lines = bytesToBase64(spki).match(/.{1,64}/g) ?? [];
  return { privateKey: pair.privateKey, publicKeyPem: `-----BEGIN PUBLIC KEY-----\n${lines.join('\n')}\n-----END PUBLIC KEY-----\n` };
}

/**
 * Decrypts a base64 RSA-OAEP ciphertext to a UTF-8 string, or `undefined` when it is not valid base64,
 * has the wrong length, or does not decrypt under this key. Never falls back to the input as plaintext.
 *
 * @example
 * const password = await decryptRsaOaep(privateKey, body.password);
 * if (password === undefined) return refuse('ciphertext undecryptable');
 */
export async function decryptRsaOaep(privateKey: CryptoKey, ciphertextBase64: string): Promise<string | undefined> {
  let bytes: Uint8Array;
  try {
    bytes = base64ToBytes(ciphertextBase64);
  } catch {
    return undefined;
  }
  // A 2048-bit key only produces 256-byte ciphertexts; anything else is refused before the decrypt.
  if (bytes.length !== 256) return undefined;
  try {
    const plain = await crypto.subtle.decrypt(OAEP_SHA256, privateKey, bytes as BufferSource);
    return new TextDecoder('utf-8', { fatal: true }).decode(plain);
  } catch {
    return undefined;
  }
}
