import { defineConfig } from 'tsup';

// One entry per subpath export. Node built-ins are only allowed under mocks/node;
// the browser bundle test in test/package enforces that.
// Splitting (ESM and CJS) puts src/core in shared chunks, so `gatewaykit` and `gatewaykit/newapi`
// hand out the same ApiError class and `instanceof` holds across subpaths.
export default defineConfig([
  {
    entry: {
      index: 'src/index.ts',
      'core/index': 'src/core/index.ts',
      'newapi/index': 'src/newapi/index.ts',
      'newapi/epay': 'src/newapi/epay.ts',
      'platform/index': 'src/platform/index.ts',
      'aether/index': 'src/aether/index.ts',
      'opencat/index': 'src/opencat/index.ts',
      'mock/index': 'mocks/index.ts',
      'mock/node/index': 'mocks/node/index.ts',
      'mock/vitest': 'mocks/vitest.ts',
    },
    // The vitest helper's runner is the user's own.
    external: ['vitest'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    // No `clean`: the two builds run at once, and one's clean could remove the other's output; `npm run build` empties dist/ first.
    target: 'es2022',
    splitting: true,
    treeshake: true,
  },
  // The sandbox CLI (`bin`): one ESM file for Node with its shebang, started as a process, never imported.
  {
    entry: { 'mock/sandbox': 'mocks/node/bin.ts' },
    format: ['esm'],
    platform: 'node',
    // Dependencies bundled in: one file to parse instead of hundreds to resolve, which is most of a cold start.
    noExternal: [/.*/],
    dts: false,
    // 1.5 MB of bundled dependencies would bring a 3.6 MB map to every install; traces name the bundle's lines.
    sourcemap: false,
    target: 'es2022',
    splitting: false,
    treeshake: true,
  },
]);
