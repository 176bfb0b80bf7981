import { defineConfig } from 'vitest/config';

// The SDK suite runs twice: once in-process (the client's fetch is server.fetch) and once
// over real HTTP through mocks/node on an ephemeral port. test/support/setup.ts reads
// GATEWAYKIT_TRANSPORT to pick the adapter, so every test file stays transport-agnostic.
export default defineConfig({
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/core/**/*.test.ts', 'test/mock-core/**/*.test.ts', 'test/contract/**/*.test.ts', 'test/package/**/*.test.ts'],
        },
      },
      {
        // Real Chromium (Debian's, via playwright-core). Not part of `npm test`, which must pass on a
        // machine without a browser: `npm run test:browser`, which .ci/run runs after installing chromium.
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'in-process',
          include: ['test/newapi/**/*.test.ts', 'test/platform/**/*.test.ts'],
          env: { GATEWAYKIT_TRANSPORT: 'in-process' },
          setupFiles: ['test/support/contract-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'http',
          include: ['test/newapi/**/*.test.ts', 'test/platform/**/*.test.ts'],
          env: { GATEWAYKIT_TRANSPORT: 'http' },
          setupFiles: ['test/support/contract-setup.ts'],
        },
      },
    ],
  },
});
