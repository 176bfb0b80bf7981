import { defineConfig } from 'tsup';

// The SDK package `gatewaykit`: one entry per subpath export. The reference server is the second package,
// `@gatewaykit/mock`, built by packages/mock/tsup.config.ts (decision 020).
// Splitting (ESM and CJS) puts src/core in shared chunks, so `gatewaykit` and `gatewaykit/newapi`
// hand out the same ApiError class and `instanceof` holds across subpaths.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'core/index': 'src/core/index.ts',
    'newapi/index': 'src/newapi/index.ts',
    'newapi/epay': 'src/newapi/epay.ts',
    'platform/index': 'src/platform/index.ts',
    'aether/index': 'src/aether/index.ts',
    'opencat/index': 'src/opencat/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  // Maps name dist/ lines without carrying the sources the package does not ship (issue 12: 688 kB a map).
  esbuildOptions(options) {
    options.sourcesContent = false;
  },
  target: 'es2022',
  splitting: true,
  treeshake: true,
});
