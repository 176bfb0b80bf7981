/**
 * The aether dialect as the core consumes it: upstream's routes behind its pipeline, the error envelope and
 * Starlette's answers, the seed, and the checks the control API applies to settings and imported state.
 * @module
 */
import { z } from 'zod';
import { trustedProxyHops } from '../core/client-address.js';
import { corsOriginsSchema } from '../core/cors.js';
import { starletteCors } from '../core/starlette-cors.js';
import type { Dialect } from '../core/types.js';
import { AETHER_FAULT_STATUSES, aetherErrors } from './errors.js';
import { aetherRoutes } from './routes.js';
import { seedAether, type AetherAccount } from './seed.js';
import type { AetherSettings, AetherState } from './state.js';
import { aetherStateSchema } from './state-schema.js';

const settingsPatchSchema = z
  .strictObject({
    enable_registration: z.boolean(),
    RateLimitEnabled: z.boolean(),
    CorsOrigins: corsOriginsSchema,
    CorsAllowCredentials: z.boolean(),
  } satisfies Record<keyof AetherSettings, z.ZodType>)
  .partial();

/**
 * The aether dialect (fawney19/Aether at 2b1d197: FastAPI, JWT access and refresh tokens, admin users and keys).
 *
 * @example
 * const engine = createEngine(aetherDialect, { seed: 1 });
 */
export const aetherDialect: Dialect<AetherState, AetherSettings, AetherAccount> = {
  name: 'aether',
  routes: aetherRoutes,
  errors: aetherErrors,
  faultStatuses: AETHER_FAULT_STATUSES,
  seed: seedAether,
  generatesUsers: true,
  settingsSchema: settingsPatchSchema,
  stateSchema: aetherStateSchema,
  contract: 'openapi/aether.yaml',
  sandbox: {
    port: 4011,
    example: (url) =>
      `curl -s ${url}/api/auth/login -H 'content-type: application/json' -d '{"email":"admin@localhost","password":"<password>"}'  then  curl -s ${url}/api/admin/users -H 'authorization: Bearer <access_token>'`,
    accounts: (accounts) => {
      const width = Math.max(24, ...accounts.map((a) => a.email.length));
      return ['  accounts (email / password / role):', ...accounts.map((a) => `    ${a.email.padEnd(width)} ${a.password.padEnd(14)} ${a.role}`)];
    },
  },
  // Upstream's get_client_ip with its default TRUSTED_PROXY_COUNT of 1.
  clientAddress: trustedProxyHops(1),
  // src/main.py adds CORSMiddleware outermost (after PluginMiddleware) whenever `cors_origins` is non-empty.
  cors: starletteCors((settings) => ({
    allowOrigins: settings.CorsOrigins,
    allowCredentials: settings.CorsAllowCredentials,
    allowMethods: ['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS'],
    allowHeaders: ['*'],
    exposeHeaders: ['*'],
  })),
};
