/**
 * Every normalized operation, in the order the capability matrix lists them. `keys.forUser` is not a call of its
 * own: it says whether `keys.list/create/revoke` take a `userId` (an admin acting for another user).
 */
export const OPERATIONS = [
  'me',
  'users.list',
  'users.retrieve',
  'users.create',
  'users.disable',
  'users.enable',
  'users.delete',
  'keys.list',
  'keys.create',
  'keys.revoke',
  'keys.forUser',
  'quota.retrieve',
  'quota.set',
  'quota.add',
  'quota.reset',
  'usage.summary',
] as const;

/** One normalized operation, e.g. `users.create`. */
export type Operation = (typeof OPERATIONS)[number];
