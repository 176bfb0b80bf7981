/**
 * The new-api dialect as the core consumes it: routes, envelope, seed, and the checks the control API applies
 * to settings and imported state.
 * @module
 */
import { z, type ZodType } from 'zod';
import { ginClientIp } from '../core/client-address.js';
import { ginCors } from '../go/cors.js';
import { passwordHashSchema } from '../core/state-checks.js';
import type { Dialect, SeededAccount } from '../core/types.js';
import { NEWAPI_FAULT_STATUSES, newApiErrors } from './envelope.js';
import { paymentSettingsShape } from './payment-settings.js';
import { withGlobalApiLimit } from './rate-limit.js';
import { newApiRequestId } from './request-id.js';
import { newApiRoutes } from './routes.js';
import { seedNewApi } from './seed.js';
import { ROLE, type NewApiSettings, type NewApiState } from './state.js';

const settingsPatchSchema = z.strictObject({
  RegisterEnabled: z.boolean(),
  PasswordRegisterEnabled: z.boolean(),
  PasswordLoginEnabled: z.boolean(),
  EmailVerificationEnabled: z.boolean(),
  QuotaForNewUser: z.number().int(),
  QuotaForInviter: z.number().int(),
  QuotaForInvitee: z.number().int(),
  PaymentComplianceConfirmed: z.boolean(),
  EmailDomainRestrictionEnabled: z.boolean(),
  EmailAliasRestrictionEnabled: z.boolean(),
  EmailDomainWhitelist: z.array(z.string()),
  RateLimitEnabled: z.boolean(),
  MaxUserTokens: z.number().int().nonnegative(),
  SystemName: z.string(),
  ...paymentSettingsShape,
} satisfies Record<keyof NewApiSettings, z.ZodType>).partial();

// Rough on purpose (extra keys pass), but every column a handler reads is typed, so an import cannot make one throw.
const text = z.string();
const integer = z.number().int();
const userShape = z.looseObject({
  // '' is an account without a password (OAuth sign-ups): updateSelf answers "password unset" for it.
  id: integer, username: text, password_hash: passwordHashSchema({ allowEmpty: true }), display_name: text, role: integer, status: integer, email: text,
  github_id: text, discord_id: text, oidc_id: text, wechat_id: text, telegram_id: text, linux_do_id: text,
  access_token_sha256: text.nullable(), quota: integer, used_quota: integer, request_count: integer, group: text,
  aff_code: text, aff_count: integer, aff_quota: integer, aff_history_quota: integer, inviter_id: integer, setting: text,
  remark: text, stripe_customer: text, created_at: integer, last_login_at: integer, deleted_at: z.number().nullable(),
  twofa: z
    .looseObject({
      secret_sealed: text, enabled: z.boolean(), failed_attempts: integer, locked_until: z.number().nullable(),
      last_used_at: z.number().nullable(), backup_codes: z.array(z.looseObject({ hash: text, used_at: z.number().nullable() })),
    })
    .nullable(),
});
const stateSchema = z.looseObject({
  settings: settingsPatchSchema.required(),
  outbox: z.array(z.looseObject({ id: z.number().int() })),
  users: z.array(userShape),
  sessions: z.record(z.string(), z.looseObject({ data: z.looseObject({}), expires_at: z.number() })),
  abilities: z.array(z.looseObject({ group: z.string(), model: z.string(), enabled: z.boolean() })),
  groups: z.looseObject({
    ratio: z.record(z.string(), z.number()),
    usable: z.record(z.string(), z.string()),
    group_ratio: z.record(z.string(), z.record(z.string(), z.number())),
    special_usable: z.record(z.string(), z.record(z.string(), z.string())),
  }),
  verification_codes: z.record(z.string(), z.looseObject({ code: z.string(), created_at: z.number() })),
  // Exports from before the field existed import as "never swept".
  swept_at: z.record(z.string(), z.number()).default({}),
  next_user_id: z.number().int().positive(),
  redemptions: z.array(
    z.looseObject({
      id: integer, user_id: integer, key: text, status: integer, name: text, quota: integer, created_time: integer,
      redeemed_time: integer, used_user_id: integer, deleted_at: z.number().nullable(), expired_time: integer,
    }),
  ),
  next_redemption_id: z.number().int().positive(),
  tokens: z.array(
    z.looseObject({
      id: integer, user_id: integer, key_sha256: text, key_masked: text, key_sealed: text, status: integer, name: text,
      created_time: integer, accessed_time: integer, expired_time: integer, remain_quota: integer,
      unlimited_quota: z.boolean(), model_limits_enabled: z.boolean(), model_limits: text, allow_ips: text.nullable(),
      used_quota: integer, group: text, cross_group_retry: z.boolean(),
    }),
  ),
  next_token_id: z.number().int().positive(),
  top_ups: z.array(
    z.looseObject({
      id: integer, user_id: integer, amount: integer, money: z.number(), trade_no: text, payment_method: text,
      payment_provider: text, create_time: integer, complete_time: integer, status: text,
    }),
  ),
  next_top_up_id: z.number().int().positive(),
});

// Upstream's constant names: RoleGuestUser, RoleCommonUser, RoleAdminUser, RoleRootUser.
const ROLE_NAMES: Readonly<Record<number, string>> = { [ROLE.guest]: 'guest', [ROLE.common]: 'user', [ROLE.admin]: 'admin', [ROLE.root]: 'root' };

/**
 * The new-api dialect (JUL26 line: session cookie + `New-Api-User`).
 *
 * @example
 * const engine = createEngine(newApiDialect, { seed: 1 });
 */
export const newApiDialect: Dialect<NewApiState, NewApiSettings, SeededAccount<number>> = {
  name: 'newapi',
  // The global `/api` limiter runs before every other middleware, as `apiRouter.Use(GlobalAPIRateLimit())`.
  routes: newApiRoutes.map(withGlobalApiLimit),
  errors: newApiErrors,
  faultStatuses: NEWAPI_FAULT_STATUSES,
  seed: seedNewApi,
  generatesUsers: true,
  settingsSchema: settingsPatchSchema,
  // Rough (see above): what passes is read as the state, as the import always has.
  stateSchema: stateSchema as unknown as ZodType<NewApiState>,
  contract: 'openapi/newapi.yaml',
  sandbox: {
    port: 4010,
    example: (url) =>
      `curl -s -c /tmp/gatewaykit.jar -H 'Content-Type: application/json' -d '{"username":"root","password":"123456"}' ${url}/api/user/login` +
      ` && curl -s -b /tmp/gatewaykit.jar -H 'New-Api-User: 1' ${url}/api/user/self` +
      // The sandbox payment provider: print the checkout URL of a new order, open it, press Pay, then GET /self again.
      `\n  pay: curl -s -b /tmp/gatewaykit.jar -H 'New-Api-User: 1' -H 'Content-Type: application/json' -d '{"amount":10,"payment_method":"alipay"}' ${url}/api/user/pay` +
      ` | node -e 'let s="";process.stdin.on("data",(d)=>(s+=d)).on("end",()=>{const r=JSON.parse(s);console.log(r.url+"?"+new URLSearchParams(r.data))})'` +
      `  (open the printed URL in a browser and press Pay)`,
    roleName: (role) => ROLE_NAMES[role] ?? String(role),
  },
  // main.go never calls SetTrustedProxies, so c.ClientIP() believes X-Forwarded-For / X-Real-IP (docs/fidelity.md).
  clientAddress: ginClientIp,
  // middleware/cors.go: gin-contrib/cors on every origin with credentials. SetRelayRouter's `router.Use(CORS())`
  // comes after the /api groups are built, so of the sandbox's chains only gin's 404 chain holds it: every
  // preflight (no route has OPTIONS) is its 204, an /api answer carries no CORS headers (docs/fidelity.md).
  cors: ginCors({
    allowAllOrigins: true,
    allowCredentials: true,
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'OPTIONS'],
    allowHeaders: ['*'],
    covers: (route) => route === undefined,
  }),
  // middleware/request-id.go, `server.Use`d before everything else: on every answer, preflights and 404s included.
  requestId: newApiRequestId,
};
