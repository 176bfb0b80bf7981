import { expect, test } from 'vitest';
import { isUnsupportedOperationError } from '../../src/index.js';
import { useReferenceServer } from '../support/lifecycle.js';
import { newApiGateway, platformGateway } from './support.js';

const newapi = useReferenceServer('newapi');
const platform = useReferenceServer('platform');

test('usage.summary (newapi): unsupported (no log routes), naming the lifetime figures on the user', async () => {
  const gateway = await newApiGateway(newapi);
  const error = await gateway.usage.summary({ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z' }).catch((e: unknown) => e);
  expect(isUnsupportedOperationError(error)).toBe(true);
  expect(error).toMatchObject({ dialect: 'newapi', operation: 'usage.summary', alternative: expect.stringContaining('used_quota and request_count') });
});

test('usage.summary (platform): unsupported (no usage over a range), naming today’s figures in quota.retrieve', async () => {
  const gateway = await platformGateway(platform);
  const error = await gateway.usage.summary({ from: new Date(platform.server.clock.now() - 86_400_000), to: new Date(platform.server.clock.now()) }).catch((e: unknown) => e);
  expect(isUnsupportedOperationError(error)).toBe(true);
  expect(error).toMatchObject({ dialect: 'platform', operation: 'usage.summary', alternative: expect.stringContaining('quota.retrieve') });
});
