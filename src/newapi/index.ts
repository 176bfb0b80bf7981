/**
 * The `newapi` dialect: new-api (QuantumNous) and its derivatives, BurnCloud included.
 *
 * @example
 * import { NewApiClient } from 'gatewaykit/newapi';
 * const client = new NewApiClient({ baseURL: 'http://127.0.0.1:4010' });
 * await client.auth.login({ username: 'root', password: '123456' });
 * @module
 */
export { NewApiClient, type NewApiClientOptions } from './client.js';
export { newApiEnvelope } from './envelope.js';
export type { components, operations, paths } from './generated/schema.js';
export { QUOTA_PER_UNIT, quotaToUsd, usdToQuota } from './quota.js';
export { Auth, type LoginParams, type LoginUser, type RegisterParams } from './resources/auth.js';
export { Groups, type GroupTable } from './resources/groups.js';
export { Self, type ModelListParams, type SelfGroupTable, type SelfUpdateParams, type SelfUser } from './resources/self.js';
export {
  Users,
  type ManageResult,
  type QuotaChangeParams,
  type User,
  type UserCreateParams,
  type UserListParams,
  type UserSearchParams,
  type UserUpdateParams,
} from './resources/users.js';
export { TwoFactorRequiredError } from './two-factor-required-error.js';
