/**
 * The platform dialect as the core consumes it: routes (each behind its rate limit), the `{code, message,
 * data}` envelope, the seed, and the checks the control API applies to settings and imported state.
 * @module
 */
import { z } from 'zod';
import type { Dialect } from '../core/types.js';
import { platformErrors } from './envelope.js';
import { withRateLimit } from './rate-limit.js';
import { platformRoutes } from './routes.js';
import { seedPlatform } from './seed.js';
import type { PlatformSettings, PlatformState } from './state.js';

const settingsPatchSchema = z
  .strictObject({ RegisterEnabled: z.boolean(), RateLimitEnabled: z.boolean() } satisfies Record<keyof PlatformSettings, z.ZodType>)
  .partial();

// Rough on purpose (extra keys pass), but every table a handler walks has the type it expects, so an import
// cannot make a handler throw on a missing table.
const table = z.array(z.looseObject({}));
const map = z.record(z.string(), z.unknown());
const stateSchema = z.looseObject({
  settings: settingsPatchSchema.required(),
  outbox: z.array(z.looseObject({ id: z.number().int() })),
  rsa_keys: z.array(
    z.looseObject({ key_id: z.string(), private_pkcs8: z.string(), public_key_pem: z.string(), created_at: z.number(), expires_at: z.number(), used: z.array(z.string()) }),
  ),
  retired_key_ids: z.array(z.string()),
  captchas: map,
  captcha_tokens: z.record(z.string(), z.number()),
  users: z.array(z.looseObject({ user_id: z.string(), email: z.string(), password_hash: z.string(), quota: z.looseObject({}), realname: z.looseObject({}) })),
  enterprises: table,
  sessions: map,
  // Exports from before the field existed import as "never swept".
  swept_at: z.record(z.string(), z.number()).default({}),
  access_tokens: map,
  refresh_tokens: map,
  login_failures: z.record(z.string(), z.looseObject({ times: z.array(z.number()) })),
  email_codes: map,
  email_sends: z.record(z.string(), z.array(z.number())),
  api_keys: z.array(z.looseObject({ allowed_models: z.array(z.string()), allowed_ips: z.array(z.string()) })),
  invitations: table,
  verifications: table,
});

/**
 * The platform dialect ("v1" personal/enterprise API, RSA-encrypted passwords, bearer tokens).
 *
 * @example
 * const engine = createEngine(platformDialect, { seed: 1 });
 */
export const platformDialect: Dialect<PlatformState, PlatformSettings> = {
  name: 'platform',
  routes: platformRoutes.map(withRateLimit),
  errors: platformErrors,
  seed: seedPlatform,
  parseSettingsPatch(body) {
    const parsed = settingsPatchSchema.safeParse(body);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: z.prettifyError(parsed.error) };
  },
  parseState(body) {
    const parsed = stateSchema.safeParse(body);
    return parsed.success ? { ok: true, value: parsed.data as unknown as PlatformState } : { ok: false, error: z.prettifyError(parsed.error) };
  },
};
