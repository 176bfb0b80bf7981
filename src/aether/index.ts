/**
 * The `aether` dialect: Aether (fawney19/Aether), an AI API gateway on FastAPI. Login by email with JWT access and
 * refresh tokens that renew themselves, the caller's profile and API keys, user administration with USD quotas and
 * keys, usage statistics.
 *
 * @example
 * import { AetherClient } from 'gatewaykit/aether';
 * const client = new AetherClient({ baseURL: 'http://127.0.0.1:4011', onTokens: save });
 * await client.auth.login({ email: 'admin@localhost', password: 'the-admin-password' });
 * @module gatewaykit/aether
 */
export { AetherClient, type AetherClientOptions } from './client.js';
export { aetherEnvelope } from './envelope.js';
/**
 * The types generated from the dialect's OpenAPI document, for calls the resources do not cover. Not pages of the
 * reference: they are the document itself (megabytes of HTML), and every model type there lists its own fields.
 * @hidden
 */
export type { components, operations, paths } from './generated/schema.js';
export { isAetherError, type AetherApiError, type AetherErrorBody, type AetherErrorType } from './is-aether-error.js';
export { FINAL_MESSAGES, type SessionTokens, type TokenPair, type TokensListener } from './tokens.js';
export { ApiKeys, type ApiKey, type ApiKeyCreateParams, type ApiKeyDetail, type ApiKeyToggled, type CreatedApiKey } from './resources/api-keys.js';
export { Auth, type AuthPasswordParams, type AuthUser, type LoginParams, type LoginResult, type RegisteredUser, type RegisterParams } from './resources/auth.js';
export { Me, type PasswordChangeParams, type Profile, type ProfileUpdateParams } from './resources/me.js';
export { Usage, type UsageAggregationParams, type UsageAggregationRow, type UsageGroupBy, type UsageStats, type UsageStatsParams } from './resources/usage.js';
export {
  UserApiKeys,
  type CreatedUserApiKey,
  type UserApiKey,
  type UserApiKeyCreateParams,
  type UserApiKeyList,
  type UserApiKeyListParams,
} from './resources/user-api-keys.js';
export {
  Users,
  type CreatedUser,
  type QuotaReset,
  type UpdatedUser,
  type User,
  type UserCreateParams,
  type UserListItem,
  type UserListParams,
  type UserUpdateParams,
} from './resources/users.js';
