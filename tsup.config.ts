import { defineConfig } from 'tsup';

// One entry per subpath export. Node built-ins are only allowed under mocks/node;
// the browser bundle test in test/package enforces that.
export default defineConfig({
  entry: {
    index: 'src/index.ts',
    'newapi/index': 'src/newapi/index.ts',
    'mock/index': 'mocks/index.ts',
    'mock/node/index': 'mocks/node/index.ts',
  },
  format: ['esm', 'cjs'],
  dts: true,
  sourcemap: true,
  clean: true,
  target: 'es2022',
  splitting: false,
  treeshake: true,
});
