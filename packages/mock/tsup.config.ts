import { defineConfig } from 'tsup';

// `@gatewaykit/mock`, built from the sources in ../../mocks (decision 020). tsup runs in this folder, so the
// dependencies and peers it keeps external are this package's: above all `gatewaykit`, which the mock sources
// import by its public subpaths. The mock's clients, errors and redaction are then the user's own copy of the SDK
// (one `ApiError` class, `instanceof` holds), in the JS and in the declarations alike.
const entry = {
  index: '../../mocks/index.ts',
  'node/index': '../../mocks/node/index.ts',
  vitest: '../../mocks/vitest.ts',
};

export default defineConfig([
  {
    entry,
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // Maps name dist/ lines without carrying the sources the package does not ship (issue 12: 688 kB a map).
    esbuildOptions(options) {
      options.sourcesContent = false;
    },
    // `import.meta.url` in the CJS build: msw is loaded on first use, resolved from this package (mocks/core/msw-module.ts).
    shims: true,
    target: 'es2022',
    splitting: true,
    treeshake: true,
  },
  // The sandbox CLI (`bin`): one ESM file for Node with its shebang, started as a process, never imported.
  {
    entry: { sandbox: '../../mocks/node/bin.ts' },
    format: ['esm'],
    platform: 'node',
    // Dependencies (the SDK's redaction included) bundled in: one file to parse instead of hundreds to resolve,
    // which is most of a cold start. Nothing imports the bin, so its copy of a class is never compared.
    noExternal: [/.*/],
    dts: false,
    // 1.5 MB of bundled dependencies would bring a 3.6 MB map to every install; traces name the bundle's lines.
    sourcemap: false,
    target: 'es2022',
    splitting: false,
    treeshake: true,
  },
]);
