import type { Capabilities } from '../types.js';

/**
 * What the opencat adapter does. OpenCat for Team keeps users with one token each and nothing else: no disabled
 * state, no quota, no key names; a user's token is their one key.
 *
 * @example
 * if (!gateway.capabilities['quota.set'].supported) hideQuotaColumn();
 */
export const openCatCapabilities = {
  me: { supported: true },
  'users.list': { supported: true, note: 'one page holds every user' },
  'users.retrieve': { supported: true, note: 'reads the list (no route for one user)' },
  'users.create': { supported: true, note: 'name only; every new user is a member' },
  'users.disable': { supported: false, alternative: 'keys.revoke (ends the user\'s token)' },
  'users.enable': { supported: false, alternative: 'keys.create (gives the user a new token)' },
  'users.delete': { supported: true, note: 'usage stays; the name stays taken' },
  'keys.list': { supported: true, note: 'the user\'s token is their one key' },
  'keys.create': { supported: true, note: 'two calls: finds the user, then replaces their token (not the caller\'s own)' },
  'keys.revoke': { supported: true, note: 'two calls: checks the token, then resets it to one nobody is told (not the caller\'s own)' },
  'keys.forUser': { supported: true },
  'quota.retrieve': { supported: false, alternative: 'usage.summary (OpenCat has no quotas)' },
  'quota.set': { supported: false, alternative: 'usage.summary (OpenCat has no quotas)' },
  'quota.add': { supported: false, alternative: 'usage.summary (OpenCat has no quotas)' },
  'quota.reset': { supported: false, alternative: 'usage.summary (OpenCat has no quotas)' },
  'usage.summary': { supported: true, note: 'days (YYYY-MM-DD) of the server\'s zone; tokens and cost, no request count' },
} as const satisfies Capabilities;
