/**
 * The platform dialect as the core consumes it: routes (each behind its rate limit), the `{code, message,
 * data}` envelope, the seed, and the checks the control API applies to settings and imported state.
 * @module
 */
import { z } from 'zod';
import type { Dialect } from '../core/types.js';
import { PLATFORM_FAULT_STATUSES, platformErrors } from './envelope.js';
import { withRateLimit } from './rate-limit.js';
import { platformRoutes } from './routes.js';
import { seedPlatform } from './seed.js';
import type { PlatformSettings, PlatformState } from './state.js';
import { platformStateSchema } from './state-schema.js';

const settingsPatchSchema = z
  .strictObject({ RegisterEnabled: z.boolean(), RateLimitEnabled: z.boolean() } satisfies Record<keyof PlatformSettings, z.ZodType>)
  .partial();

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
  faultStatuses: PLATFORM_FAULT_STATUSES,
  seed: seedPlatform,
  parseSettingsPatch(body) {
    const parsed = settingsPatchSchema.safeParse(body);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: z.prettifyError(parsed.error) };
  },
  async parseState(body) {
    // Async: the RSA key check imports each key with WebCrypto.
    const parsed = await platformStateSchema.safeParseAsync(body);
    return parsed.success ? { ok: true, value: parsed.data } : { ok: false, error: z.prettifyError(parsed.error) };
  },
};
