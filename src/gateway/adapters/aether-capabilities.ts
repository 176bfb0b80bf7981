import type { Capabilities } from '../types.js';

/**
 * What the aether adapter does: everything, since Aether's admin API has each operation. `quota.add` takes two
 * calls, and keys made through the gateway never expire (Aether counts expiry in days from now).
 *
 * @example
 * if (gateway.capabilities['quota.add'].note) console.log(gateway.capabilities['quota.add'].note);
 */
export const aetherCapabilities = {
  me: { supported: true },
  'users.list': { supported: true },
  'users.retrieve': { supported: true },
  'users.create': { supported: true, note: 'needs email and password; the quota starts at $10' },
  'users.disable': { supported: true },
  'users.enable': { supported: true },
  'users.delete': { supported: true, note: 'with every key of the user; the last admin cannot go' },
  'keys.list': { supported: true },
  'keys.create': { supported: true, note: 'no expiresAt (Aether counts expire_days): use native' },
  'keys.revoke': { supported: true, note: 'deletes the key' },
  'keys.forUser': { supported: true },
  'quota.retrieve': { supported: true },
  'quota.set': { supported: true, note: 'USD; null is unlimited' },
  'quota.add': { supported: true, note: 'two calls (read, then write), not atomic' },
  'quota.reset': { supported: true, note: 'used back to 0' },
  'usage.summary': { supported: true },
} as const satisfies Capabilities;
