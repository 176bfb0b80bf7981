import { defineConfig } from 'tsup';

// One entry per subpath export. Node built-ins are only allowed under mocks/node;
// the browser bundle test in test/package enforces that.
// Splitting (ESM and CJS) puts src/core in shared chunks, so `gatewaykit` and `gatewaykit/newapi`
// hand out the same ApiError class and `instanceof` holds across subpaths.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'core/index': 'src/core/index.ts',
    'newapi/index': 'src/newapi/index.ts',
    'newapi/epay': 'src/newapi/epay.ts',
    'platform/index': 'src/platform/index.ts',
    'opencat/index': 'src/opencat/index.ts',
    'mock/index': 'mocks/index.ts',
    'mock/node/index': 'mocks/node/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  splitting: true,
  treeshake: true,
});
