import { build } from 'esbuild';
import { chromium, type Browser } from 'playwright-core';
import { createReferenceServer, type ReferenceServer } from '../../mocks/index.js';
import { serve } from '../../mocks/node/index.js';

/** Debian's chromium, as CI installs it; CHROMIUM_PATH overrides. */
export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Chromium, headless; `args` adds switches, e.g. `--host-resolver-rules` to point a name at 127.0.0.1. */
export function launchChromium(args: readonly string[] = []): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath, args: ['--headless', '--no-sandbox', ...args] });
}

/** The SDK entry bundled for browsers, exactly as an app's bundler would see it. */
export function bundleSdk(): Promise<string> {
  return bundle('src/newapi/index.ts');
}

/** A module and all it imports (the reference server and msw included) bundled for browsers. */
export async function bundle(entry: string): Promise<string> {
  const result = await build({ entryPoints: [entry], bundle: true, format: 'esm', platform: 'browser', write: false, logLevel: 'silent' });
  return result.outputFiles[0]!.text;
}

/** A static server for pages that bring their own reference server: any other path is a 404. */
export function serveFiles(files: Record<string, { type: string; body: string }>) {
  return serve({ fetch: filesOr(files, () => Promise.resolve(new Response('not found', { status: 404 }))) });
}

function filesOr(files: Record<string, { type: string; body: string }>, otherwise: (request: Request) => Promise<Response>) {
  return (request: Request) => {
    const file = files[new URL(request.url).pathname];
    return file ? Promise.resolve(new Response(file.body, { headers: { 'content-type': file.type } })) : otherwise(request);
  };
}

/**
 * A reference server over HTTP that also serves a small app under `/app/`, so the page and the API
 * share one origin, as a console deployed next to its gateway does.
 */
export async function serveWithApp(files: Record<string, { type: string; body: string }>, server?: ReferenceServer) {
  const reference = server ?? createReferenceServer({ dialect: 'newapi', seed: 1 });
  await reference.ready;
  const running = await serve({ fetch: filesOr(files, (request) => reference.fetch(request)) });
  return { ...running, reference };
}
