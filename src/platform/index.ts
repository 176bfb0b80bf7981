/**
 * The `platform` dialect: the personal/enterprise platform "v1" API, with RSA-encrypted passwords,
 * bearer tokens that renew themselves, API keys, verification and enterprise members.
 *
 * @example
 * import { PlatformClient } from 'gatewaykit/platform';
 * const client = new PlatformClient({ baseURL: 'http://127.0.0.1:4013', onTokens: save });
 * await client.auth.login({ email: 'user@example.com', password: 'Passw0rd!', captcha_token });
 * @module gatewaykit/platform
 */
export { PlatformClient, type PlatformClientOptions } from './client.js';
export { platformEnvelope, type PlatformErrorCode } from './envelope.js';
/**
 * The types generated from the dialect's OpenAPI document, for calls the resources do not cover. Not pages of the
 * reference: they are the document itself (megabytes of HTML), and every model type there lists its own fields.
 * @hidden
 */
export type { components, operations, paths } from './generated/schema.js';
export { isPlatformError, type PlatformApiError } from './is-platform-error.js';
export type { EncryptPassword, PasswordKey } from './password.js';
export type { SessionTokens, TokenPair, TokensListener } from './tokens.js';
export { Admin } from './resources/admin.js';
export { AdminUsers, type AdminUser, type AdminUserListParams, type FreezeParams } from './resources/admin-users.js';
export {
  AdminVerifications,
  type EnterpriseSubmission,
  type RealnameSubmission,
  type RejectParams,
  type VerificationListParams,
  type VerificationSubmission,
} from './resources/admin-verifications.js';
export { ApiKeys, type ApiKey, type ApiKeyCreateParams, type ApiKeyListParams, type ApiKeyUpdateParams, type CreatedApiKey } from './resources/api-keys.js';
export { Auth, type LoginParams, type LoginResult, type LogoutParams, type PublicKey, type RegisteredUser, type RegisterParams } from './resources/auth.js';
export { Captchas, type Captcha, type CaptchaToken, type CaptchaVerifyParams } from './resources/captcha.js';
export { Enterprise, type EnterpriseProfile, type EnterpriseUpdateParams } from './resources/enterprise.js';
export {
  Me,
  type ChangePasswordParams,
  type ConfirmEmailCodeParams,
  type EmailCodeSent,
  type EmailConfirmation,
  type SendEmailCodeParams,
  type User,
  type UserUpdateParams,
} from './resources/me.js';
export {
  Members,
  type AcceptInvitationParams,
  type InviteParams,
  type Invitation,
  type Member,
  type MemberListParams,
  type Quota,
  type QuotaSetParams,
  type RoleChangeParams,
} from './resources/members.js';
export { Users } from './resources/users.js';
export { Verification, type EnterpriseVerifyParams, type RealnameStatus, type RealnameSubmitParams } from './resources/verification.js';
