import { build } from 'esbuild';
import { expect, test } from 'vitest';
import { loadedChunks } from '../../bench/sections/gateway.js';

const root = new URL('../..', import.meta.url).pathname;
const DIALECTS = ['newapi', 'platform', 'aether', 'opencat'] as const;

test.each(DIALECTS)("connect({ dialect: '%s' }) loads that dialect's sources and none of the other three", async (dialect) => {
  const app = `import { connect } from './src/index.ts'; export const open = (baseURL, auth) => connect({ baseURL, dialect: '${dialect}', auth });`;
  const { inputs } = await loadedChunks(root, app, `src/gateway/adapters/${dialect}.ts`);
  const found = new Set(inputs.map((path) => /^src\/(newapi|platform|aether|opencat)\//.exec(path)?.[1]).filter(Boolean));
  expect([...found]).toEqual([dialect]);
});

test('an app that imports only the root entry’s errors bundles no gateway and no dialect code', async () => {
  const result = await build({
    stdin: { contents: "export { isApiError, NotFoundError } from './src/index.ts';", resolveDir: root, loader: 'ts' },
    bundle: true,
    minify: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const withCode = Object.entries(Object.values(result.metafile.outputs)[0]!.inputs).filter(([, input]) => input.bytesInOutput > 0);
  expect(withCode.map(([path]) => path).filter((path) => /^src\/(gateway|newapi|platform|aether|opencat)\//.test(path))).toEqual([]);
});
