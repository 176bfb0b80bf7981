/**
 * The opencat dialect as the core consumes it: the `/1` routes of opencatd-open (c11824f), gin's plain 404, the
 * seed, and the checks the control API applies to settings and imported state.
 * @module
 */
import { socketAddress } from '../core/client-address.js';
import type { Dialect } from '../core/types.js';
import { openCatErrors } from './errors.js';
import { openCatRoutes } from './routes.js';
import { seedOpenCat, type OpenCatAccount } from './seed.js';
import type { OpenCatSettings, OpenCatState } from './state.js';
import { openCatSettingsSchema, openCatStateSchema } from './state-schema.js';

/**
 * The opencat dialect ("OpenCat for Team": static UUID bearer tokens, root is user 1).
 *
 * @example
 * const engine = createEngine(openCatDialect, { seed: 1 });
 */
export const openCatDialect: Dialect<OpenCatState, OpenCatSettings, OpenCatAccount> = {
  name: 'opencat',
  routes: openCatRoutes,
  errors: openCatErrors,
  seed: seedOpenCat,
  generatesUsers: true,
  settingsSchema: openCatSettingsSchema,
  stateSchema: openCatStateSchema,
  contract: 'openapi/opencat.yaml',
  sandbox: {
    port: 4012,
    example: (url) => `curl -s -H "Authorization: Bearer <root token>" ${url}/1/users && curl -s -H "Authorization: Bearer <root token>" ${url}/1/keys`,
  },
  // Upstream has no rate limit; nothing keys on an address.
  clientAddress: socketAddress,
};
