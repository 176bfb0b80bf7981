/**
 * The public key a password is encrypted with, as `GET /api/v1/auth/public-key` gives it.
 *
 * @example
 * const key: PasswordKey = { key_id: 'rsa_key_20240101_001', algorithm: 'RSA-OAEP-256', public_key: '-----BEGIN PUBLIC KEY-----\n…' };
 */
export interface PasswordKey {
  /** Sent with the ciphertext, so the server knows which private key to use. */
  key_id: string;
  /** SPKI PEM (`-----BEGIN PUBLIC KEY-----`). */
  public_key: string;
  /** The scheme the server decrypts with: `RSA-OAEP-256` on the reference server. */
  algorithm: string;
}

/**
 * Replaces the SDK's WebCrypto RSA-OAEP-256 encryption of passwords: receives the plain password
 * and the server's current key, returns the field value to send (base64 ciphertext). Needed for
 * servers that decrypt PKCS#1 v1.5, which WebCrypto cannot produce. Throwing aborts the call before
 * anything is sent; never put the password in the error.
 *
 * @example
 * // PKCS#1 v1.5 with node-forge (works in browsers and Node):
 * import forge from 'node-forge';
 * const encryptPassword: EncryptPassword = async (password, key) =>
 *   forge.util.encode64(forge.pki.publicKeyFromPem(key.public_key).encrypt(forge.util.encodeUtf8(password), 'RSAES-PKCS1-V1_5'));
 *
 * // or with JSEncrypt, which answers `false` on failure:
 * import JSEncrypt from 'jsencrypt';
 * const withJsEncrypt: EncryptPassword = async (password, key) => {
 *   const rsa = new JSEncrypt();
 *   rsa.setPublicKey(key.public_key);
 *   const field = rsa.encrypt(password);
 *   if (field === false) throw new Error('JSEncrypt could not encrypt the password');
 *   return field;
 * };
 */
export type EncryptPassword = (password: string, key: PasswordKey) => Promise<string>;
