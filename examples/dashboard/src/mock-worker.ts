/**
 * `--mode msw`: the new-api reference server runs inside the page, and msw's service worker answers the page's
 * `/api` requests from it. Nothing leaves the browser; a reload starts from the seed again.
 * @module
 */
import { setupWorker } from 'msw/browser';
// In an app of your own: import { createReferenceServer } from the mock package.
import { createReferenceServer } from '@gatewaykit/mock';

/**
 * Starts the worker; resolves once it intercepts requests, so the app's first call is already answered by it.
 * @example
 * await startMockWorker();
 */
export async function startMockWorker(): Promise<void> {
  const server = createReferenceServer({ dialect: 'newapi', seed: 1 });
  await server.ready;
  // Vite's own modules and HMR requests are not the API's: let them through without a warning.
  await setupWorker(...server.handlers).start({ onUnhandledRequest: 'bypass', quiet: true });
}
