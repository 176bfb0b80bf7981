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

/** new-api's resources beyond the dashboard's three, by the class name `gatewaykit/newapi` exports. */
const FURTHER = ['Groups', 'Users', 'Verification', 'PasswordReset', 'TwoFactor', 'Affiliate', 'TopUp', 'Payments', 'Redemptions'];

/** A user dashboard composed from the resource-less core: what an app that needs only these resources pays. */
const composed = (resources: string[]) => `
  import { NewApiCore, ${resources.join(', ')} } from './src/newapi/index.ts';
  export class Dashboard extends NewApiCore {
    ${resources.map((name, i) => `r${i} = new ${name}(this);`).join('\n    ')}
  }`;

/**
 * min+gz bytes of what a browser app pays: `gatewaykit/newapi`, `gatewaykit/platform`, `gatewaykit/aether` and `gatewaykit/opencat` whole (everything each
 * exports), `NewApiClient` alone, a dashboard composed of `NewApiCore` plus auth, self and tokens, the largest
 * step one further resource adds to that dashboard, the Epay merchant helpers (their own subpath), the shared
 * core (`BaseClient`) and openapi-fetch.
 */
export async function bundleSizes(): Promise<{
  newapi: number;
  newapiClient: number;
  dashboard: number;
  furthest: { name: string; bytes: number };
  epay: number;
  core: number;
  platform: number;
  aether: number;
  opencat: number;
  openapiFetch: number;
}> {
  const root = new URL('../..', import.meta.url).pathname;
  const dashboard = await gzipped(composed(['Auth', 'Self', 'Tokens']), root);
  let furthest = { name: '', bytes: -Infinity };
  for (const name of FURTHER) {
    const bytes = (await gzipped(composed(['Auth', 'Self', 'Tokens', name]), root)) - dashboard;
    if (bytes > furthest.bytes) furthest = { name, bytes };
  }
  return {
    newapi: await gzipped(`export * from './src/newapi/index.ts';`, root),
    newapiClient: await gzipped(`export { NewApiClient } from './src/newapi/index.ts';`, root),
    dashboard,
    furthest,
    epay: await gzipped(`export * from './src/newapi/epay.ts';`, root),
    core: await gzipped(`export { BaseClient } from './src/core/client.ts';`, root),
    platform: await gzipped(`export * from './src/platform/index.ts';`, root),
    aether: await gzipped(`export * from './src/aether/index.ts';`, root),
    opencat: await gzipped(`export * from './src/opencat/index.ts';`, root),
    openapiFetch: await gzipped(`export { default } from 'openapi-fetch';`, root),
  };
}
