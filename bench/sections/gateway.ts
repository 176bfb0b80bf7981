import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { createReferenceServer } from '../../mocks/index.js';
import { connect } from '../../src/index.js';
import { NewApiClient } from '../../src/newapi/index.js';
import { compare, type Comparison } from '../lib/measure.js';

const BASE = 'http://localhost';

/**
 * A normalized call against the native call it maps to, in-process, on one seeded new-api server (frozen clock, no
 * rate limits), each side logged in as root: `gateway.users.retrieve(id)` vs `native.users.retrieve(id)` and
 * `gateway.users.list()` vs `native.users.list()`. What is measured is the Gateway's own cost (the capability check,
 * the mapping to GatewayUser, the mapped page) on top of the same request.
 */
export async function gatewayOverhead(quick: boolean): Promise<{ retrieve: Comparison; list: Comparison }> {
  const server = createReferenceServer({ dialect: 'newapi', seed: 1, clock: { frozen: true }, rateLimits: false });
  await server.ready;
  const root = server.accounts.find((a) => a.role === 100)!;
  const fetch = (request: Request) => server.fetch(request);
  const native = new NewApiClient({ baseURL: BASE, fetch, maxRetries: 0 });
  await native.auth.login({ username: root.username, password: root.password });
  const gateway = await connect({ baseURL: BASE, fetch, maxRetries: 0, dialect: 'newapi', auth: { username: root.username, password: root.password } });
  const id = native.userId!;
  const budget = quick ? { rounds: 15, iterations: 100, warmup: 100 } : { rounds: 31, iterations: 300, warmup: 300 };
  const retrieve = await compare('native', { native: () => native.users.retrieve(id), gateway: () => gateway.users.retrieve(String(id)) }, budget);
  const list = await compare('native', { native: async () => native.users.list(), gateway: async () => gateway.users.list() }, budget);
  return { retrieve, list };
}

/**
 * What an app that calls `connect({ dialect: 'newapi' })` loads: esbuild's minified browser ESM build with code
 * splitting, the entry chunk plus every chunk it imports statically and the newapi adapter's dynamic chunk (with
 * theirs), gzipped; and which dialects' sources those chunks hold (only newapi's may).
 */
export async function connectBundle(): Promise<{ bytes: number; dialects: string[] }> {
  const root = new URL('../..', import.meta.url).pathname;
  const loaded = await loadedChunks(root, "import { connect } from './src/index.ts'; export const open = (baseURL) => connect({ baseURL, dialect: 'newapi', auth: { username: 'u', password: 'p' } });", 'src/gateway/adapters/newapi.ts');
  const dialects = [...new Set(loaded.inputs.map((path) => /^src\/(newapi|platform|aether|opencat)\//.exec(path)?.[1]).filter((d): d is string => d !== undefined))].sort();
  return { bytes: loaded.chunks.reduce((sum, chunk) => sum + gzipSync(chunk, { level: 9 }).length, 0), dialects };
}

/** The chunks loaded for `entry` when the dynamic import of the chunk holding `dynamic` runs, and the inputs with code in them (not tree-shaken away). */
export async function loadedChunks(root: string, entry: string, dynamic: string): Promise<{ chunks: Uint8Array[]; inputs: string[] }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: root, loader: 'ts', sourcefile: 'app.ts' },
    bundle: true,
    minify: true,
    splitting: true,
    outdir: `${root}.tmp/gateway-bundle`,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const outputs = result.metafile.outputs;
  const relative = (path: string) => path.slice(path.indexOf('.tmp/gateway-bundle/'));
  const start = Object.keys(outputs).find((path) => outputs[path]!.entryPoint !== undefined)!;
  const seen = new Set<string>();
  const visit = (path: string, followDynamic: boolean) => {
    if (seen.has(path)) return;
    seen.add(path);
    for (const imported of outputs[path]!.imports) {
      if (imported.kind === 'import-statement') visit(imported.path, followDynamic);
      else if (followDynamic && imported.kind === 'dynamic-import' && Object.hasOwn(outputs[imported.path]?.inputs ?? {}, dynamic)) visit(imported.path, false);
    }
  };
  visit(start, true);
  const files = new Map(result.outputFiles.map((file) => [relative(file.path), file.contents]));
  return { chunks: [...seen].map((path) => files.get(relative(path))!), inputs: [...seen].flatMap((path) => Object.entries(outputs[path]!.inputs).filter(([, input]) => input.bytesInOutput > 0).map(([input]) => input)) };
}
