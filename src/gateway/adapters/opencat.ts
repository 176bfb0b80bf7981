/**
 * The `opencat` adapter: the normalized operations over {@link OpenCatClient}. OpenCat for Team has users with one
 * token each and no quota: a user's token is their one key (`keys.create` replaces it, `keys.revoke` ends it),
 * users cannot be disabled, and usage is what the server summed per user and day, its cost a six-decimal USD string.
 * @module
 */
import { NotFoundError } from '../../core/errors/not-found-error.js';
// A static import: connect() already loads this module lazily, so the client belongs in its chunk.
import { OpenCatClient } from '../../opencat/client.js';
import type { Usage, UsageDate } from '../../opencat/resources/usages.js';
import type { User, UserProfile } from '../../opencat/resources/users.js';
import { PagePromise } from '../../core/page.js';
import { mapPage, singlePage } from '../internal/map-page.js';
import { Money } from '../money.js';
import type { AdapterFactory, Capabilities, CreatedGatewayKey, GatewayKey, GatewayOperations, GatewayUser, UsageSummary } from '../types.js';
import { openCatCapabilities } from './opencat-capabilities.js';
import { keyIdOf, maskToken, parseKeyId } from './opencat-token-key.js';

type Ops = GatewayOperations<'opencat'>;
type Member = User | UserProfile;

/**
 * Connects to an OpenCat for Team server with a user's token (root's manages the team). Nothing is sent until
 * the first call: the token is the whole credential.
 *
 * @example
 * const gateway = await connect({ baseURL: 'http://127.0.0.1:4012', dialect: 'opencat', auth: { token: rootToken } });
 */
export const openCatAdapter: AdapterFactory<'opencat'> = async ({ clientOptions, auth }) => {
  const client = new OpenCatClient({ ...clientOptions, token: auth.token });
  return { dialect: 'opencat', native: client, capabilities: openCatCapabilities as Capabilities, operations: operations(client, auth.token) };
};

function operations(client: OpenCatClient, callerToken: string): Partial<Ops> {
  /** Every user (`GET /1/users`, one page), and which of them is root: id 1, or id 0 on opencatd_worker. */
  const members = async (options?: Parameters<Ops['me']>[0]) => {
    const { items } = await client.users.list(options);
    return { items, rootId: rootIdOf(items) };
  };
  // What opencatd-open answers for an unknown user on its one per-user route (reset), after a list without them.
  const notFound = () => new NotFoundError({ status: 200, message: 'record not found', dialect: 'opencat', request: { method: 'GET', url: `${client.options.baseURL}/1/users` } });
  // Resetting the caller's own token would end the token this gateway sends, with no way to carry on.
  const ownToken = (operation: string) =>
    new TypeError(`Failed to call ${operation}: it would replace the token this gateway sends, and every later call would be refused. Please call gateway.native.users.resetToken(id), then connect() with the token it answers.`);
  /** One user out of the list: OpenCat has no route for one user. */
  const member = async (id: string, options?: Parameters<Ops['me']>[0]) => {
    const { items, rootId } = await members(options);
    const found = items.find((user) => String(user.id) === id);
    if (!found) throw notFound();
    return { user: found, rootId };
  };
  return {
    /** `GET /1/me`: root with root's token, a member with theirs. */
    me: async (options) => {
      const me = await client.users.me(options);
      return userOf(me, me.id <= 1 ? me.id : -1);
    },
    /** `GET /1/users`: every user that is not deleted, in one page. */
    'users.list': (_params, options) => {
      // The root's id is known once the page is in (0 only where the worker's root is listed); every row reads it.
      let rootId = 1;
      const listed = client.users.list(options).then((page) => ((rootId = rootIdOf(page.items)), page));
      return mapPage(new PagePromise(listed), (user) => userOf(user, rootId));
    },
    /** `GET /1/users`, then the one asked for (OpenCat has no route for one user). */
    'users.retrieve': async (id, options) => {
      const { user, rootId } = await member(id, options);
      return userOf(user, rootId);
    },
    /** `POST /1/users`: a member with a new token; OpenCat keeps no email, password or role. */
    'users.create': async (params, options) => {
      const { name, email, password, role } = params;
      if (email !== undefined || password !== undefined) throw new TypeError('Failed to call users.create: OpenCat keeps neither email nor password (a token is the whole credential). Please pass only `name`.');
      if (role !== undefined && role !== 'member') throw new TypeError('Failed to call users.create: every user OpenCat creates is a member of the team. Please leave out `role` or pass `member`.');
      // A new user is never root (root is made once, by init).
      return userOf(await client.users.create({ name }, options), -1);
    },
    /** `DELETE /1/users/:id`: the token stops working at once, the usage stays. */
    'users.delete': (id, options) => client.users.delete(Number(id), options),
    /** The user's token as their one key (`GET /1/users`), or the caller's own (`GET /1/me`). */
    'keys.list': (params = {}, options) => {
      // The caller's own is one call, whose answer withResponse() gives; another user's is found by a walk.
      const owner = params.userId === undefined ? client.users.me(options).map((user) => [user]) : member(params.userId, options).then(({ user }) => [user]);
      return singlePage(owner, (user) => keyOf(user));
    },
    /**
     * Two upstream calls: `GET /1/users` (the user, who must not be the caller), then `POST /1/users/:id/reset`, a new
     * token answered whole; the old one stops working at once. OpenCat stores no key name, so the key is named after
     * its user. Without `userId` it would replace the caller's own token, so it is refused.
     */
    'keys.create': async (params, options) => {
      if (params.expiresAt !== undefined) throw new TypeError('Failed to call keys.create: OpenCat tokens never expire. Please leave out `expiresAt`.');
      if (params.userId === undefined) throw ownToken('keys.create');
      const { user } = await member(params.userId, options);
      if (user.token === callerToken) throw ownToken('keys.create');
      const reset = await client.users.resetToken(user.id, {}, options);
      return { ...keyOf(reset), secret: reset.token } satisfies CreatedGatewayKey<User>;
    },
    /**
     * `GET /1/users` to check that the key is still the user's token, then `POST /1/users/:id/reset`: the token is
     * replaced by one nobody is told, which ends it. A key already replaced is a `NotFoundError`, so a stale id never
     * ends the token that came after it; the caller's own token is refused, as for `keys.create`.
     */
    'keys.revoke': async (id, _params, options) => {
      const { userId } = parseKeyId(id);
      const { user } = await member(String(userId), options);
      if (keyIdOf(user) !== id) throw notFound();
      if (user.token === callerToken) throw ownToken('keys.revoke');
      await client.users.resetToken(user.id, {}, options);
    },
    /**
     * `GET /1/usages` over the days `[from, to)`: OpenCat sums usage per user and calendar day of the server's zone,
     * so the bounds are days (`YYYY-MM-DD`); an instant is refused, since the server's zone is not known here.
     */
    'usage.summary': async (params, options) => {
      const from = dayOf(params.from, 'from');
      const to = dayOf(params.to, 'to');
      return usageOf(from, to, await client.usages.list({ from, to }, options));
    },
  };
}

/** Root's id in a user list: 1 on opencatd-open, 0 on opencatd_worker (whose user 1 is a member). */
function rootIdOf(users: readonly { id: number }[]): number {
  return users.some((user) => user.id === 0) ? 0 : 1;
}

/** A user of any OpenCat answer: the store row of list, create and reset, or the trimmed one of init and me. */
function userOf<R extends Member>(raw: R, rootId: number): GatewayUser<R> {
  return { id: String(raw.id), name: raw.name, role: raw.id === rootId ? 'owner' : 'member', status: 'active', createdAt: raw.createdAt, raw };
}

/** A user's token as a key: masked, named after the user, with an id that changes when the token does. */
function keyOf<R extends Member>(raw: R): GatewayKey<R> {
  return { id: keyIdOf(raw), name: raw.name, masked: maskToken(raw.token), status: 'active', userId: String(raw.id), raw };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A bound of `usage.summary` as the day it names; the client checks it is a calendar day. */
function dayOf(value: string | Date, name: 'from' | 'to'): UsageDate {
  if (typeof value === 'string' && DAY.test(value)) return value as UsageDate;
  throw new TypeError(`Failed to call usage.summary: OpenCat sums usage by the server's calendar day, so \`${name}\` must be a day as YYYY-MM-DD, got ${JSON.stringify(value instanceof Date ? value.toISOString() : value)}.`);
}

function usageOf(from: string, to: string, raw: Usage[]): UsageSummary<Usage[]> {
  const cost = raw.reduce((sum, row) => sum.add(Money.of('usd', row.cost)), Money.of('usd', '0.000000'));
  const users = raw.map((row) => ({ userId: String(row.userId), tokens: row.totalUnit, cost: Money.of('usd', row.cost) }));
  return { from, to, tokens: raw.reduce((sum, row) => sum + row.totalUnit, 0), cost, users, raw };
}

export { openCatCapabilities };
