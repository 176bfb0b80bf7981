import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from './packed.js';

// @gatewaykit/mock uses the user's copy of the SDK (decision 020): its build keeps `gatewaykit/*` external, so no SDK
// source is bundled into it. The maps list every source a file was built from. `npm test` builds first.
const DIST = join(ROOT, 'packages', 'mock', 'dist');
/** Pure helpers without classes or state, whose bundled copy is never compared with the user's. */
const BUNDLED_SDK_SOURCES = ['src/core/crypto/base64.ts'];

test('mock dist: the library build bundles no SDK source but the pure base64 helpers', () => {
  const maps = readdirSync(DIST, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.map'));
  const sources = new Set(maps.flatMap((map) => (JSON.parse(readFileSync(join(DIST, map), 'utf8')) as { sources: string[] }).sources.map((s) => s.replace(/^(\.\.\/)+/, ''))));
  expect([...sources].filter((source) => source.startsWith('src/'))).toEqual(BUNDLED_SDK_SOURCES);
  expect([...sources].filter((source) => source.startsWith('mocks/')).length).toBeGreaterThan(100);
});

test('mock dist: the vitest helper imports the SDK clients by their package names, in ESM and CJS', () => {
  const esm = readFileSync(join(DIST, 'vitest.js'), 'utf8');
  const cjs = readFileSync(join(DIST, 'vitest.cjs'), 'utf8');
  for (const dialect of ['newapi', 'platform', 'aether', 'opencat']) {
    expect(esm).toContain(`from 'gatewaykit/${dialect}'`);
    expect(cjs).toContain(`require('gatewaykit/${dialect}')`);
  }
});
