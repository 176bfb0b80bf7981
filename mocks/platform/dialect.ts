/**
 * The platform dialect as the core consumes it: routes (each behind its rate limit), the `{code, message,
 * data}` envelope, the seed, and the checks the control API applies to settings and imported state.
 * @module
 */
import { z } from 'zod';
import { socketAddress } from '../core/client-address.js';
import { corsOriginsSchema } from '../core/cors.js';
import { starletteCors } from '../core/starlette-cors.js';
import type { Dialect } from '../core/types.js';
import { PLATFORM_FAULT_STATUSES, platformErrors } from './envelope.js';
import { withRateLimit } from './rate-limit.js';
import { platformRoutes } from './routes.js';
import { seedPlatform, type PlatformAccount } from './seed.js';
import type { PlatformSettings, PlatformState } from './state.js';
import { platformStateSchema } from './state-schema.js';

const settingsPatchSchema = z
  .strictObject({ RegisterEnabled: z.boolean(), RateLimitEnabled: z.boolean(), CorsOrigins: corsOriginsSchema } satisfies Record<keyof PlatformSettings, z.ZodType>)
  .partial();

/**
 * The platform dialect ("v1" personal/enterprise API, RSA-encrypted passwords, bearer tokens).
 *
 * @example
 * const engine = createEngine(platformDialect, { seed: 1 });
 */
export const platformDialect: Dialect<PlatformState, PlatformSettings, PlatformAccount> = {
  name: 'platform',
  routes: platformRoutes.map(withRateLimit),
  errors: platformErrors,
  faultStatuses: PLATFORM_FAULT_STATUSES,
  seed: seedPlatform,
  generatesUsers: true,
  settingsSchema: settingsPatchSchema,
  stateSchema: platformStateSchema,
  contract: 'openapi/platform.yaml',
  sandbox: {
    port: 4013,
    // Passwords travel RSA-encrypted behind a captcha, so the first step is the public key (then the SDK).
    example: (url) => `curl -s ${url}/api/v1/auth/public-key && curl -s -X POST ${url}/api/v1/auth/captcha`,
    // The seeded people are named by what they are (`enterprise admin`); the platform's own role is admin or user.
    roleName: (role) => (role === 'platform admin' ? 'admin' : 'user'),
  },
  // No upstream to follow: the contract names no proxy, so rate limits key on the socket address alone.
  clientAddress: socketAddress,
  // No upstream: the configured origins get Starlette's rules (the core's list-of-origins layer), with credentials.
  cors: starletteCors((settings) => ({
    allowOrigins: settings.CorsOrigins,
    allowCredentials: true,
    allowMethods: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowHeaders: ['*'],
    exposeHeaders: ['*'],
  })),
};
