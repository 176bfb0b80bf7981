/**
 * The normalized calls over new-api: each maps to the `NewApiClient` calls its JSDoc names. Users are the admin
 * routes (`/api/user/`), keys the caller's own tokens (`/api/token/`, scoped to the caller: new-api has no route
 * for an admin to act on another user's tokens), quota the user's `quota` balance.
 * @module
 */
import { GatewayError } from '../../core/errors/gateway-error.js';
import type { RequestOptions } from '../../core/options.js';
import { NewApiClient } from '../../newapi/client.js';
import type { User } from '../../newapi/resources/users.js';
import { mapPage } from '../internal/map-page.js';
import type { Money } from '../money.js';
import type { AdapterFactory, Capabilities, GatewayOperations, GatewayUserCreateParams } from '../types.js';
import { figuresOf, intId, quotaPerUsd, toCreatedKey, toKey, toQuotaUnits, toUser } from './newapi-map.js';

/** What the newapi dialect does, as data: the unsupported operations name what to use instead. */
export const newApiCapabilities: Capabilities = {
  me: { supported: true },
  'users.list': { supported: true },
  'users.retrieve': { supported: true },
  'users.create': { supported: true, note: 'Two requests: POST /api/user/ answers no user, so it is searched for by its username. Needs a password; takes no email.' },
  'users.disable': { supported: true },
  'users.enable': { supported: true },
  'users.delete': { supported: true, note: 'Hard delete (DELETE /api/user/:id); the console’s soft delete is native.users.softDelete.' },
  'keys.list': { supported: true },
  'keys.create': { supported: true, note: 'Four requests: POST /api/token/ answers no id, so the token is found in the list and its key revealed.' },
  'keys.revoke': { supported: true },
  'keys.forUser': { supported: false, alternative: "connect() as that user: new-api's token routes act on the caller's own tokens only" },
  'quota.retrieve': { supported: true },
  'quota.set': { supported: true, note: 'Two requests: the change answers no user, so the user is read again.' },
  'quota.add': { supported: true, note: 'Two requests: the change answers no user, so the user is read again.' },
  'quota.reset': { supported: false, alternative: 'quota.set (new-api keeps no period to reset: used_quota only grows)' },
  'usage.summary': { supported: false, alternative: "users.retrieve or me (the user's lifetime used_quota and request_count in quota.used and raw)" },
};

/**
 * The newapi adapter: a `NewApiClient` with `auth` (a login, or `accessToken` + `userId`).
 * @example
 * const gateway = await connect({ baseURL, dialect: 'newapi', auth: { username: 'root', password: '123456' } });
 */
export const newApiAdapter: AdapterFactory<'newapi'> = async ({ clientOptions, auth }) => {
  const client = 'accessToken' in auth ? new NewApiClient({ ...clientOptions, accessToken: auth.accessToken, userId: auth.userId }) : new NewApiClient(clientOptions);
  if (!('accessToken' in auth)) await client.auth.login(auth);
  return { dialect: 'newapi', native: client, capabilities: newApiCapabilities, operations: newApiOperations(client) };
};

/** The supported operations over one client. */
export function newApiOperations(client: NewApiClient): Partial<GatewayOperations<'newapi'>> {
  const perUsd = quotaPerUsd(client);
  const user = <U extends Parameters<typeof toUser>[0]>(raw: U) => toUser(raw, perUsd);
  const quotaOf = (raw: User, id: string) => ({ ...figuresOf(raw, perUsd), userId: id, raw });
  const changeQuota = async (operation: string, id: string, mode: 'add' | 'subtract' | 'override', value: number, options?: RequestOptions) => {
    await client.users.addQuota(intId(id, operation), { mode, value }, options);
    return quotaOf(await client.users.retrieve(Number(id), options), id);
  };
  return {
    /** `GET /api/user/self` */
    me: async (options) => user(await client.self.retrieve(options)),
    /** `GET /api/user/` (soft-deleted users included, as upstream lists them) */
    'users.list': (params, options) => mapPage(client.users.list(params, options), user),
    /** `GET /api/user/:id` */
    'users.retrieve': async (id, options) => user(await client.users.retrieve(intId(id, 'users.retrieve'), options)),
    /**
     * Two upstream calls: `POST /api/user/` answers nothing, so the new user is found with
     * `GET /api/user/search?keyword=<name>` (usernames are unique; the exact match is taken).
     */
    'users.create': (params, options) => createUser(client, params, options).then(user),
    /** `POST /api/user/manage` `{action: "disable"}` */
    'users.disable': async (id, options) => void (await client.users.disable(intId(id, 'users.disable'), options)),
    /** `POST /api/user/manage` `{action: "enable"}` */
    'users.enable': async (id, options) => void (await client.users.enable(intId(id, 'users.enable'), options)),
    /** `DELETE /api/user/:id` (hard delete) */
    'users.delete': async (id, options) => client.users.delete(intId(id, 'users.delete'), options),
    /** `GET /api/token/`: the caller's tokens, keys masked */
    'keys.list': (params = {}, options) => mapPage(client.tokens.list({ page: params.page, pageSize: params.pageSize }, options), toKey),
    /**
     * Four upstream calls, since `POST /api/token/` answers no id and no key: `GET /api/token/` (the newest id),
     * `POST /api/token/`, `GET /api/token/` (the new token), `POST /api/token/:id/key` (its key); see
     * `native.tokens.create`.
     */
    'keys.create': async (params, options) => {
      const expired_time = params.expiresAt === undefined ? -1 : Math.floor(new Date(params.expiresAt).getTime() / 1000);
      if (Number.isNaN(expired_time)) throw new TypeError(`Failed to call keys.create: expiresAt ${JSON.stringify(params.expiresAt)} is not a date. Please pass an ISO 8601 string or a Date.`);
      return toCreatedKey(await client.tokens.create({ name: params.name, expired_time, unlimited_quota: true }, options));
    },
    /** `DELETE /api/token/:id` */
    'keys.revoke': async (id, _params, options) => client.tokens.delete(intId(id, 'keys.revoke'), options),
    /** `GET /api/user/:id`: `quota` is the balance left, `used_quota` what was spent */
    'quota.retrieve': async (id, options) => quotaOf(await client.users.retrieve(intId(id, 'quota.retrieve'), options), id),
    /** Two upstream calls: `POST /api/user/manage` `{action: "add_quota", mode: "override"}`, then `GET /api/user/:id` */
    'quota.set': async (id, amount, options) => {
      if (amount === null) throw new TypeError("Failed to call quota.set: new-api has no uncapped user quota. Please pass an amount (token keys have unlimited_quota, users don't).");
      return changeQuota('quota.set', id, 'override', toQuotaUnits(amount, perUsd, 'quota.set'), options);
    },
    /** Two upstream calls: `POST /api/user/manage` `{action: "add_quota", mode: "add" | "subtract"}`, then `GET /api/user/:id` */
    'quota.add': async (id, amount: Money, options) => {
      const value = toQuotaUnits(amount, perUsd, 'quota.add');
      return changeQuota('quota.add', id, value < 0 ? 'subtract' : 'add', Math.abs(value), options);
    },
  };
}

async function createUser(client: NewApiClient, params: GatewayUserCreateParams, options?: RequestOptions): Promise<User> {
  if (typeof params?.password !== 'string') throw new TypeError('Failed to call users.create: new-api needs a password for a new user. Please pass `password`.');
  if (params.email !== undefined) throw new TypeError("Failed to call users.create: new-api's admin create takes no email. Please leave `email` out (the user binds one at /api/user/self).");
  const role = params.role === 'admin' ? 10 : 1;
  await client.users.create({ username: params.name, password: params.password, display_name: params.name, role }, options);
  for await (const found of client.users.search({ keyword: params.name, pageSize: 100 }, options)) if (found.username === params.name) return found;
  throw new GatewayError(`Failed to find the user just created: no user is named ${JSON.stringify(params.name)} now. Please list the users to find it.`);
}
