/**
 * `@gatewaykit/mock/node`: the Node-only side of the reference server, serving it over real HTTP.
 * @module @gatewaykit/mock/node
 */
export { serve } from './serve.js';
export type { FetchHandler, RunningServer, ServeOptions } from './serve.js';
export { DEFAULT_CLIENT_LIMITS, isLoopback } from './limits.js';
export type { ClientLimits, ResolvedClientLimits } from './limits.js';
export type { AllowedHosts } from './allowed-hosts.js';
