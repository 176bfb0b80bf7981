/**
 * msw, loaded on first use. `server.fetch` and `serve()` answer from the engine and never need it, so
 * `@gatewaykit/mock` runs without msw installed (issue 12); only `server.handlers` does.
 *
 * In Node (≥ 20.16) msw is loaded synchronously on the first read of `handlers`, through `require`: msw's
 * `module-sync` export condition makes that the same ES module instance that `import 'msw'` gives the user's
 * `setupServer`. Where no synchronous load exists (a browser, a worker), `server.ready` loads it with `import()`.
 * No static `node:` import: this file is bundled for browsers too.
 * @module
 */
import type * as Msw from 'msw';

/** The parts of msw the adapter uses. */
export type MswModule = Pick<typeof Msw, 'http' | 'HttpResponse'>;

/** What to run when msw is missing; the one instruction every message gives. */
const INSTALL = 'Please run `npm i -D msw` (msw is an optional peer of @gatewaykit/mock, needed only for `handlers`).';

let loaded: MswModule | undefined;
let preload: Promise<void> | undefined;
let missing = false;

/**
 * Starts loading msw where it cannot be loaded synchronously (browsers); resolves once it is loaded or known
 * missing, never rejects. In Node it does nothing, so a server that is only fetched never loads msw.
 *
 * @example
 * const ready = Promise.all([engine.ready, preloadMsw()]);
 */
export function preloadMsw(): Promise<void> {
  if (loaded || missing || nodeRequire()) return Promise.resolve();
  return (preload ??= import('msw').then(
    (module) => void (loaded = module),
    () => void (missing = true),
  ));
}

/**
 * msw, or an Error that says what to do: install it, or (in a browser, before `ready`) wait for it.
 *
 * @example
 * const { http } = mswModule();
 */
export function mswModule(): MswModule {
  if (loaded) return loaded;
  const require = nodeRequire();
  if (require) {
    try {
      return (loaded = require('msw') as MswModule);
    } catch (error) {
      if ((error as { code?: unknown }).code !== 'MODULE_NOT_FOUND') throw error;
      missing = true;
    }
  }
  if (missing) throw new Error(`Failed to build the msw handlers: msw is not installed. ${INSTALL}`);
  throw new Error(`Failed to build the msw handlers: msw is not loaded yet. Please \`await server.ready\` before reading \`server.handlers\`; if msw is not installed: ${INSTALL}`);
}

let cachedRequire: ((id: string) => unknown) | null | undefined;

/** A `require` that resolves from this package, where Node offers one without a static `node:module` import. */
function nodeRequire(): ((id: string) => unknown) | undefined {
  if (cachedRequire === undefined) {
    const process = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
    const module = process?.getBuiltinModule?.('node:module') as { createRequire(from: string): (id: string) => unknown } | undefined;
    cachedRequire = module ? module.createRequire(import.meta.url) : null;
  }
  return cachedRequire ?? undefined;
}
