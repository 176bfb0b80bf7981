/**
 * Request bodies and query strings of `openapi/platform.yaml` as zod schemas. Unknown fields are stripped (the
 * contract ignores them); every refusal names its field. Rules that need the clock or the state (a future
 * `expires_at`, a real birth date) are checked in the handlers.
 * @module
 */
import { z } from 'zod';
import type { components } from 'gatewaykit/platform';
import { isIpOrCidr, isValidCreditCode } from './checks.js';
import { idPattern } from './ids.js';

const keyId = z.string().min(1).max(64);
/** A password field: any non-empty string here; the transport checks make it 40013 or a password. */
const ciphertext = z.string().min(1);
const captchaToken = z.string().min(1).max(128);
/** Compared case-insensitively, stored in lower case. */
const email = z.string().max(254).pipe(z.email('must be a valid email address')).transform((v) => v.toLowerCase());
const phone = z.string().regex(/^1[3-9]\d{9}$/, 'must be a mainland China mobile number (11 digits)');
const nickname = z.string().min(1).max(32);
const imageUrl = z
  .string()
  .max(512)
  .regex(/^https:\/\/[^\s/]+/, 'must be an https URL')
  .refine((v) => URL.canParse(v), 'must be an https URL');
const personName = z.string().min(2).max(32);
const reason = z.string().min(1).max(200);
const dailyLimit = z.number().int().min(0).max(1_000_000_000_000).nullable();
const dateTime = z.iso.datetime({ offset: true, error: 'must be an RFC 3339 date-time' });

function uniqueList(item: z.ZodType<string>) {
  return z
    .array(item)
    .max(100)
    .refine((list) => new Set(list).size === list.length, 'must not contain duplicates');
}
const modelList = uniqueList(z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._:/-]{0,127}$/, 'must be a model id of [A-Za-z0-9._:/-], 1-128 characters'));
const ipList = uniqueList(z.string().min(2).max(49).refine(isIpOrCidr, 'must be an IPv4 or IPv6 address or CIDR range'));

/** At least one of the listed fields must be present (PUT routes are partial updates). */
function atLeastOne<T extends Record<string, unknown>>(fields: string[]) {
  return (value: T, ctx: z.RefinementCtx) => {
    if (!fields.some((f) => value[f] !== undefined)) ctx.addIssue({ code: 'custom', path: [fields[0]!], message: `at least one of ${fields.join(', ')} is required` });
  };
}

export const captchaVerifySchema = z.object({ captcha_id: z.string().min(1).max(64), answer: z.string().min(1).max(16) });

export const loginSchema = z
  .object({ email: email.optional(), phone: phone.optional(), key_id: keyId, password: ciphertext, captcha_token: captchaToken })
  .superRefine((v, ctx) => {
    if (v.email !== undefined && v.phone !== undefined) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'must not be sent together with email' });
    if (v.email === undefined && v.phone === undefined) ctx.addIssue({ code: 'custom', path: ['email'], message: 'is required (or phone)' });
  });

export const refreshSchema = z.object({ refresh_token: z.string().min(1).max(128) });

export const logoutSchema = z.object({ all: z.boolean().optional() });

export const registerSchema = z
  .object({
    user_type: z.enum(['personal', 'enterprise']),
    email,
    key_id: keyId,
    password: ciphertext,
    phone: phone.optional(),
    enterprise_name: z.string().min(2).max(100).optional(),
    captcha_token: captchaToken,
  })
  .superRefine((v, ctx) => {
    if (v.user_type === 'enterprise' && v.enterprise_name === undefined) ctx.addIssue({ code: 'custom', path: ['enterprise_name'], message: 'is required for enterprise accounts' });
    if (v.user_type === 'personal' && v.enterprise_name !== undefined) ctx.addIssue({ code: 'custom', path: ['enterprise_name'], message: 'is only for enterprise accounts' });
  });

export const updateMeSchema = z
  .object({ nickname: nickname.optional(), avatar: imageUrl.nullable().optional() })
  .superRefine(atLeastOne(['nickname', 'avatar']));

export const changePasswordSchema = z.object({ key_id: keyId, old_password: ciphertext, new_password: ciphertext });

export const sendEmailCodeSchema = z.object({
  email,
  purpose: z.enum(['register', 'reset_password', 'change_email']),
  captcha_token: captchaToken.optional(),
});

const code = z.string().regex(/^\d{6}$/, 'must be 6 digits');
export const confirmEmailSchema = z.discriminatedUnion('purpose', [
  z.object({ purpose: z.literal('register'), email, code }),
  z.object({ purpose: z.literal('change_email'), email, code }),
  z.object({ purpose: z.literal('reset_password'), email, code, key_id: keyId, new_password: ciphertext }),
]);

const apiKeyName = z.string().min(1).max(64);
export const createApiKeySchema = z.object({
  name: apiKeyName,
  key_type: z.enum(['production', 'test']),
  expires_at: dateTime.nullable().optional(),
  allowed_models: modelList.optional(),
  allowed_ips: ipList.optional(),
});

export const updateApiKeySchema = z
  .object({
    name: apiKeyName.optional(),
    status: z.enum(['active', 'disabled']).optional(),
    expires_at: dateTime.nullable().optional(),
    allowed_models: modelList.optional(),
    allowed_ips: ipList.optional(),
  })
  .superRefine(atLeastOne(['name', 'status', 'expires_at', 'allowed_models', 'allowed_ips']));

export const realnameSchema = z.object({
  real_name: personName,
  id_card: z.string().regex(/^\d{17}[\dXx]$/, 'must be an 18-character resident id number'),
  id_card_front: imageUrl,
  id_card_back: imageUrl,
});

export const enterpriseVerifySchema = z.object({
  enterprise_name: z.string().min(2).max(100),
  credit_code: z.string().refine(isValidCreditCode, 'must be a valid unified social credit code'),
  license_image: imageUrl,
  contact_name: personName,
  contact_phone: phone,
});

export const updateEnterpriseSchema = z
  .object({ contact_name: personName.optional(), contact_phone: phone.optional() })
  .superRefine(atLeastOne(['contact_name', 'contact_phone']));

export const inviteSchema = z.object({ email, role: z.enum(['admin', 'member']).default('member') });

export const acceptInvitationSchema = z.object({
  token: z.string().min(1).max(128),
  key_id: keyId.optional(),
  password: ciphertext.optional(),
  nickname: nickname.optional(),
});

export const setQuotaSchema = z.object({ tokens_per_day: dailyLimit, requests_per_day: dailyLimit });

export const changeRoleSchema = z.object({ role: z.enum(['admin', 'member']) });

export const reasonSchema = z.object({ reason });

/** `page` (≥ 1) and `page_size` (1–100) from the query string; out of range is refused, not clamped. */
const queryInt = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d{1,9}$/, 'must be an integer')
    .transform(Number)
    .pipe(z.number().min(min).max(max))
    .default(fallback);
const paging = { page: queryInt(1, 1_000_000_000, 1), page_size: queryInt(1, 100, 20) };
const keyword = z.string().min(1).max(64).optional();
const userStatus = z.enum(['active', 'frozen']).optional();

export const apiKeyListQuery = z.object({ key_type: z.enum(['production', 'test']).optional(), status: z.enum(['active', 'disabled', 'expired']).optional(), ...paging });
export const memberListQuery = z.object({ role: z.enum(['owner', 'admin', 'member']).optional(), status: userStatus, keyword, ...paging });
export const adminUserListQuery = z.object({ user_type: z.enum(['personal', 'enterprise', 'member']).optional(), status: userStatus, keyword, ...paging });
export const verificationListQuery = z.object({
  type: z.enum(['realname', 'enterprise']).optional(),
  status: z.enum(['pending', 'verified', 'rejected']).optional(),
  user_id: z.string().regex(idPattern('u_')).optional(),
  ...paging,
});

// Compile-time tie to the contract (DESIGN.md §11): every body the document describes fits its schema's input,
// and every schema's output fits the document, so the two cannot drift apart silently.
type Req = components['schemas'];
type Fits<Schema extends z.ZodType, Doc> = [Doc] extends [z.input<Schema>] ? ([z.output<Schema>] extends [Doc] ? true : 'output drifted') : 'input drifted';
/** For a `oneOf` checked by a refinement: zod's output type cannot say "exactly one of". */
type Accepts<Schema extends z.ZodType, Doc> = [Doc] extends [z.input<Schema>] ? true : 'input drifted';
export const CONTRACT_FIT: Record<string, true> = {
  captchaVerify: true satisfies Fits<typeof captchaVerifySchema, Req['CaptchaVerifyRequest']>,
  login: true satisfies Accepts<typeof loginSchema, Req['LoginRequest']>,
  refresh: true satisfies Fits<typeof refreshSchema, Req['RefreshRequest']>,
  logout: true satisfies Fits<typeof logoutSchema, Req['LogoutRequest']>,
  register: true satisfies Fits<typeof registerSchema, Req['RegisterRequest']>,
  updateMe: true satisfies Fits<typeof updateMeSchema, Req['UpdateMeRequest']>,
  changePassword: true satisfies Fits<typeof changePasswordSchema, Req['ChangePasswordRequest']>,
  sendEmailCode: true satisfies Fits<typeof sendEmailCodeSchema, Req['SendEmailCodeRequest']>,
  confirmEmail: true satisfies Fits<typeof confirmEmailSchema, Req['ConfirmEmailCodeRequest']>,
  createApiKey: true satisfies Fits<typeof createApiKeySchema, Req['CreateApiKeyRequest']>,
  updateApiKey: true satisfies Fits<typeof updateApiKeySchema, Req['UpdateApiKeyRequest']>,
  realname: true satisfies Fits<typeof realnameSchema, Req['RealnameSubmitRequest']>,
  enterpriseVerify: true satisfies Fits<typeof enterpriseVerifySchema, Req['EnterpriseVerifyRequest']>,
  updateEnterprise: true satisfies Fits<typeof updateEnterpriseSchema, Req['UpdateEnterpriseProfileRequest']>,
  invite: true satisfies Fits<typeof inviteSchema, Req['InviteMemberRequest']>,
  acceptInvitation: true satisfies Fits<typeof acceptInvitationSchema, Req['AcceptInvitationRequest']>,
  setQuota: true satisfies Fits<typeof setQuotaSchema, Req['SetQuotaRequest']>,
  changeRole: true satisfies Fits<typeof changeRoleSchema, Req['ChangeRoleRequest']>,
  freeze: true satisfies Fits<typeof reasonSchema, Req['FreezeUserRequest']>,
  reject: true satisfies Fits<typeof reasonSchema, Req['RejectVerificationRequest']>,
};
