/**
 * Serves msw's service worker script at `/mockServiceWorker.js` from the installed msw package, so the script
 * always matches the msw version the page runs and no copy of it is committed (msw warns, and stops, when the
 * worker and the library disagree).
 * @module
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Plugin } from 'vite';

/** Where the worker is served; `setupWorker().start()` registers this URL by default. */
const WORKER_PATH = '/mockServiceWorker.js';

/**
 * A Vite plugin: the worker script in the dev server, and as an asset of a build (`vite build --mode msw`).
 * @example
 * export default defineConfig({ plugins: [mswWorker()] });
 */
export function mswWorker(): Plugin {
  // Read per request, not at start: a reinstall of msw takes effect without restarting Vite.
  const script = () => readFileSync(createRequire(import.meta.url).resolve('msw/mockServiceWorker.js'), 'utf8');
  return {
    name: 'gatewaykit-msw-worker',
    configureServer(server) {
      server.middlewares.use(WORKER_PATH, (_request, response) => {
        response.setHeader('content-type', 'text/javascript');
        response.end(script());
      });
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: WORKER_PATH.slice(1), source: script() });
    },
  };
}
