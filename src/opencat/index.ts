/**
 * The `opencat` dialect: the "OpenCat for Team" management API (`/1/…`) of opencatd-open and of its edge
 * implementation opencatd_worker: users with static tokens, upstream keys, usage per user.
 *
 * @example
 * import { OpenCatClient } from 'gatewaykit/opencat';
 * const client = new OpenCatClient({ baseURL: 'http://127.0.0.1:4012', token: rootToken });
 * for await (const user of client.users.list()) console.log(user.name, user.token);
 * @module gatewaykit/opencat
 */
export { OpenCatClient, type OpenCatClientOptions } from './client.js';
export { openCatEnvelope } from './envelope.js';
/**
 * The types generated from the dialect's OpenAPI document, for calls the resources do not cover. Not pages of the
 * reference: they are the document itself (megabytes of HTML), and every model type there lists its own fields.
 * @hidden
 */
export type { components, operations, paths } from './generated/schema.js';
export { Keys, type Key, type KeyCreateParams } from './resources/keys.js';
export { Usages, type Usage, type UsageDate, type UsageListParams } from './resources/usages.js';
export { Users, type User, type UserCreateParams, type UserProfile, type UserResetParams } from './resources/users.js';
