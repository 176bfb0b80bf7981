import { build } from 'esbuild';
import { expect, test } from 'vitest';

// The SDK and the in-process reference server must run in browsers and workers. Bundling them for
// the browser platform fails on any `node:` import or other Node-only dependency that slips in.
async function bundleForBrowser(entry: string) {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    platform: 'browser',
    format: 'esm',
    write: false,
    minify: true,
    logLevel: 'silent',
    metafile: true,
  });
  return result;
}

test('gatewaykit/newapi bundles for the browser without Node built-ins, msw, faker or full zod', async () => {
  const result = await bundleForBrowser('src/newapi/index.ts');
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((path) => /node_modules\/(msw|@faker-js|zod)\//.test(path))).toEqual([]);
  expect(result.outputFiles[0]!.text).not.toMatch(/from\s*"node:/);
});

test('gatewaykit/aether bundles for the browser without Node built-ins, msw, faker, zod or jose', async () => {
  const result = await bundleForBrowser('src/aether/index.ts');
  const inputs = Object.keys(result.metafile.inputs);
  expect(inputs.filter((path) => /node_modules\/(msw|@faker-js|zod|jose)\//.test(path))).toEqual([]);
  expect(inputs.filter((path) => path.startsWith('mocks/'))).toEqual([]);
  expect(result.outputFiles[0]!.text).not.toMatch(/from\s*"node:/);
});

test('@gatewaykit/mock bundles for the browser (the msw worker case)', async () => {
  const result = await bundleForBrowser('mocks/index.ts');
  expect(result.outputFiles[0]!.text.length).toBeGreaterThan(0);
});

test('the root entry bundles for the browser', async () => {
  await expect(bundleForBrowser('src/index.ts')).resolves.toBeDefined();
});

test('@gatewaykit/mock loads msw only by a dynamic import, so a fetch-only browser app needs no msw', async () => {
  const result = await build({ entryPoints: ['mocks/index.ts'], bundle: true, platform: 'browser', format: 'esm', write: false, logLevel: 'silent', external: ['msw'] });
  const text = result.outputFiles[0]!.text;
  expect(text).toMatch(/import\("msw"\)/);
  expect(text).not.toMatch(/from\s*"msw"|import\s*"msw"/);
});
