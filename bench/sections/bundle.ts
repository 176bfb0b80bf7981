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

/** min+gz bytes of what a browser app pays for `gatewaykit/newapi` and `gatewaykit/platform`, and for openapi-fetch alone. */
export async function bundleSizes(): Promise<{ newapi: number; platform: number; openapiFetch: number }> {
  const root = new URL('../..', import.meta.url).pathname;
  return {
    newapi: await gzipped(`export * from './src/newapi/index.ts';`, root),
    platform: await gzipped(`export * from './src/platform/index.ts';`, root),
    openapiFetch: await gzipped(`export { default } from 'openapi-fetch';`, root),
  };
}
