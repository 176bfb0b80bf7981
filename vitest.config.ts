import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { GATEWAYKIT_SOURCES } from './test/support/snippets.js';

// The SDK suite runs twice: once in-process (the client's fetch is server.fetch) and once
// over real HTTP through mocks/node on an ephemeral port. test/support/setup.ts reads
// GATEWAYKIT_TRANSPORT to pick the adapter, so every test file stays transport-agnostic.
/** Unit test files that need `isolate: true` (see the project below). */
const ISOLATED = ['test/core/errors.test.ts'];
// Every dialect's SDK suite is `test/<dialect>/`: a new dialect's folder runs in both transports without an edit here.
const DIALECT_SUITES = ['test/*/**/*.test.ts'];
const NOT_DIALECT_SUITES = ['test/core/**', 'test/mock-core/**', 'test/contract/**', 'test/package/**', 'test/browser/**', 'test/support/**'];

export default defineConfig({
  // The package names pointed at the sources, as tsconfig.json's `paths` do: the mock sources import the SDK by its
  // public subpaths (`gatewaykit/core`, ...), which is what the built @gatewaykit/mock keeps external (decision 020).
  resolve: {
    alias: GATEWAYKIT_SOURCES.map(([specifier, source]) => ({
      find: new RegExp(`^${specifier}$`),
      replacement: fileURLToPath(new URL(source, import.meta.url)),
    })),
  },
  test: {
    // Test files of a worker share one module graph: each isolated file re-imported the SDK, the mocks, msw and
    // yaml, and re-parsed the OpenAPI documents (0.1-1 s a file), which was most of the suite's time (issue 9).
    // What a file must not leak, it restores itself: servers stop in afterAll, spies, stubs and timers are undone,
    // and the contract problems are taken after every test (test/support/contract-setup.ts).
    isolate: false,
    // Vitest's default leaves one core for itself, which on a 2-core machine is one worker and an idle core.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // No test asserts on time (time comes from the server clock or fake timers), so a timeout only guards against a
    // hang. Vitest's 5 s default made whole sessions (several password hashes over HTTP) fail on a loaded machine.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['test/core/**/*.test.ts', 'test/mock-core/**/*.test.ts', 'test/contract/**/*.test.ts', 'test/package/**/*.test.ts'],
          exclude: [...ISOLATED],
        },
      },
      {
        // Files that must have a module graph of their own: the cross-copy guard test resets the module registry
        // to load a second copy of every error class, which would hand later files of a shared worker that copy.
        extends: true,
        test: { name: 'unit-isolated', include: [...ISOLATED], isolate: true },
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
          include: DIALECT_SUITES,
          exclude: NOT_DIALECT_SUITES,
          env: { GATEWAYKIT_TRANSPORT: 'in-process' },
          setupFiles: ['test/support/contract-setup.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'http',
          include: DIALECT_SUITES,
          exclude: NOT_DIALECT_SUITES,
          env: { GATEWAYKIT_TRANSPORT: 'http' },
          setupFiles: ['test/support/contract-setup.ts'],
        },
      },
    ],
  },
});
