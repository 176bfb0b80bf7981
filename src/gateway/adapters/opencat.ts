// Placeholder until gw-adapters writes the opencat adapter (it replaces this file whole): the client only, every
// operation unsupported, so the Gateway's calls reject with UnsupportedOperationError rather than pretend.
import { OPERATIONS } from '../operations.js';
import type { AdapterFactory, Capabilities } from '../types.js';

/** The opencat adapter (placeholder). */
export const openCatAdapter: AdapterFactory<'opencat'> = async ({ clientOptions }) => {
  const { OpenCatClient } = await import('../../opencat/client.js');
  const capabilities = Object.fromEntries(OPERATIONS.map((o) => [o, { supported: false, alternative: 'gateway.native' }])) as unknown as Capabilities;
  return { dialect: 'opencat', native: new OpenCatClient(clientOptions), capabilities, operations: {} };
};
