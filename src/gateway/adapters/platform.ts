/**
 * The normalized calls over the platform "v1" API: each maps to the `PlatformClient` calls its JSDoc names. Users
 * are the caller's enterprise members (the owner and admins manage them), keys the caller's own API keys, quota a
 * member's daily token cap.
 * @module
 */
import { NotFoundError } from '../../core/errors/not-found-error.js';
import type { RequestOptions } from '../../core/options.js';
import { PlatformClient } from '../../platform/client.js';
import type { Member } from '../../platform/resources/members.js';
import { mapPage } from '../internal/map-page.js';
import type { AdapterFactory, Capabilities, GatewayOperations } from '../types.js';
import { figuresOf, meToUser, memberToUser, toCreatedKey, toKey, toTokens } from './platform-map.js';

const TWO_CALLS = 'Two requests: the quota route replaces both daily caps, so the current requests_per_day is read first; not atomic.';

/** What the platform dialect does, as data: the unsupported operations name what to use instead. */
export const platformCapabilities: Capabilities = {
  me: { supported: true },
  'users.list': { supported: true, note: "The caller's enterprise members, the owner included." },
  'users.retrieve': { supported: true, note: 'No route answers one member: the member list is walked until the id is found.' },
  'users.create': { supported: false, alternative: 'native.members.invite (the member exists once they accept the emailed invitation)' },
  'users.disable': { supported: true, note: 'Platform admins only: POST /admin/v1/users/{user_id}/freeze, which ends every session of the user.' },
  'users.enable': { supported: true, note: 'Platform admins only: POST /admin/v1/users/{user_id}/unfreeze.' },
  'users.delete': { supported: true, note: 'Removes the member from the enterprise; the account stays, as a personal one.' },
  'keys.list': { supported: true },
  'keys.create': { supported: true, note: 'Creates a production key.' },
  'keys.revoke': { supported: true },
  'keys.forUser': { supported: false, alternative: "connect() as that user: the platform's key routes act on the caller's own keys only" },
  'quota.retrieve': { supported: true },
  'quota.set': { supported: true, note: TWO_CALLS },
  'quota.add': { supported: true, note: TWO_CALLS },
  'quota.reset': { supported: false, alternative: 'quota.set (the daily counters reset by themselves at resets_at, 00:00 UTC+8)' },
  'usage.summary': { supported: false, alternative: "quota.retrieve (a member's tokens and requests used today; the platform keeps no usage over a range)" },
};

/** Why a gatewaykit freeze happened, as the platform requires one. */
const FREEZE_REASON = 'Disabled through gatewaykit connect()';

/**
 * The platform adapter: a `PlatformClient` with `auth` (a login with its captcha token, or `tokens` kept from one).
 * @example
 * const gateway = await connect({ baseURL, dialect: 'platform', auth: { email, password, captcha_token } });
 */
export const platformAdapter: AdapterFactory<'platform'> = async ({ clientOptions, auth }) => {
  const client = 'tokens' in auth ? new PlatformClient({ ...clientOptions, tokens: auth.tokens }) : new PlatformClient(clientOptions);
  if (!('tokens' in auth)) await client.auth.login(auth);
  return { dialect: 'platform', native: client, capabilities: platformCapabilities, operations: platformOperations(client) };
};

/** The supported operations over one client. */
export function platformOperations(client: PlatformClient): Partial<GatewayOperations<'platform'>> {
  const quotaOf = (id: string, raw: Member['quota']) => ({ ...figuresOf(raw), userId: id, raw });
  const setCaps = async (id: string, tokens: (current: Member['quota']) => number | null, options?: RequestOptions) => {
    const current = await client.members.retrieveQuota(id, options);
    return quotaOf(id, await client.members.setQuota(id, { tokens_per_day: tokens(current), requests_per_day: current.requests_per_day }, options));
  };
  return {
    /** `GET /api/v1/users/me` */
    me: async (options) => meToUser(await client.users.me.retrieve(options)),
    /** `GET /api/v1/enterprise/members` */
    'users.list': (params, options) => mapPage(client.members.list(params, options), memberToUser),
    /** `GET /api/v1/enterprise/members`, page after page until the member is found (no route answers one member) */
    'users.retrieve': async (id, options) => memberToUser(await findMember(client, id, options)),
    /** `POST /admin/v1/users/{user_id}/freeze` with a fixed reason (platform admins only) */
    'users.disable': async (id, options) => void (await client.admin.users.freeze(id, { reason: FREEZE_REASON }, options)),
    /** `POST /admin/v1/users/{user_id}/unfreeze` (platform admins only) */
    'users.enable': async (id, options) => void (await client.admin.users.unfreeze(id, options)),
    /** `DELETE /api/v1/enterprise/members/{member_id}`: the account leaves the enterprise and stays a personal one */
    'users.delete': (id, options) => client.members.delete(id, options),
    /** `GET /api/v1/users/me/apikeys` */
    'keys.list': (params = {}, options) => mapPage(client.apiKeys.list({ page: params.page, pageSize: params.pageSize }, options), toKey),
    /** `POST /api/v1/users/me/apikeys` with `key_type: "production"` */
    'keys.create': async (params, options) => {
      const expires_at = params.expiresAt === undefined ? undefined : new Date(params.expiresAt).toISOString();
      return toCreatedKey(await client.apiKeys.create({ name: params.name, key_type: 'production', ...(expires_at && { expires_at }) }, options));
    },
    /** `DELETE /api/v1/users/me/apikeys/{key_id}` */
    'keys.revoke': (id, _params, options) => client.apiKeys.delete(id, options),
    /** `GET /api/v1/enterprise/members/{member_id}/quota` */
    'quota.retrieve': async (id, options) => quotaOf(id, await client.members.retrieveQuota(id, options)),
    /** Two upstream calls: `GET …/members/{member_id}/quota` (to keep `requests_per_day`), then `PUT …/quota` */
    'quota.set': async (id, amount, options) => {
      const tokens = amount === null ? null : toTokens(amount, 'quota.set');
      return setCaps(id, () => tokens, options);
    },
    /** Two upstream calls: `GET …/members/{member_id}/quota`, then `PUT …/quota` with the sum; not atomic */
    'quota.add': async (id, amount, options) => {
      const delta = toTokens(amount, 'quota.add');
      return setCaps(id, (current) => {
        if (current.tokens_per_day === null) throw new TypeError('Failed to call quota.add: the member has no daily cap to add to. Please set one with quota.set first.');
        return current.tokens_per_day + delta;
      }, options);
    },
  };
}

async function findMember(client: PlatformClient, id: string, options?: RequestOptions): Promise<Member> {
  for await (const member of client.members.list({ pageSize: 100 }, options)) if (member.member_id === id) return member;
  // A NotFoundError as every other dialect's retrieve answers an unknown id, though here no single answer said so.
  const message = `Failed to find member ${JSON.stringify(id)}: no member of the caller's enterprise has this id. Please list the users to find it.`;
  throw new NotFoundError({ status: 404, message, dialect: 'platform', request: { method: 'GET', url: '/api/v1/enterprise/members' } });
}
