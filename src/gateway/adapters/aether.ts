// Placeholder until gw-adapters writes the aether adapter (it replaces this file whole): the client only, every
// operation unsupported, so the Gateway's calls reject with UnsupportedOperationError rather than pretend.
import { OPERATIONS } from '../operations.js';
import type { AdapterFactory, Capabilities } from '../types.js';

/** The aether adapter (placeholder). */
export const aetherAdapter: AdapterFactory<'aether'> = async ({ clientOptions }) => {
  const { AetherClient } = await import('../../aether/client.js');
  const capabilities = Object.fromEntries(OPERATIONS.map((o) => [o, { supported: false, alternative: 'gateway.native' }])) as unknown as Capabilities;
  return { dialect: 'aether', native: new AetherClient(clientOptions), capabilities, operations: {} };
};
