/**
 * `gatewaykit/mock/node`: the Node-only side of the reference server, serving it over real HTTP.
 * @module
 */
export { serve } from './serve.js';
export type { FetchHandler, RunningServer, ServeOptions } from './serve.js';
