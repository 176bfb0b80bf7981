/**
 * The `newapi` dialect: new-api (QuantumNous) and its derivatives, BurnCloud included.
 *
 * @example
 * import { NewApiClient } from 'gatewaykit/newapi';
 * const client = new NewApiClient({ baseURL: 'http://127.0.0.1:4010' });
 * await client.auth.login({ username: 'root', password: '123456' });
 * The Epay merchant helpers (sign a form, verify a notify) are server-side: `gatewaykit/newapi/epay`.
 * @module gatewaykit/newapi
 */
export { burnCloudClient, type BurnCloudClientOptions } from './burncloud.js';
export { NewApiClient, type NewApiClientOptions } from './client.js';
export { NewApiCore, type NewApiIdentity } from './core.js';
export { newApiEnvelope } from './envelope.js';
/**
 * The types generated from the dialect's OpenAPI document, for calls the resources do not cover. Not pages of the
 * reference: they are the document itself (megabytes of HTML), and every model type there lists its own fields.
 * @hidden
 */
export type { components, operations, paths } from './generated/schema.js';
export { QUOTA_PER_UNIT, quotaToUsd, usdToQuota } from './quota.js';
export { Affiliate, type AffTransferParams } from './resources/affiliate.js';
export { Auth, type LoginParams, type LoginUser, type RegisterParams } from './resources/auth.js';
export { Groups, type GroupTable } from './resources/groups.js';
export { PasswordReset, type PasswordResetConfirmParams, type PasswordResetRequestParams } from './resources/password-reset.js';
export {
  Payments,
  type EpayForm,
  type PaymentCreateParams,
  type PaymentForm,
  type PaymentPreviewParams,
  type TopUpInfo,
} from './resources/payments.js';
export {
  Redemptions,
  type Redemption,
  type RedemptionCreateParams,
  type RedemptionSearchParams,
  type RedemptionUpdateParams,
} from './resources/redemptions.js';
export {
  Self,
  type ModelListParams,
  type SelfGroupTable,
  type SelfLanguageUpdate,
  type SelfProfileUpdate,
  type SelfSidebarUpdate,
  type SelfUpdateParams,
  type SelfUser,
  type UserSettingParams,
} from './resources/self.js';
export {
  Users,
  type ManageResult,
  type QuotaChangeParams,
  type TwoFactorStats,
  type User,
  type UserCreateParams,
  type UserListParams,
  type UserSearchParams,
  type UserUpdateParams,
} from './resources/users.js';
export {
  Tokens,
  type Token,
  type TokenCreateParams,
  type TokenKeys,
  type TokenListParams,
  type TokenSearchParams,
  type TokenUpdateParams,
  type TokenWithKey,
} from './resources/tokens.js';
export { TopUp } from './resources/topup.js';
export { TwoFactor, type TwoFactorCodeParams, type TwoFactorSetup, type TwoFactorStatus } from './resources/two-factor.js';
export { TwoFactorRequiredError, isTwoFactorRequiredError } from './two-factor-required-error.js';
export { Verification, type VerificationParams } from './resources/verification.js';
