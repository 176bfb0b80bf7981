import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from './packed.js';

// Maps name dist/ lines and carry no sources (issue 12: the mock's maps were 688 kB each, mostly the inlined
// sources of files the packages do not ship). `npm test` builds before the test projects run.
const DISTS = ['dist', 'packages/mock/dist'];

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)]));
}

test.each(DISTS)('source maps: no map in %s carries sourcesContent, and the maps cost less than half again the code', (dist) => {
  const maps = filesUnder(join(ROOT, dist)).filter((file) => file.endsWith('.map'));
  expect(maps.length).toBeGreaterThan(0);
  for (const map of maps) expect(Object.keys(JSON.parse(readFileSync(map, 'utf8')) as object), map).not.toContain('sourcesContent');
  const mapBytes = maps.reduce((sum, map) => sum + statSync(map).size, 0);
  const codeBytes = maps.reduce((sum, map) => sum + statSync(map.slice(0, -'.map'.length)).size, 0);
  console.log(`source maps: ${dist} ${(mapBytes / 1024).toFixed(0)} kB of maps for ${(codeBytes / 1024).toFixed(0)} kB of code`);
  expect(mapBytes).toBeLessThan(codeBytes * 1.5);
});
