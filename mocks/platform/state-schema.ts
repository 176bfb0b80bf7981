/**
 * The schema `PUT /__mock/state` checks a platform state against: every field a handler or a view reads, with
 * its type, null only where the server handles null, and the references between tables. A state it accepts
 * is one the server can serve; a refusal names the field (`users[0].phone`).
 * @module
 */
import { z } from 'zod';
import { corsOriginsSchema } from '../core/cors.js';
import { unusableRsaKeyPair } from '../core/rsa.js';
import { passwordHashSchema } from '../core/state-checks.js';
import type { PlatformState } from './state.js';

/**
 * 9999-12-31T23:59:59.999Z: the views turn every time into an RFC 3339 string, and only years 0000-9999 give the
 * four-digit year the document's date-time pattern has (`Date` goes on to ±275760 as `+275760-…`).
 */
const MAX_TIME_MS = 253_402_300_799_999;
const time = z.number().min(0).max(MAX_TIME_MS);
const count = z.number().int().min(0);
const text = z.string();
const verifyStatus = z.enum(['unverified', 'pending', 'verified', 'rejected']);

// Strict, as PATCH /__mock/settings is: a misspelt setting is refused, not carried along unused.
// Exports from before `CorsOrigins` existed import with its default.
const settings = z.strictObject({ RegisterEnabled: z.boolean(), RateLimitEnabled: z.boolean(), CorsOrigins: corsOriginsSchema.default(() => []) });

const outboxMessage = z.looseObject({
  id: z.number().int(),
  channel: z.enum(['email', 'sms']),
  to: text,
  subject: text,
  body: text,
  code: text.optional(),
  sent_at: time,
});

// A login decrypts with private_pkcs8 and clients encrypt to public_key_pem: both must be the one usable key pair.
const rsaKey = z
  .looseObject({ key_id: text, private_pkcs8: text, public_key_pem: text, created_at: time, expires_at: time, used: z.array(text) })
  .superRefine(async (key, ctx) => {
    const problem = await unusableRsaKeyPair(key.private_pkcs8, key.public_key_pem);
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: `${problem.field} ${problem.reason}` });
  });

const quota = z.looseObject({
  tokens_per_day: count.nullable(),
  requests_per_day: count.nullable(),
  tokens_used: count,
  requests_used: count,
  usage_day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a YYYY-MM-DD day'),
});

const realname = z.looseObject({
  status: verifyStatus,
  real_name: text.nullable(),
  id_card_sha256: text.nullable(),
  submitted_at: time.nullable(),
  verified_at: time.nullable(),
  reject_reason: text.nullable(),
});

const user = z.looseObject({
  user_id: text,
  email: text,
  email_verified: z.boolean(),
  phone: text.nullable(),
  // Platform has no passwordless accounts: every user signs up or is invited with a password.
  password_hash: passwordHashSchema({ allowEmpty: false }),
  user_type: z.enum(['personal', 'enterprise', 'member']),
  nickname: text,
  avatar: text.nullable(),
  membership_level: z.enum(['free', 'basic', 'pro', 'enterprise']),
  membership_expires_at: time.nullable(),
  platform_role: z.enum(['user', 'admin']),
  enterprise_id: text.nullable(),
  enterprise_role: z.enum(['owner', 'admin', 'member']).nullable(),
  joined_at: time.nullable(),
  quota,
  status: z.enum(['active', 'frozen']),
  frozen_at: time.nullable(),
  freeze_reason: text.nullable(),
  last_login_at: time.nullable(),
  created_at: time,
  realname,
});

const enterprise = z.looseObject({
  enterprise_id: text,
  enterprise_name: text,
  owner_id: text,
  credit_code: text.nullable(),
  license_image: text.nullable(),
  verify_status: verifyStatus,
  verified_at: time.nullable(),
  reject_reason: text.nullable(),
  contact_name: text.nullable(),
  contact_phone: text.nullable(),
  created_at: time,
});

const session = z.looseObject({
  session_id: text,
  user_id: text,
  created_at: time,
  expires_at: time,
  revoked_at: time.nullable(),
  // Exports from before sessions kept their token hashes import without them (nothing to trim yet).
  tokens: z.strictObject({ access: z.array(text), refresh: z.array(text) }).optional(),
});

const apiKey = z.looseObject({
  key_id: text,
  user_id: text,
  name: text,
  key_type: z.enum(['production', 'test']),
  key_sha256: text,
  key_head: text,
  last4: text,
  status: z.enum(['active', 'disabled']),
  allowed_models: z.array(text),
  allowed_ips: z.array(text),
  last_used_at: time.nullable(),
  expires_at: time.nullable(),
  created_at: time,
});

const invitation = z.looseObject({
  invitation_id: text,
  enterprise_id: text,
  email: text,
  role: z.enum(['admin', 'member']),
  invited_by: text,
  token_sha256: text,
  status: z.enum(['pending', 'accepted', 'replaced']),
  expires_at: time,
  created_at: time,
});

const submission = {
  verification_id: text,
  user_id: text,
  status: z.enum(['pending', 'verified', 'rejected']),
  submitted_at: time,
  reviewed_at: time.nullable(),
  reviewed_by: text.nullable(),
  reject_reason: text.nullable(),
};
const verification = z.discriminatedUnion('type', [
  z.looseObject({ ...submission, type: z.literal('realname'), real_name: text, id_card_front: text, id_card_back: text }),
  z.looseObject({
    ...submission,
    type: z.literal('enterprise'),
    enterprise_id: text,
    enterprise_name: text,
    credit_code: text,
    license_image: text,
    contact_name: text,
    contact_phone: text,
  }),
]);

/**
 * A whole platform state. Extra keys pass (looseObject), as new-api's import lets them, so an export from a
 * newer server still imports.
 *
 * @example
 * const parsed = await platformStateSchema.safeParseAsync(body);
 */
export const platformStateSchema = z.looseObject({
  settings,
  outbox: z.array(outboxMessage),
  rsa_keys: z.array(rsaKey),
  retired_key_ids: z.array(text),
  captchas: z.record(text, z.looseObject({ answer: text, expires_at: time })),
  captcha_tokens: z.record(text, time),
  users: z.array(user),
  enterprises: z.array(enterprise),
  sessions: z.record(text, session),
  // Exports from before the field existed import as "never swept".
  swept_at: z.record(text, time).default({}),
  access_tokens: z.record(text, z.looseObject({ session_id: text, expires_at: time })),
  refresh_tokens: z.record(text, z.looseObject({ session_id: text, rotated_at: time.nullable() })),
  login_failures: z.record(text, z.looseObject({ times: z.array(time), locked_until: time.nullable() })),
  email_codes: z.record(text, z.looseObject({ code: text, user_id: text.nullable(), expires_at: time, wrong_attempts: count })),
  email_sends: z.record(text, z.array(time)),
  api_keys: z.array(apiKey),
  invitations: z.array(invitation),
  verifications: z.array(verification),
});

// Compile-time tie: the schema's output is a PlatformState, so a field added to the state without a rule here
// fails the build instead of importing unchecked.
export const STATE_FITS: true = true satisfies [z.output<typeof platformStateSchema>] extends [PlatformState] ? true : 'schema drifted';
