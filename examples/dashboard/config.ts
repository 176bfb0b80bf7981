/**
 * The dashboard's Vite configuration, as a function so that a test can start it on its own sandbox and port.
 * @module
 */
import { fileURLToPath } from 'node:url';
import type { UserConfig } from 'vite';
import { mswWorker } from './msw-worker-plugin.js';

/** The repository root: the SDK is imported from its sources there. */
const repo = fileURLToPath(new URL('../..', import.meta.url));

/** What {@link dashboardConfig} needs. */
export interface DashboardConfigOptions {
  /** `'msw'` runs the reference server in the page under msw; anything else proxies `/api` to `sandboxUrl`. */
  mode: string;
  /**
   * The HTTP sandbox `/api` is proxied to (`npm start` prints it).
   * @default 'http://127.0.0.1:4010'
   */
  sandboxUrl?: string;
}

/**
 * Vite config of examples/dashboard for one mode.
 * @example
 * const server = await createServer({ ...dashboardConfig({ mode: 'msw' }), configFile: false });
 */
export function dashboardConfig({ mode, sandboxUrl = 'http://127.0.0.1:4010' }: DashboardConfigOptions): UserConfig {
  const msw = mode === 'msw';
  return {
    root: fileURLToPath(new URL('.', import.meta.url)),
    mode,
    // A cache per mode: the two modes optimize different dependencies, and would otherwise re-optimize on every switch.
    cacheDir: `${repo}node_modules/.vite/dashboard-${msw ? 'msw' : 'proxy'}`,
    // The SDK and the reference server from this repository's sources: no `npm run build` before trying the
    // example. An app that installs gatewaykit and @gatewaykit/mock drops these aliases and imports the same
    // names from the packages. The reference server reaches the SDK by package name (its peer), hence every subpath.
    resolve: {
      alias: [
        { find: /^gatewaykit\/newapi\/epay$/, replacement: `${repo}src/newapi/epay.ts` },
        { find: /^gatewaykit\/(core|newapi|platform|aether|opencat)$/, replacement: `${repo}src/$1/index.ts` },
        { find: /^gatewaykit$/, replacement: `${repo}src/index.ts` },
        { find: /^@gatewaykit\/mock$/, replacement: `${repo}mocks/index.ts` },
      ],
    },
    server: {
      // The page imports the repository's src/ and mocks/ through the aliases.
      fs: { allow: [repo] },
      // One origin for the page and the API, so new-api's session cookie (host-only, Path=/) is the page's:
      // new-api's CORS never lets another origin read its answers (docs/guide/newapi.md).
      proxy: msw ? undefined : { '/api': { target: sandboxUrl, changeOrigin: true } },
    },
    plugins: msw ? [mswWorker()] : [],
    // The reference server (faker's locale data most of it, ~830 kB) is its own chunk, loaded in msw mode only.
    build: { chunkSizeWarningLimit: 1000 },
  };
}
