// Placeholder until gw-adapters writes the platform adapter (it replaces this file whole): the client only, every
// operation unsupported, so the Gateway's calls reject with UnsupportedOperationError rather than pretend.
import { OPERATIONS } from '../operations.js';
import type { AdapterFactory, Capabilities } from '../types.js';

/** The platform adapter (placeholder). */
export const platformAdapter: AdapterFactory<'platform'> = async ({ clientOptions }) => {
  const { PlatformClient } = await import('../../platform/client.js');
  const capabilities = Object.fromEntries(OPERATIONS.map((o) => [o, { supported: false, alternative: 'gateway.native' }])) as unknown as Capabilities;
  return { dialect: 'platform', native: new PlatformClient(clientOptions), capabilities, operations: {} };
};
