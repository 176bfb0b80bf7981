import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';

async function gzipped(contents: string, resolveDir: string): Promise<number> {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

/**
 * min+gz bytes of what a browser app pays for `gatewaykit/newapi` and `gatewaykit/platform` (everything each
 * exports), and, to show where the bytes go: `NewApiClient` alone (what an app that only makes the client
 * pays: the epay signing helpers and MD5 tree-shake away), the shared core (`BaseClient`), and openapi-fetch.
 */
export async function bundleSizes(): Promise<{ newapi: number; newapiClient: number; core: number; platform: number; openapiFetch: number }> {
  const root = new URL('../..', import.meta.url).pathname;
  return {
    newapi: await gzipped(`export * from './src/newapi/index.ts';`, root),
    newapiClient: await gzipped(`export { NewApiClient } from './src/newapi/index.ts';`, root),
    core: await gzipped(`export { BaseClient } from './src/core/client.ts';`, root),
    platform: await gzipped(`export * from './src/platform/index.ts';`, root),
    openapiFetch: await gzipped(`export { default } from 'openapi-fetch';`, root),
  };
}
