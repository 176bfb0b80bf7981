/**
 * An OpenCat user's token seen as a key: OpenCat keeps one token per user and no key of its own, so the key's id
 * is the user's id and a fingerprint of the token. The id changes when the token does, so a revoked key never
 * names the token that replaced it.
 * @module
 */

/** The fields of a user that make its key. */
interface TokenHolder {
  id: number;
  token: string;
}

/**
 * The key id of a user's current token: `<user id>.<8 hex digits>`, the digits a 32-bit FNV-1a hash of the token.
 * The hash says which token without telling it (the mask shows as much), and needs no async crypto.
 *
 * @example
 * keyIdOf({ id: 2, token: 'b4d0063d-3049-41ed-b046-3380d84b0dfb' }); // '2.1a2b3c4d'
 */
export function keyIdOf(user: TokenHolder): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < user.token.length; index++) {
    hash ^= user.token.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${user.id}.${hash.toString(16).padStart(8, '0')}`;
}

/**
 * The user id in a key id; a TypeError before anything is sent for anything else.
 *
 * @example
 * parseKeyId('2.1a2b3c4d'); // { userId: 2 }
 */
export function parseKeyId(id: string): { userId: number } {
  const match = typeof id === 'string' ? /^(0|[1-9]\d{0,15})\.[0-9a-f]{8}$/.exec(id) : null;
  if (!match) throw new TypeError(`Failed to call keys.revoke: ${JSON.stringify(id)} is not an OpenCat key id. Please pass the \`id\` of a key from keys.list or keys.create.`);
  return { userId: Number(match[1]) };
}

/**
 * The token as lists show a key: its first and last four characters.
 *
 * @example
 * maskToken('377b99c8-f346-4da8-9af0-c57cd0b13903'); // '377b...3903'
 */
export function maskToken(token: string): string {
  return token.length <= 8 ? '****' : `${token.slice(0, 4)}...${token.slice(-4)}`;
}
