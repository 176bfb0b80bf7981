import { constants, generateKeyPairSync, privateDecrypt, publicEncrypt } from 'node:crypto';
import { expect, test } from 'vitest';
import { decryptRsaOaep, generateRsaKeyPair } from '../../mocks/core/rsa.js';
import { encryptRsaOaep, importRsaOaepPublicKey } from '../../src/core/crypto/rsa-oaep.js';

// Interop with node:crypto proves the scheme is standard RSA-OAEP/SHA-256, not merely self-consistent.
const oaep = { padding: constants.RSA_PKCS1_OAEP_PADDING, oaepHash: 'sha256' };

test('the SDK ciphertext decrypts with node:crypto privateDecrypt (OAEP, SHA-256)', async () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const pem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const field = await encryptRsaOaep(await importRsaOaepPublicKey(pem), 'Aa123456!');
  expect(privateDecrypt({ key: privateKey, ...oaep }, Buffer.from(field, 'base64')).toString()).toBe('Aa123456!');
});

test('a node:crypto publicEncrypt ciphertext decrypts on the server side', async () => {
  const pair = await generateRsaKeyPair();
  const field = publicEncrypt({ key: pair.publicKeyPem, ...oaep }, Buffer.from('密码Pass123')).toString('base64');
  expect(await decryptRsaOaep(pair.privateKey, field)).toBe('密码Pass123');
});

test('OAEP is randomized: the same password never gives the same ciphertext twice', async () => {
  const pair = await generateRsaKeyPair();
  const key = await importRsaOaepPublicKey(pair.publicKeyPem);
  const [a, b] = await Promise.all([encryptRsaOaep(key, 'same'), encryptRsaOaep(key, 'same')]);
  expect(a).not.toBe(b);
});

test('garbage, oversize, PKCS#1 v1.5 and wrong-key ciphertexts are refused, never read as plaintext', async () => {
  const pair = await generateRsaKeyPair();
  const other = await generateRsaKeyPair();
  const v15 = publicEncrypt({ key: pair.publicKeyPem, padding: constants.RSA_PKCS1_PADDING }, Buffer.from('x')).toString('base64');
  const wrongKey = await encryptRsaOaep(await importRsaOaepPublicKey(other.publicKeyPem), 'x');
  for (const field of ['Aa123456!', 'not base64 at all!', Buffer.alloc(512).toString('base64'), v15, wrongKey]) {
    expect(await decryptRsaOaep(pair.privateKey, field)).toBeUndefined();
  }
});
